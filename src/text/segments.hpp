#pragma once

#include <optional>
#include <vector>

#include "text/break_iterators.hpp"
#include "text/shaped_paragraph.hpp"

namespace leafpress::text {

/// The glyphs between two break opportunities: a word, or the part of one before a
/// hyphenation point, and the spaces after it.
struct Segment {
  std::size_t first = 0;  // index into the shaped items
  std::size_t last = 0;   // one past
  double content_width = 0;
  double space_width = 0;
  /// When the segment ends at a hyphenation point: the hyphen a line ending here shows.
  std::optional<ShapedItem> hyphen;

  double hyphen_width() const { return hyphen ? hyphen->advance : 0; }
};

/// Cuts a shaped paragraph at its line-break opportunities (UAX #14) and at
/// `hyphenation_points` (byte offsets, ascending) that fall between two glyph clusters of
/// left-to-right text.
std::vector<Segment> segment_paragraph(const StyledParagraph& paragraph, const ShapedParagraph& shaped,
                                       const std::vector<std::size_t>& hyphenation_points,
                                       BreakIterators* iterators = nullptr);

}  // namespace leafpress::text
