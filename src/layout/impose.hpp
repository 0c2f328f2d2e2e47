#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "layout/page.hpp"

namespace leafpress::layout {

/// The pages on each printed side of a saddle-stitched booklet of `count` pages (a
/// multiple of 4), as {left, right} 0-based page numbers, side after side: sheet 1 front,
/// sheet 1 back, sheet 2 front, … Folded and nested, the sheets read 1, 2, …, count. A
/// right-to-left booklet is bound on the right, so each side's halves swap.
std::vector<std::pair<std::size_t, std::size_t>> saddle_stitch_order(std::size_t count, bool right_to_left = false);

/// Imposes pages two-up on sheets twice as wide, in saddle-stitch order, after adding blank
/// pages to make a multiple of 4, bound on the right when `right_to_left`. Each sheet side
/// gets a fold mark at its middle. With `creep` (points a sheet), the pages of the n-th
/// sheet from the outside move n × creep towards the fold, against the creep of nesting.
std::vector<Page> impose_booklet(std::vector<Page> pages, bool right_to_left, double creep = 0);

}  // namespace leafpress::layout
