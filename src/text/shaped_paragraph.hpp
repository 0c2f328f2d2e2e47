#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "fonts/font_fallback.hpp"
#include "text/shape_cache.hpp"
#include "text/itemize.hpp"
#include "text/shape.hpp"
#include "text/styled_paragraph.hpp"

namespace leafpress::text {

/// A shaped glyph of a paragraph, in logical order, with what line breaking needs.
struct ShapedItem {
  std::size_t run = 0;  // index into the shaping runs
  ShapedGlyph glyph;
  double advance = 0;  // points
  std::string text;    // the cluster's characters, on its first glyph only
  bool is_space = false;
};

/// A paragraph itemized and shaped: its runs and their glyphs, in logical order.
struct ShapedParagraph {
  std::vector<ShapingRun> runs;
  std::vector<ShapedItem> items;
};

/// Itemizes (bidi, script, fallback faces) and shapes a paragraph, through `cache` when
/// given; reports the characters no face covers, one error per script, at the paragraph's place.
ShapedParagraph shape_paragraph(const StyledParagraph& paragraph, fonts::FontFallback& fallback,
                                core::Diagnostics& diags, ShapeCache* cache = nullptr);

}  // namespace leafpress::text
