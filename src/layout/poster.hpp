#pragma once

#include <vector>

#include "layout/layout_tools.hpp"
#include "layout/page.hpp"

namespace leafpress::layout {

/// Sets the leaflet as a one-page poster on a grid: an accent band along the top, the logo
/// and the headline (the title block) across the page; under it the first picture (figure)
/// beside the first key-figures block; the other blocks in the poster's columns; the QR
/// codes and the contact block along the foot. Read in that order. What does not fit on the
/// one page is an error naming the first block left over and how much more it needs.
std::vector<Page> lay_out_poster(const LayoutTools& tools);

}  // namespace leafpress::layout
