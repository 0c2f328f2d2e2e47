#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/color.hpp"
#include "fonts/face.hpp"

namespace leafpress::text {

/// A glyph placed relative to its run's origin on the baseline, in points (y up).
/// Glyphs with the same `cluster` (a byte offset in the paragraph) together stand for one
/// grapheme cluster or ligature: a base and its marks, or "ffi". Exactly one of them, the
/// first in logical order, holds the cluster's characters in `text`.
struct PlacedGlyph {
  std::uint32_t id = 0;
  double x = 0;
  double y = 0;
  std::string text;
  std::size_t cluster = 0;
};

/// Glyphs of one face, size and colour, in visual order, starting `x` points into its line.
struct GlyphRun {
  const fonts::Face* face = nullptr;
  double size = 10;
  core::Color color;
  std::string link;
  double x = 0;
  double width = 0;
  bool rtl = false;  // right-to-left text, its glyphs still in visual order
  std::string language;  // set when the run's language is not the document's
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
