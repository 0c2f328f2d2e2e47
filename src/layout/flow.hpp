#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "core/diagnostics.hpp"
#include "layout/page.hpp"
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

/// How far the space between slices may give to keep a column from breaking early, as
/// the paragraph breaker names its parameters (text/knuth_plass.hpp).
struct PageBreakParameters {
  /// Share of each space between slices (space_before) that may shrink: a slice that misses
  /// its column by less than the column's spaces can give goes in, the spaces above it
  /// closed up evenly (TeX's shrinkable \parskip, kept to what still reads as a gap).
  double gap_shrink = 0.5;
};

/// What pouring gave: each page's items, and where it stopped when the pages ran out.
struct Flowed {
  std::vector<std::vector<Item>> pages;
  /// The first slice that did not fit in `max_pages` pages; nullopt when all fit.
  std::optional<std::size_t> stopped_at;
};

/// Pours slices into columns, then pages, in order. A slice goes to the next column when
/// it, or the chain of slices it must keep with, does not fit even with the spaces above it
/// shrunk as `parameters` allow; space before a slice is dropped at the top of a column.
/// Reports a slice taller than a whole column (it is placed anyway, overflowing). Stops at
/// the slice that would open page `max_pages` + 1.
Flowed flow(const std::vector<Slice>& slices, const ColumnsOfPage& columns_of, std::size_t max_pages,
            core::Diagnostics& diags, const PageBreakParameters& parameters = {});

/// Height the slices from `first` on take stacked, with the space between them.
double stacked_height(const std::vector<Slice>& slices, std::size_t first);

}  // namespace leafpress::layout
