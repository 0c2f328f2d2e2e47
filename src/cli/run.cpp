#include "cli/run.hpp"

#include <algorithm>
#include <filesystem>
#include <ostream>

#include "cli/build_leaflet.hpp"
#include "cli/options.hpp"
#include "core/invariant.hpp"
#include "fonts/font_fallback.hpp"
#include "fonts/font_registry.hpp"
#include "load/load_font_config.hpp"

namespace leafpress::cli {
namespace fs = std::filesystem;
namespace {

/// Every folder under leaflets/ that holds a leaflet.yaml, sorted.
std::vector<std::string> default_leaflets() {
  std::vector<std::string> folders;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("leaflets", ec)) {
    if (entry.is_directory() && fs::is_regular_file(entry.path() / "leaflet.yaml")) {
      folders.push_back(entry.path().string());
    }
  }
  std::sort(folders.begin(), folders.end());
  return folders;
}

/// The project's font folder: fonts/ in the working folder, else the one beside the
/// leaflets/ folder holding `leaflet` (<project>/leaflets/<name> -> <project>/fonts), so a
/// build started elsewhere still finds the project's fonts and fallback chains.
std::string project_font_folder(const std::string& leaflet) {
  std::error_code ec;
  if (fs::is_directory("fonts", ec)) return "fonts";
  const fs::path beside = fs::absolute(leaflet, ec).lexically_normal().parent_path().parent_path() / "fonts";
  if (fs::is_directory(beside, ec)) return beside.string();
  return "fonts";
}

void print(const core::Diagnostics& diags, std::ostream& err) {
  for (const core::Diagnostic& diagnostic : core::in_reading_order(diags)) err << core::format(diagnostic) << '\n';
}

int build_all(const Options& options, std::ostream& out, std::ostream& err) {
  const fs::file_time_type started = fs::file_time_type::clock::now();
  std::vector<std::string> leaflets = options.leaflets.empty() ? default_leaflets() : options.leaflets;
  if (leaflets.empty()) {
    err << "leafpress: no leaflets found under leaflets/\n";
    return kInputErrors;
  }
  if (options.command == Command::build) {
    std::error_code ec;
    fs::create_directories(options.out_dir, ec);
    if (ec) {
      err << "leafpress: cannot create output folder '" << options.out_dir << "': " << ec.message() << '\n';
      return kInputErrors;
    }
  }
  const std::string font_folder = options.fonts_dir.empty() ? project_font_folder(leaflets.front()) : options.fonts_dir;
  fonts::FontRegistry registry({font_folder}, options.limits.allow_outside);
  core::Diagnostics font_diags;
  fonts::FontFallback fallback(registry, load::load_font_config(font_folder, font_diags, options.limits));
  text::HyphenatorCache hyphenators({fs::path(font_folder) / "hyphenation", text::kSystemHyphenationDir});
  text::TextContext context{fallback, hyphenators};
  for (const auto& file : registry.unusable_files()) {
    if (file.refused) {
      font_diags.error({file.path.string(), 0, 0}, file.reason, file.hint);
    } else {
      font_diags.warning({file.path.string(), 0, 0}, file.reason + "; this file is ignored", file.hint);
    }
  }
  print(font_diags, err);
  // A broken font set-up would give every leaflet fonts other than the project's: build none.
  if (font_diags.has_errors()) return kInputErrors;
  bool ok = true;
  for (const std::string& folder : leaflets) {
    core::Diagnostics diags;
    try {
      ok = build_leaflet(folder, options, registry, context, started, diags, out) && ok;
    } catch (const core::InternalError&) {
      print(diags, err);
      throw;
    } catch (const std::exception& e) {
      diags.error({folder, 0, 0}, e.what());
      ok = false;
    }
    print(diags, err);
  }
  return ok ? kOk : kInputErrors;
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string error;
  const auto options = parse_options(args, error);
  if (!options) {
    err << "leafpress: " << error << "\n" << usage_text();
    return kUsageError;
  }
  switch (options->command) {
    case Command::help:
      out << usage_text();
      return kOk;
    case Command::version:
      out << "leafpress " LEAFPRESS_VERSION "\n";
      return kOk;
    case Command::build:
    case Command::check:
    case Command::dump:
      break;
  }
  try {
    return build_all(*options, out, err);
  } catch (const std::exception& e) {
    err << "leafpress: internal error: " << e.what() << '\n';
    return kInternalError;
  }
}

}  // namespace leafpress::cli
