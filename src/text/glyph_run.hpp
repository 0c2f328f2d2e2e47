#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/color.hpp"
#include "fonts/face.hpp"

namespace leafpress::text {

/// A glyph placed relative to its run's origin on the baseline, `x` points along it (how far
/// above it, GlyphRun::y_of, comes of `y_offset` at the run's size). It stands
/// for bytes [begin, end) of its run's text: its cluster, a grapheme cluster or ligature,
/// which the cluster's other glyphs (a base and its marks, say) stand for too.
/// Example: "office" in Noto Serif is o [0, 1), ffi [1, 4), c [4, 5), e [5, 6).
/// `advance` is how far the shaper moved the pen past it, in font units: 0 for a mark, or
/// for the alef a font lays over its lam. `x_offset` and `y_offset` are how far from its pen
/// the shaper put it, in font units, within `x` and y_of: a mark raised, or set back over
/// its base, stands off its pen.
/// 32 bytes: a 40-page document holds about 70,000 at once.
struct PlacedGlyph {
  double x = 0;
  std::uint32_t id = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::int32_t advance = 0;
  std::int32_t x_offset = 0;
  std::int32_t y_offset = 0;
};

/// Glyphs of one face, size and colour, in visual order, starting `x` points into its line.
/// `text` is shared by every run of the paragraph: its characters, then a soft hyphen that
/// the hyphens added at line ends stand for.
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
  std::shared_ptr<const std::string> text;

  /// How far above the baseline `glyph` stands, in points: its y_offset at the run's size.
  double y_of(const PlacedGlyph& glyph) const {
    return glyph.y_offset == 0 ? 0.0 : glyph.y_offset * (size / face->metrics().units_per_em);
  }

  /// The characters `glyph` stands for (with the rest of its cluster).
  std::string_view text_of(const PlacedGlyph& glyph) const {
    return std::string_view(*text).substr(glyph.begin, glyph.end - glyph.begin);
  }
};

/// The characters of a run's glyphs in reading order, each cluster once.
std::string run_text(const GlyphRun& run);

/// One set line: its runs, its natural extent above and below the baseline.
struct Line {
  std::vector<GlyphRun> runs;
  double width = 0;
  double ascent = 0;
  double descent = 0;
};

}  // namespace leafpress::text
