#include "layout/theme_fonts.hpp"

namespace leafpress::layout {
namespace {

std::optional<FontSet> resolve(const document::FontFamily& family, fonts::FontRegistry& registry,
                               core::Diagnostics& diags) {
  using fonts::FontStyle;
  FontSet set{registry.find(family.name, FontStyle::regular), registry.find(family.name, FontStyle::italic),
              registry.find(family.name, FontStyle::bold), registry.find(family.name, FontStyle::bold_italic)};
  if (set.regular && set.italic && set.bold && set.bold_italic) return set;
  if (!set.regular) {
    if (const auto reason = registry.unusable_reason(family.name)) {
      diags.error(family.loc, "font '" + family.name + "' cannot be used: " + *reason,
                  "name a font with TrueType or CFF outlines instead");
      return std::nullopt;
    }
  }
  std::string hint = "install it on the system, or put its .ttf/.otf files in the fonts/ folder";
  const auto families = registry.folder_families();
  if (!families.empty()) {
    hint += "; fonts/ has:";
    for (const auto& name : families) hint += " '" + name + "'";
  }
  diags.error(family.loc, "unknown font '" + family.name + "'", hint);
  return std::nullopt;
}

}  // namespace

const fonts::Face* FontSet::pick(bool bold_style, bool italic_style) const {
  if (bold_style && italic_style) return bold_italic;
  if (bold_style) return bold;
  if (italic_style) return italic;
  return regular;
}

std::optional<ThemeFonts> resolve_theme_fonts(const document::Theme& theme, fonts::FontRegistry& registry,
                                              core::Diagnostics& diags) {
  auto body = resolve(theme.body_font, registry, diags);
  auto heading = resolve(theme.heading_font, registry, diags);
  if (!body || !heading) return std::nullopt;
  return ThemeFonts{*body, *heading};
}

}  // namespace leafpress::layout
