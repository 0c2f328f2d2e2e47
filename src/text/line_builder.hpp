#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "text/glyph_run.hpp"
#include "text/shaped_paragraph.hpp"

namespace leafpress::text {

/// Places items [first, last) of a shaped paragraph on one line, and `hyphen` (if any) at
/// its logical end: runs in visual order by their bidi levels (UAX #9 L2), right-to-left runs'
/// glyphs reversed back to visual order, trailing spaces dropped. Item first + k moves what
/// follows it by `adjustments[k]` more than its advance (justification: break_model's
/// glue_adjustments; missing elements count 0); the line starts `shift` points in.
Line build_line(const StyledParagraph& paragraph, const ShapedParagraph& shaped, std::size_t first, std::size_t last,
                const ShapedItem* hyphen, std::span<const double> adjustments, double shift);

/// What build_line works in (a line's items grouped by run, their levels), kept by a caller
/// that builds line after line so that its storage is allocated once. Holds nothing from one
/// line to the next.
struct LineScratch {
  std::vector<std::pair<std::size_t, std::size_t>> groups;  // [from, to) into the line's items
  std::vector<std::pair<std::size_t, std::size_t>> ordered;
  std::vector<std::uint8_t> levels;
  std::vector<std::int32_t> order;  // the groups' indexes in visual order
};

/// build_line, working in `scratch`'s storage.
Line build_line(const StyledParagraph& paragraph, const ShapedParagraph& shaped, std::size_t first, std::size_t last,
                const ShapedItem* hyphen, std::span<const double> adjustments, double shift, LineScratch& scratch);

}  // namespace leafpress::text
