#pragma once

#include <optional>

#include "core/diagnostics.hpp"
#include "document/theme.hpp"
#include "fonts/font_registry.hpp"

namespace leafpress::layout {

/// The four styles of one family.
struct FontSet {
  const fonts::Face* regular = nullptr;
  const fonts::Face* italic = nullptr;
  const fonts::Face* bold = nullptr;
  const fonts::Face* bold_italic = nullptr;

  const fonts::Face* pick(bool bold_style, bool italic_style) const;
};

struct ThemeFonts {
  FontSet body;
  FontSet heading;
};

/// Finds the theme's families; reports an unknown family at its place in leaflet.yaml.
std::optional<ThemeFonts> resolve_theme_fonts(const document::Theme& theme, fonts::FontRegistry& registry,
                                              core::Diagnostics& diags);

}  // namespace leafpress::layout
