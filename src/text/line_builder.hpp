#pragma once

#include <span>

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

}  // namespace leafpress::text
