#include "cli/toolbox.hpp"

#include "core/confine.hpp"
#include "cli/font_config_cache.hpp"
#include "text/hyphenate.hpp"

namespace leafpress::cli {

namespace {

/// Reports the dictionaries of the font folder's hyphenation/ that are not read: over
/// text::kMaxDictionaryBytes, or links leading outside the folder.
void report_unusable_dictionaries(const std::filesystem::path& folder, core::Diagnostics& diags) {
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator(folder, ec); !ec && it != std::filesystem::directory_iterator();
       it.increment(ec)) {
    const std::filesystem::path& file = it->path();
    if (file.extension() != ".dic" || text::is_usable_dictionary(file, folder)) continue;
    std::error_code size_ec;
    const std::uintmax_t size = std::filesystem::file_size(file, size_ec);
    if (const auto target = core::outside_target(file, folder)) {
      diags.warning({file.string(), 0, 0}, "a link to '" + target->string() + "', outside the font folder; this file is ignored",
                    "copy the dictionary into fonts/hyphenation");
    } else if (!size_ec && size > text::kMaxDictionaryBytes) {
      diags.warning({file.string(), 0, 0},
                    "hyphenation dictionary of " + core::format_bytes(static_cast<std::size_t>(size)) +
                        ", over the limit of " + core::format_bytes(text::kMaxDictionaryBytes) + "; this file is ignored",
                    "Debian's largest dictionary is about 1 MiB; is this the right file?");
    }
  }
}

/// The fallback chains of `folders.config`, or none, said with where they were looked for.
document::FontConfig font_config(const FontFolders& folders, core::Diagnostics& diags, const core::Limits& limits) {
  if (!folders.config.empty()) return cached_font_config(folders.config, diags, limits);
  std::string places;
  for (const auto& folder : folders.looked_in) places += (places.empty() ? "" : ", ") + (folder / "fallback.yaml").string();
  diags.warning({"leafpress", 0, 0},
                "no font configuration found: text the theme's fonts lack (Arabic, Hebrew, Chinese...) has no fallback font",
                "looked for " + places + "; pass --fonts with a folder holding fallback.yaml");
  return {};
}

}  // namespace

Toolbox::Toolbox(const FontFolders& folders, const core::Limits& limits, core::Diagnostics& diags)
    : registry_(std::make_unique<fonts::FontRegistry>(std::vector<std::filesystem::path>{folders.fonts},
                                                      limits.allow_outside)),
      fallback_(std::make_unique<fonts::FontFallback>(*registry_, font_config(folders, diags, limits))),
      hyphenators_(std::make_unique<text::HyphenatorCache>(
          std::vector<std::filesystem::path>{folders.fonts / "hyphenation", text::kSystemHyphenationDir})),
      context_{*fallback_, *hyphenators_} {
  const std::filesystem::path& font_folder = folders.fonts;
  report_unusable_dictionaries(font_folder / "hyphenation", diags);
  for (const auto& family : fallback_->unusable_families()) {
    diags.warning(family.loc, "fallback font '" + family.family + "' cannot be used: " + family.reason,
                  "name a font with outlines instead; for emoji, Symbola (Debian's fonts-symbola) draws them in one colour");
  }
  for (const auto& file : registry_->unusable_files()) {
    if (file.refused) {
      diags.error({file.path.string(), 0, 0}, file.reason, file.hint);
    } else {
      diags.warning({file.path.string(), 0, 0}, file.reason + "; this file is ignored", file.hint);
    }
  }
}

void Toolbox::write_remembered() {
  context_.kept.write();
  context_.shapes.write_remembered();
  context_.breaks.write_remembered();
  hyphenators_->write_remembered();
  registry_->remember_system_fonts();
}

}  // namespace leafpress::cli
