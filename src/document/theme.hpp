#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/color.hpp"
#include "core/source_loc.hpp"

namespace leafpress::document {

/// A font family named in leaflet.yaml, kept with its place for "unknown font" errors.
struct FontFamily {
  std::string name;
  core::SourceLoc loc;
};

/// Fonts, sizes (pt) and colours of a leaflet; defaults make a plain leaflet look right.
struct Theme {
  FontFamily body_font{"Noto Serif", {}};
  FontFamily heading_font{"Noto Sans", {}};

  double body_size = 10.5;
  double title_size = 30;
  double subtitle_size = 14;
  double h1_size = 17;
  double h2_size = 13;
  double h3_size = 11;

  core::Rgb text{0.12, 0.14, 0.16};
  core::Rgb accent{0.04, 0.43, 0.46};
  core::Rgb accent_light{0.89, 0.95, 0.95};
  core::Rgb muted{0.36, 0.40, 0.44};
};

enum class Format : std::uint8_t { brochure };

/// Page margins in points; inside/outside swap between left and right pages.
struct Margins {
  double top = 62;
  double bottom = 68;
  double inside = 57;
  double outside = 57;
};

/// Page geometry and furniture; header and footer are text of the kind the document holds.
template <class Text>
struct PageSetup {
  int columns = 1;
  Margins margins;
  std::optional<Text> header;
  std::optional<Text> footer;
};

}  // namespace leafpress::document
