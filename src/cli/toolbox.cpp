#include "cli/toolbox.hpp"

#include "load/load_font_config.hpp"

namespace leafpress::cli {

Toolbox::Toolbox(const std::filesystem::path& font_folder, const core::Limits& limits, core::Diagnostics& diags)
    : registry_(std::make_unique<fonts::FontRegistry>(std::vector<std::filesystem::path>{font_folder},
                                                      limits.allow_outside)),
      fallback_(std::make_unique<fonts::FontFallback>(*registry_, load::load_font_config(font_folder, diags, limits))),
      hyphenators_(std::make_unique<text::HyphenatorCache>(
          std::vector<std::filesystem::path>{font_folder / "hyphenation", text::kSystemHyphenationDir})),
      context_{*fallback_, *hyphenators_} {
  for (const auto& file : registry_->unusable_files()) {
    if (file.refused) {
      diags.error({file.path.string(), 0, 0}, file.reason, file.hint);
    } else {
      diags.warning({file.path.string(), 0, 0}, file.reason + "; this file is ignored", file.hint);
    }
  }
}

}  // namespace leafpress::cli
