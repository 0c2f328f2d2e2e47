#pragma once

#include <vector>

#include "layout/layout_tools.hpp"
#include "layout/page.hpp"

namespace leafpress::layout {

/// No text of a tri-fold is set smaller, in points: the EU guideline on the readability of
/// package leaflets (2009) asks for 9 pt at least. What does not fit at this size is an error.
inline constexpr double kTrifoldSmallestText = 9;

/// Sets the leaflet as a roll-fold leaflet: two sides of an A4 landscape sheet, three
/// panels each (see trifold_panels.hpp). The title block opens the cover; the other blocks
/// flow cover → fold-in panel → inside left, middle, right; the sources and contact blocks
/// fill the back panel, with the footer note at its foot. Content that does not fit is an
/// error naming the first block left over and how much is left.
std::vector<Page> lay_out_trifold(const LayoutTools& tools);

}  // namespace leafpress::layout
