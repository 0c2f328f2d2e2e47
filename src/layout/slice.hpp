#pragma once

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "core/source_loc.hpp"
#include "layout/page.hpp"

namespace leafpress::layout {

/// What a column break just before a slice would split, for the page builder's penalties.
enum class BreakKind : std::uint8_t {
  between_blocks,
  before_heading,
  inside_paragraph,
  inside_list,  // between a list's items, a table's rows, sources or contact entries
  inside_box,   // a callout or key-figures box, continued in the next column
};

/// The unit of page breaking: a horizontal strip that is never split (a line, a heading,
/// a boxed block). Items are relative to the strip's top-left corner in its column.
struct Slice {
  double height = 0;
  /// Space above the strip, dropped when the strip starts a column.
  double space_before = 0;
  /// The strip must share its column with the next one (headings; orphan/widow lines).
  bool keep_with_next = false;
  std::vector<Item> items{};
  /// The block the strip comes from, for "does not fit" errors.
  core::SourceLoc loc{};
  /// The strip starts a new column (the tri-fold's first section, after the cover).
  bool column_break_before = false;
  /// A table row's header row, drawn again (as artifacts) above the row when the row opens a
  /// column; its items are relative to the header's own top-left corner.
  std::shared_ptr<const Slice> repeated_header{};
  /// A box's bottom padding, drawn below the strip when a column ends after it (the box
  /// broken, continued in the next column); its items are relative to its own top-left
  /// corner and its height counts in the column.
  std::shared_ptr<const Slice> closing{};
  /// The ground under the space above the strip, inside a box: each rectangle is drawn
  /// across that space at the height the space is set to (stretched or shrunk), so that the
  /// box's inside may stretch as the spaces between blocks do. Not drawn where the space is
  /// dropped (the strip opening a column).
  std::vector<RectItem> gap_ground{};
  /// What a break just before the strip splits.
  BreakKind break_before = BreakKind::between_blocks;
  /// A picture: when it does not fit where it falls, the text after it may fill the column
  /// and the picture open the next one.
  bool floats = false;
};

/// The list of one slice, moved into it: a braced list (`return {slice}`) would copy the
/// slice, its items and their glyphs, as an initializer list's elements cannot be moved from.
inline std::vector<Slice> one_slice(Slice slice) {
  std::vector<Slice> slices;
  slices.push_back(std::move(slice));
  return slices;
}

}  // namespace leafpress::layout
