// libFuzzer target: the whole pipeline, load -> localize -> lay out -> PDF, in memory.
//
// The input is a leaflet's leaflet.yaml, then its strings files, each after a line naming
// it: "#== fr.yaml ==" (a YAML comment, so a mangled separator line still parses). Text
// before the first separator is leaflet.yaml; a name given twice keeps its first content.
// For example:
//
//   default_language: fr
//   title: t
//   content: [paragraph: t]
//   #== fr.yaml ==
//   t: Bonjour
//
// Each language the leaflet loads with is set in each of its formats, as `leafpress build`
// sets it (the first language also in large print), and each document that reports no
// error is written as a PDF in memory. Fonts, fallback chains and hyphenation come from the
// project's fonts/ folder and the system (LEAFPRESS_FONT_FOLDER, set at build time), as a
// build from the project's root finds them. The limits are the defaults but for pages (see
// fuzz_limits).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "cli/toolbox.hpp"
#include "core/diagnostics.hpp"
#include "core/limits.hpp"
#include "layout/dump.hpp"
#include "layout/for_format.hpp"
#include "layout/large_print.hpp"
#include "layout/lay_out.hpp"
#include "load/load_leaflet.hpp"
#include "locale/localize.hpp"
#include "pdf/write_pdf.hpp"

namespace {

using namespace leafpress;

constexpr std::string_view kSeparatorStart = "#== ";
constexpr std::string_view kSeparatorEnd = " ==";

/// The command line's default limits, but for pages: a leaflet that repeats a long string's
/// key fills the default 500 pages from a few kilobytes, in seconds by design (10 ms a page
/// in Release) and in minutes in the fuzz build. Fewer pages keep each input well inside
/// the fuzzer's time-out, so a time-out means a cost that grows faster than the pages.
core::Limits fuzz_limits() {
  core::Limits limits;
  limits.max_pages = 24;
  return limits;
}

/// Fonts, fallback chains and hyphenation dictionaries, opened once for the whole run as
/// `leafpress build` opens them once per worker.
struct Shared {
  core::Limits limits = fuzz_limits();
  core::Diagnostics toolbox_diags;
  cli::Toolbox tools{LEAFPRESS_FONT_FOLDER, limits, toolbox_diags};
};

/// leaflet.yaml and the strings files, split at the separator lines.
load::LeafletFiles split(std::string_view input) {
  load::LeafletFiles files;
  std::string name = "leaflet.yaml";
  std::size_t start = 0;  // of the current file's content
  for (std::size_t line = 0; line < input.size();) {
    const std::size_t end = std::min(input.find('\n', line), input.size());
    const std::string_view text = input.substr(line, end - line);
    const std::size_t next = std::min(end + 1, input.size());
    if (text.size() > kSeparatorStart.size() + kSeparatorEnd.size() && text.starts_with(kSeparatorStart) &&
        text.ends_with(kSeparatorEnd)) {
      files.emplace(name, input.substr(start, line - start));
      name = text.substr(kSeparatorStart.size(), text.size() - kSeparatorStart.size() - kSeparatorEnd.size());
      start = next;
    }
    line = next;
  }
  files.emplace(name, input.substr(start));
  return files;
}

/// Sets one document and writes its PDF when setting it reported no error.
void build(const document::LocalizedDocument& localized, Shared& shared, core::Diagnostics& diags, bool verbose) {
  const std::size_t errors_before = diags.error_count();
  const auto pages =
      layout::lay_out(localized, shared.tools.registry(), shared.tools.context(), diags, shared.limits.max_pages);
  if (!pages || diags.error_count() > errors_before) return;
  (void)layout::dump(*pages);
  const std::string pdf = pdf::write_pdf(*pages, {std::nullopt, "leafpress fuzz"});
  if (localized.format == document::Format::booklet) {
    (void)pdf::write_pdf(layout::impose_for_office(*pages, localized), {std::nullopt, "leafpress fuzz"});
  }
  if (verbose) {
    std::fprintf(stderr, "%s: %zu pages, %zu PDF bytes\n", localized.language.c_str(), pages->pages.size(), pdf.size());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Shared shared;
  // LEAFPRESS_FUZZ_VERBOSE=1 prints what each input reported and made, to see how far it got.
  static const bool verbose = std::getenv("LEAFPRESS_FUZZ_VERBOSE") != nullptr;
  core::Diagnostics diags;
  const auto doc = load::load_leaflet_from_files(
      "fuzz", split(std::string_view(reinterpret_cast<const char*>(data), size)), diags, shared.limits);
  if (doc) {
    for (const std::string& language : doc->languages) {
      const document::LocalizedDocument localized = locale::localize(*doc, language, diags, shared.limits);
      for (const document::Format format : doc->formats) build(layout::for_format(localized, format), shared, diags, verbose);
      if (language == doc->languages.front()) {
        build(layout::for_large_print(layout::for_format(localized, document::Format::brochure)), shared, diags, verbose);
      }
    }
  }
  for (const core::Diagnostic& diagnostic : core::in_reading_order(diags)) {
    const std::string line = core::format(diagnostic);
    if (verbose) std::fprintf(stderr, "%s\n", line.c_str());
  }
  return 0;
}
