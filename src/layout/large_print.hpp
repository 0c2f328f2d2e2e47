#pragma once

#include "document/localized_document.hpp"

namespace leafpress::layout {

/// The smallest text a large-print leaflet shows, in points. The RNIB's clear print
/// guidance asks for 16–18 pt for partially sighted readers.
inline constexpr double kLargePrintMinimum = 16;

/// The leaflet for partially sighted readers: every size scaled so body text is at least
/// kLargePrintMinimum, one column, and (through `large_print`) text set ragged right with
/// no hyphenation and nothing smaller than the minimum.
document::LocalizedDocument for_large_print(document::LocalizedDocument doc);

}  // namespace leafpress::layout
