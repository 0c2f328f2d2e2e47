#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "fonts/font_fallback.hpp"
#include "text/itemize.hpp"
#include "text/shape.hpp"
#include "text/shape_cache.hpp"
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

/// Appends to `items` those of run `r` of a paragraph's `text`, the run ending at `run_end`,
/// from its glyphs in logical order (clusters rising): each glyph stands for the characters
/// from its cluster to the next glyph's, the last one's to the run's end. `ends` is room the
/// caller keeps for the next call.
void append_run_items(std::vector<ShapedItem>& items, std::size_t r, std::size_t run_end,
                      std::span<const ShapedGlyph> glyphs, std::string_view text, std::vector<std::size_t>& ends);

/// Itemizes (bidi, script, fallback faces) and shapes a paragraph, through `cache` when
/// given, each item's advance left at 0: what no type size changes (see scale_advances).
/// The fallback's answers it was itemized from are added to `choices`, when given.
ShapedParagraph shape_glyphs(const StyledParagraph& paragraph, fonts::FontFallback& fallback,
                             ShapeCache* cache = nullptr, std::vector<FallbackChoice>* choices = nullptr);

/// Sets each item's advance, in points, from its glyph's in font units and its style run's
/// type size in `paragraph` (which `shaped` was shaped from, sizes aside).
void scale_advances(const StyledParagraph& paragraph, ShapedParagraph& shaped);

/// Reports the characters of `paragraph` no face covers, one error per script, and those a
/// project font lacks that another font sets, one warning per font, at the paragraph's place.
void report_missing_glyphs(const StyledParagraph& paragraph, const ShapedParagraph& shaped,
                           fonts::FontFallback& fallback, core::Diagnostics& diags);

/// shape_glyphs, scale_advances and report_missing_glyphs in turn.
ShapedParagraph shape_paragraph(const StyledParagraph& paragraph, fonts::FontFallback& fallback,
                                core::Diagnostics& diags, ShapeCache* cache = nullptr);

}  // namespace leafpress::text
