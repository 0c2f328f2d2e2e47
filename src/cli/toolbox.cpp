#include "cli/toolbox.hpp"

#include "load/load_font_config.hpp"

namespace leafpress::cli {

Toolbox::Toolbox(const std::filesystem::path& font_folder, core::Diagnostics& diags)
    : registry_(std::make_unique<fonts::FontRegistry>(std::vector<std::filesystem::path>{font_folder})),
      fallback_(std::make_unique<fonts::FontFallback>(*registry_, load::load_font_config(font_folder, diags))),
      hyphenators_(std::make_unique<text::HyphenatorCache>(
          std::vector<std::filesystem::path>{font_folder / "hyphenation", text::kSystemHyphenationDir})),
      context_{*fallback_, *hyphenators_} {
  for (const auto& file : registry_->unusable_files()) {
    diags.warning({file.path.string(), 0, 0}, file.reason + "; this file is ignored");
  }
}

}  // namespace leafpress::cli
