#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/color.hpp"
#include "fonts/face.hpp"

namespace leafpress::text {

/// A glyph placed relative to its run's origin on the baseline, in points (y up).
/// `text` holds the characters the glyph stands for; it is empty for the second and later
/// glyphs of one cluster, whose characters the first glyph already carries.
struct PlacedGlyph {
  std::uint32_t id = 0;
  double x = 0;
  double y = 0;
  std::string text;
};

/// Glyphs of one face, size and colour, in visual order, starting `x` points into its line.
struct GlyphRun {
  const fonts::Face* face = nullptr;
  double size = 10;
  core::Rgb color;
  std::string link;
  double x = 0;
  double width = 0;
  std::vector<PlacedGlyph> glyphs;
};

/// One set line: its runs, its natural extent above and below the baseline.
struct Line {
  std::vector<GlyphRun> runs;
  double width = 0;
  double ascent = 0;
  double descent = 0;
};

}  // namespace leafpress::text
