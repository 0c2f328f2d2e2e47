#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "layout/slice.hpp"

namespace leafpress::layout {

/// What the page builder weighs when it chooses where columns break, named once with their
/// defaults as the paragraph breaker names its own (text/knuth_plass.hpp). Costs add up over
/// the whole flow; the breaks with the least total win (Knuth & Plass 1981, applied to pages
/// as TeX's \vsplit and Plass's 1981 thesis on pagination do).
struct PageBreakParameters {
  /// Share of each space between slices (space_before) that may shrink, and that may stretch:
  /// the glue between blocks, list items and boxes (TeX's \parskip plus and minus).
  double gap_shrink = 0.5;
  double gap_stretch = 1.0;
  /// Cost of a column left empty below its last slice once its spaces have stretched as far
  /// as they may, times the empty share squared (a column 15 % empty costs 225): spreading
  /// what is short over the columns costs less than one nearly empty one. Not charged on the
  /// last column.
  double underfull = 10000;
  /// Cost of spaces stretched or shrunk to their limit (TeX's badness, 100 at the limit,
  /// growing with the cube of the share used).
  double badness = 100;
  /// Breaking where a slice asks to keep with the next (a heading and the lines under it, a
  /// paragraph's first or last two lines): allowed only when nothing else fits.
  double keep = 100000;
  /// Breaking between two lines of a paragraph, between two items of a list (or rows of a
  /// table, entries of sources), and inside a box (a callout continued on the next column).
  double inside_paragraph = 20;
  double inside_list = 150;
  double inside_box = 400;
  /// Breaking just before a heading: negative, a reward, as LaTeX's \@secpenalty is, since a
  /// section that opens a column reads best.
  double before_heading = -60;
  /// A column may end this full (its spaces stretched) or fuller; a break that leaves it
  /// emptier is tried only where nothing later fits or a break is forced. Keeps the search
  /// to breaks a designer would consider, and its cost linear in the slices.
  double least_fill = 0.5;
  /// The fill a designer signs for (issue 15: pages 85 % full, tri-fold panels 75 %): a
  /// column but the last (or the last too, when it is to be filled) left emptier than this,
  /// its spaces stretched, costs on top of its underfull cost short_of_target times the share
  /// it falls short by, squared, and below_target once: the step keeps columns above the
  /// target where any set of breaks does, the square spreads what is short where none does.
  double target_fill = 0.85;
  double short_of_target = 100000;
  double below_target = 3000;
  /// Cost of a last page (of several) that holds only a few lines, times the share of
  /// least_fill it falls short by, squared: its text is better spread over the pages before.
  double short_last_page = 4000;
  /// Cost of each blank page the format's page multiple pads the flow with (a booklet's
  /// sheets of four, a brochure's both sides).
  double blank_page = 12000;
  /// Cost of each page a flow falls short of a multiple it only prefers (a brochure's blank
  /// back page): less than a blank page, so text is spread to an even count only where the
  /// pages stay about 80 % full.
  double uneven_count = 3000;
  /// Cost of each page more or fewer than a page count the leaflet asks for.
  double page_count_miss = 1e7;
  /// How many column counts the search keeps for each break, cheapest first: the search's
  /// width, so that its cost grows with the slices and not with their square.
  std::size_t counts_per_break = 6;
};

/// How many pages the flow should make: a multiple of `multiple` once `after` pages (a back
/// cover) are added, blank pages padding what falls short when `padded` (else the multiple
/// is only preferred); one page alone is not held to the multiple; exactly `exactly` pages
/// when not 0.
/// With `fill_last`, the last page is to be filled as the others, every column of it (a
/// tri-fold's panels are all seen at once; a booklet's back cover follows its last page).
struct PageCount {
  std::size_t multiple = 1;
  std::size_t after = 0;
  std::size_t exactly = 0;
  bool padded = true;
  bool fill_last = false;
};

/// The slices one column holds, [first, last), and how its spaces are set: each space between
/// slices times 1 + glue × gap_stretch when glue > 0, times 1 + glue × gap_shrink when below.
struct ColumnSet {
  std::size_t first = 0;
  std::size_t last = 0;
  double glue = 0;
};

/// One column a flow may fill: its height and the page it is on.
struct ColumnSlot {
  double height = 0;
  std::size_t page = 0;
};

/// The columns chosen, one per slot from the first, and where the flow stopped when the
/// slots ran out.
struct PageBreaks {
  std::vector<ColumnSet> columns;
  std::optional<std::size_t> stopped_at;
};

/// Chooses the column breaks of `slices` over the `slots` (all the columns the pages may
/// have, in order) with the least total cost under `parameters`, aiming at `count`. A slice
/// marked column_break_before always opens a column; a slice taller than its column stands
/// alone in it. Deterministic: ties go to the earlier break. When not every slice fits in the
/// slots, returns the breaks that place the most and the first slice left out.
PageBreaks choose_page_breaks(const std::vector<Slice>& slices, const std::vector<ColumnSlot>& slots,
                              const PageBreakParameters& parameters, const PageCount& count);

}  // namespace leafpress::layout
