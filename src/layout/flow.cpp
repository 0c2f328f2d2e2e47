#include "layout/flow.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

namespace leafpress::layout {
namespace {

/// Every column the pages may have, in order, with the page each is on.
/// The columns of `count` pages, of which only the first few are held when the pages
/// repeat two by two (see flow()).
class PageColumns {
 public:
  PageColumns(const ColumnsOfPage& columns_of, std::size_t count, std::size_t repeats_from) : count_(count) {
    const std::size_t held = repeats_from > 0 ? std::min(count, repeats_from + 2) : count;
    held_.reserve(held);
    for (std::size_t page = 0; page < held; ++page) held_.push_back(columns_of(page));
  }
  std::size_t size() const { return count_; }
  const std::vector<Column>& operator[](std::size_t page) const {
    const std::size_t held = held_.size();
    return page < held ? held_[page] : held_[held - 2 + (page - held) % 2];
  }

 private:
  std::size_t count_;
  std::vector<std::vector<Column>> held_;
};

std::vector<ColumnSlot> column_slots(const PageColumns& pages) {
  std::vector<ColumnSlot> slots;
  for (std::size_t page = 0; page < pages.size(); ++page) {
    for (const Column& column : pages[page]) slots.push_back({column.height, page});
  }
  return slots;
}

/// Height the slices [first, last) take stacked in a column, spaces at their natural size.
double column_height(const std::vector<Slice>& slices, std::size_t first, std::size_t last) {
  double height = 0;
  for (std::size_t k = first; k < last; ++k) height += (k == first ? 0 : slices[k].space_before) + slices[k].height;
  return height;
}

/// Looks for a picture that opens a column when the column before it is left partly empty,
/// and the strips after the picture that fill that room (ending where a break is allowed);
/// moves those strips before the picture and makes the picture open a column. True when it
/// moved one. `order` follows the moves (each slice's index in the caller's slices).
bool float_one_picture(std::vector<Slice>& slices, std::vector<std::size_t>& order, const PageBreaks& breaks,
                       const std::vector<ColumnSlot>& slots) {
  for (std::size_t c = 1; c < breaks.columns.size(); ++c) {
    const ColumnSet& before = breaks.columns[c - 1];
    const std::size_t picture = breaks.columns[c].first;
    if (picture >= slices.size() || !slices[picture].floats || slices[picture].column_break_before) continue;
    if (before.last != picture || before.first == before.last) continue;
    double room = slots[c - 1].height - column_height(slices, before.first, before.last);
    std::size_t moved_end = picture + 1;
    for (std::size_t k = picture + 1; k < slices.size() && !slices[k].column_break_before && !slices[k].floats; ++k) {
      room -= slices[k].space_before + slices[k].height;
      if (room < 0) break;
      if (!slices[k].keep_with_next) moved_end = k + 1;
    }
    if (moved_end == picture + 1) continue;
    std::rotate(slices.begin() + static_cast<std::ptrdiff_t>(picture), slices.begin() + static_cast<std::ptrdiff_t>(picture) + 1,
                slices.begin() + static_cast<std::ptrdiff_t>(moved_end));
    std::rotate(order.begin() + static_cast<std::ptrdiff_t>(picture), order.begin() + static_cast<std::ptrdiff_t>(picture) + 1,
                order.begin() + static_cast<std::ptrdiff_t>(moved_end));
    slices[moved_end - 1].column_break_before = true;
    return true;
  }
  return false;
}

/// Places the chosen columns' slices, each column's spaces set as its glue says.
class Placer {
 public:
  Placer(const PageBreakParameters& parameters, core::Diagnostics& diags) : parameters_(parameters), diags_(diags) {}

  /// Places the slices of `set` in `column`, moving their items onto `page`; returns the
  /// height they take.
  double place(std::vector<Slice>& slices, const ColumnSet& set, const Column& column, std::vector<Item>& page) {
    const double scale =
        1 + set.glue * (set.glue >= 0 ? parameters_.gap_stretch : parameters_.gap_shrink);
    double y = 0;
    for (std::size_t k = set.first; k < set.last; ++k) {
      Slice& slice = slices[k];
      double gap = slice.space_before * scale;
      if (k == set.first) {
        if (slice.height > column.height + 0.01) {
          char amount[32];
          std::snprintf(amount, sizeof amount, "%.1f", slice.height - column.height);
          diags_.error(slice.loc, std::string("block is taller than a page column by ") + amount + " pt",
                       "split it into smaller blocks");
        }
        gap = 0;
        if (slice.repeated_header) {
          // A table's rows continue in a new column under their header again.
          std::vector<Item> header = as_artifacts(slice.repeated_header->items);
          translate(header, column.x, column.top);
          page.insert(page.end(), std::make_move_iterator(header.begin()), std::make_move_iterator(header.end()));
          y = slice.repeated_header->height;
          gap = slice.space_before * scale;
        }
      }
      if (gap > 0 && !slice.gap_ground.empty()) {
        std::vector<Item> grounds;
        for (RectItem ground : slice.gap_ground) {
          ground.y = y;
          ground.height = gap;
          grounds.emplace_back(ground);
        }
        translate(grounds, column.x, column.top);
        page.insert(page.end(), grounds.begin(), grounds.end());
      }
      std::vector<Item> items = std::move(slice.items);
      translate(items, column.x, column.top + y + gap);
      page.insert(page.end(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
      y += gap + slice.height;
    }
    // A box broken at this column's foot closes with its bottom padding.
    if (set.last > set.first && set.last < slices.size() && slices[set.last - 1].closing) {
      const Slice& closing = *slices[set.last - 1].closing;
      std::vector<Item> items = closing.items;
      translate(items, column.x, column.top + y);
      page.insert(page.end(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
      y += closing.height;
    }
    return y;
  }

 private:
  const PageBreakParameters& parameters_;
  core::Diagnostics& diags_;
};

/// Room in `page` for the items of the slices its `count` columns from `slot` on hold (and
/// a few more for what is drawn around them): the page's vector is not moved as it fills.
void reserve_for(const std::vector<Slice>& slices, const std::vector<ColumnSet>& columns, std::size_t slot,
                 std::size_t count, std::vector<Item>& page) {
  std::size_t items = page.size();
  for (std::size_t c = slot; c < std::min(columns.size(), slot + count); ++c) {
    items += 4;
    for (std::size_t k = columns[c].first; k < columns[c].last; ++k) items += slices[k].items.size();
  }
  page.reserve(items);
}

/// Records in `flowed` the block of slice `first` of the order the slices came in, and the
/// height it and those after it take stacked; `order` gives each slice's place in that order.
void record_stop(const std::vector<Slice>& slices, const std::vector<std::size_t>& order, std::size_t first,
                 Flowed& flowed) {
  std::vector<std::size_t> where(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) where[order[i]] = i;
  flowed.stopped_at = first;
  flowed.stopped_loc = slices[where[first]].loc;
  for (std::size_t k = first; k < slices.size(); ++k) {
    const Slice& slice = slices[where[k]];
    flowed.left_over += (k == first ? 0 : slice.space_before) + slice.height;
  }
}

}  // namespace

Flowed flow(std::vector<Slice> slices, const ColumnsOfPage& columns_of, std::size_t max_pages, core::Diagnostics& diags,
            const PageCount& count, const PageBreakParameters& parameters, std::size_t repeats_from) {
  const PageColumns columns(columns_of, std::max<std::size_t>(max_pages, 1), repeats_from);
  const std::vector<ColumnSlot> slots = column_slots(columns);

  std::vector<std::size_t> order(slices.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  PageBreaks breaks = choose_page_breaks(slices, slots, parameters, count);
  // Each move forces one more column break, so this ends within the pictures' count.
  while (!breaks.stopped_at && float_one_picture(slices, order, breaks, slots)) {
    breaks = choose_page_breaks(slices, slots, parameters, count);
  }

  Flowed flowed;
  if (breaks.stopped_at) record_stop(slices, order, order[*breaks.stopped_at], flowed);
  const std::size_t used = breaks.columns.empty() ? 1 : slots[breaks.columns.size() - 1].page + 1;
  flowed.pages.resize(flowed.stopped_at ? columns.size() : used);
  Placer placer(parameters, diags);
  flowed.fill.assign(flowed.pages.size(), 0);
  std::size_t slot = 0;
  for (std::size_t page = 0; page < used; ++page) {
    reserve_for(slices, breaks.columns, slot, columns[page].size(), flowed.pages[page]);
    double least = 1;
    for (const Column& column : columns[page]) {
      if (slot < breaks.columns.size()) {
        const double filled = placer.place(slices, breaks.columns[slot], column, flowed.pages[page]);
        least = std::min(least, column.height > 0 ? filled / column.height : 1);
      }
      ++slot;
    }
    flowed.fill[page] = least;
  }
  return flowed;
}

double stacked_height(const std::vector<Slice>& slices, std::size_t first) {
  double height = 0;
  for (std::size_t i = first; i < slices.size(); ++i) height += (i == first ? 0 : slices[i].space_before) + slices[i].height;
  return height;
}

}  // namespace leafpress::layout
