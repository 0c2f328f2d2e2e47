#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "core/diagnostics.hpp"
#include "layout/page.hpp"
#include "layout/page_breaks.hpp"
#include "layout/slice.hpp"

namespace leafpress::layout {

/// A column on a page, in page coordinates.
struct Column {
  double x = 0;
  double top = 0;
  double width = 0;
  double height = 0;
};

/// The columns of page `index` (0-based), in reading order.
using ColumnsOfPage = std::function<std::vector<Column>(std::size_t index)>;

/// What pouring gave: each page's items, and where it stopped when the pages ran out.
struct Flowed {
  std::vector<std::vector<Item>> pages;
  /// The first slice that did not fit in `max_pages` pages; nullopt when all fit.
  std::optional<std::size_t> stopped_at;
  /// When it stopped: that slice's block, and the height it and the slices after it take
  /// stacked, with the space between them (as stacked_height).
  core::SourceLoc stopped_loc{};
  double left_over = 0;
  /// Each page's least share of a column's height filled, spaces as set, over its columns
  /// up to the last one the flow reached.
  std::vector<double> fill;
};

/// Sets slices into columns, then pages, in order, breaking columns where the whole flow
/// costs least under `parameters` (page_breaks.hpp) and aiming at `count` pages: the spaces
/// between slices stretch or shrink within their limits to fill each column but the last;
/// space before a slice is dropped at the top of a column. A picture (Slice::floats) that
/// would open a column left partly empty lets the text after it fill that column first.
/// Reports a slice taller than a whole column (it is placed anyway, overflowing). Stops at
/// the first slice `max_pages` pages cannot hold. Takes the slices to move their items
/// onto the pages (a caller done with its slices moves them in: no copy of their glyphs).
/// With `repeats_from` > 0, the pages repeat two by two from that page on (left and right
/// pages: page i has page i - 2's columns from page repeats_from + 2), and `columns_of` is
/// asked only for the pages before: a flow allowed hundreds of pages asks for a few.
Flowed flow(std::vector<Slice> slices, const ColumnsOfPage& columns_of, std::size_t max_pages, core::Diagnostics& diags,
            const PageCount& count = {}, const PageBreakParameters& parameters = {}, std::size_t repeats_from = 0);

/// Height the slices from `first` on take stacked, with the space between them.
double stacked_height(const std::vector<Slice>& slices, std::size_t first);

}  // namespace leafpress::layout
