#pragma once

#include "core/units.hpp"
#include "document/localized_document.hpp"

namespace leafpress::layout {

/// The smallest text a large-print leaflet shows, in points. The RNIB's clear print
/// guidance asks for 16–18 pt for partially sighted readers.
inline constexpr double kLargePrintMinimum = 16;

/// The widest side margin of a large-print page: a brochure may keep wide margins for a
/// measure of about 60 characters of its own type (issue 15), which would leave 42 of large
/// print's; 27 mm on A4 leaves a 156 mm measure, about 55 characters of 16 pt.
inline constexpr double kLargePrintSideMargin = core::mm(27);

/// The leaflet for partially sighted readers: every size scaled so body text is at least
/// kLargePrintMinimum, one column, side margins of at most kLargePrintSideMargin, and
/// (through `large_print`) text set ragged right with no hyphenation and nothing smaller
/// than the minimum.
document::LocalizedDocument for_large_print(document::LocalizedDocument doc);

}  // namespace leafpress::layout
