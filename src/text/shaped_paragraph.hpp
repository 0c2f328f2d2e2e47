#pragma once

#include <memory>
#include <string>
#include <string_view>
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
  double advance = 0;     // points
  std::uint32_t end = 0;  // the cluster's characters are bytes [glyph.cluster, end) of the text
  bool is_space = false;
};

/// A paragraph itemized and shaped: its runs and their glyphs, in logical order.
struct ShapedParagraph {
  /// The paragraph's text, then a soft hyphen (U+00AD, at `soft_hyphen`) that the hyphens
  /// added where lines break stand for; shared with the lines set from it.
  std::shared_ptr<const std::string> text;
  std::uint32_t soft_hyphen = 0;
  std::vector<ShapingRun> runs;
  std::vector<ShapedItem> items;
};

/// The characters `item`'s cluster stands for.
inline std::string_view cluster_text(const ShapedParagraph& shaped, const ShapedItem& item) {
  return std::string_view(*shaped.text).substr(item.glyph.cluster, item.end - item.glyph.cluster);
}

/// Itemizes (bidi, script, fallback faces) and shapes a paragraph, through `cache` when
/// given; reports the characters no face covers, one error per script, at the paragraph's place.
ShapedParagraph shape_paragraph(const StyledParagraph& paragraph, fonts::FontFallback& fallback,
                                core::Diagnostics& diags, ShapeCache* cache = nullptr);

}  // namespace leafpress::text
