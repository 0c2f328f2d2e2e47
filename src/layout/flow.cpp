#include "layout/flow.hpp"

#include <cstdio>
#include <string>

namespace leafpress::layout {
namespace {

/// Height from the top of slice `i` to the bottom of the last slice it keeps with.
double chain_height(const std::vector<Slice>& slices, std::size_t i, double limit) {
  double height = slices[i].height;
  for (std::size_t k = i; slices[k].keep_with_next && k + 1 < slices.size() && height <= limit; ++k) {
    height += slices[k + 1].space_before + slices[k + 1].height;
  }
  return height;
}

class Pourer {
 public:
  Pourer(const ColumnsOfPage& columns_of, double full_column, std::size_t max_pages, core::Diagnostics& diags,
         const PageBreakParameters& parameters)
      : columns_of_(columns_of), full_column_(full_column), max_pages_(max_pages), diags_(diags),
        parameters_(parameters) {
    open_page();
  }

  /// False when the slice would open a page past the limit.
  bool pour(const Slice& slice, double chain) {
    const Column& column = columns_[column_index_];
    const double overflow = y_ + (at_top_ ? 0 : slice.space_before) + chain - column.height;
    double gap = at_top_ ? 0 : slice.space_before;
    if (overflow > 0.01 && !at_top_ && !slice.column_break_before && squeeze(overflow, gap)) {
      gap -= gap * parameters_.gap_shrink * shrunk_share_;
    }
    const bool fits = y_ + gap + chain <= column.height + 0.01;
    // A column shortened by a title block may be too small for what a full one would hold.
    const bool shortened = column.height < full_column_ - 0.01;
    if ((!fits && (!at_top_ || shortened)) || (slice.column_break_before && !at_top_)) {
      if (column_index_ + 1 >= columns_.size() && pages_.size() >= max_pages_) return false;
      next_column();
    }
    const Column& target = columns_[column_index_];
    if (at_top_ && slice.height > target.height + 0.01) {
      char amount[32];
      std::snprintf(amount, sizeof amount, "%.1f", slice.height - target.height);
      diags_.error(slice.loc, std::string("block is taller than a page column by ") + amount + " pt",
                   "split it into smaller blocks");
    }
    auto& page = pages_.back();
    if (at_top_ && slice.repeated_header) {
      // A table's rows continue in a new column under their header again.
      std::vector<Item> header = as_artifacts(slice.repeated_header->items);
      translate(header, target.x, target.top);
      page.insert(page.end(), std::make_move_iterator(header.begin()), std::make_move_iterator(header.end()));
      y_ = slice.repeated_header->height;
      at_top_ = false;
      gap = slice.space_before;
    }
    const double top = at_top_ ? 0 : y_ + gap;
    std::vector<Item> items = slice.items;
    translate(items, target.x, target.top + top);
    placed_.push_back({page.size(), page.size() + items.size(), at_top_ ? 0 : gap * parameters_.gap_shrink});
    page.insert(page.end(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
    y_ = top + slice.height;
    at_top_ = false;
    shrunk_share_ = 0;
    return true;
  }

  std::vector<std::vector<Item>> take() { return std::move(pages_); }

 private:
  /// A slice placed in the current column: its items in the page, and how much more the
  /// space above it may still give.
  struct Placed {
    std::size_t begin = 0;
    std::size_t end = 0;
    double give = 0;
  };

  /// Closes up the spaces of the current column by `overflow`, each in proportion to what
  /// it may still give, with the new slice's `gap` giving its share; false (nothing moved)
  /// when they cannot give that much. Sets shrunk_share_ to the share of its give each used.
  bool squeeze(double overflow, double gap) {
    double give = gap * parameters_.gap_shrink;
    for (const Placed& placed : placed_) give += placed.give;
    if (give <= 0 || overflow > give) return false;
    shrunk_share_ = overflow / give;
    double moved = 0;
    auto& page = pages_.back();
    for (Placed& placed : placed_) {
      const double closed = placed.give * shrunk_share_;
      moved += closed;
      placed.give -= closed;
      for (std::size_t i = placed.begin; i < placed.end; ++i) translate_item(page[i], 0, -moved);
    }
    y_ -= moved;
    return true;
  }

  static void translate_item(Item& item, double dx, double dy) {
    std::vector<Item> one{std::move(item)};
    translate(one, dx, dy);
    item = std::move(one.front());
  }

  void open_page() {
    columns_ = columns_of_(pages_.size());
    pages_.emplace_back();
    column_index_ = 0;
    y_ = 0;
    at_top_ = true;
    placed_.clear();
  }

  void next_column() {
    if (column_index_ + 1 < columns_.size()) {
      ++column_index_;
      y_ = 0;
      at_top_ = true;
      placed_.clear();
    } else {
      open_page();
    }
  }

  const ColumnsOfPage& columns_of_;
  double full_column_;
  std::size_t max_pages_;
  core::Diagnostics& diags_;
  PageBreakParameters parameters_;
  std::vector<std::vector<Item>> pages_;
  std::vector<Placed> placed_;
  double shrunk_share_ = 0;
  std::vector<Column> columns_;
  std::size_t column_index_ = 0;
  double y_ = 0;
  bool at_top_ = true;
};

}  // namespace

Flowed flow(const std::vector<Slice>& slices, const ColumnsOfPage& columns_of, std::size_t max_pages,
            core::Diagnostics& diags, const PageBreakParameters& parameters) {
  const double full_column = columns_of(1).front().height;
  Pourer pourer(columns_of, full_column, max_pages, diags, parameters);
  Flowed flowed;
  for (std::size_t i = 0; i < slices.size(); ++i) {
    if (!pourer.pour(slices[i], chain_height(slices, i, full_column))) {
      flowed.stopped_at = i;
      break;
    }
  }
  flowed.pages = pourer.take();
  return flowed;
}

double stacked_height(const std::vector<Slice>& slices, std::size_t first) {
  double height = 0;
  for (std::size_t i = first; i < slices.size(); ++i) height += (i == first ? 0 : slices[i].space_before) + slices[i].height;
  return height;
}

}  // namespace leafpress::layout
