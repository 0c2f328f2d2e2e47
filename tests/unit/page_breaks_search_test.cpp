// The page builder's search (layout/page_breaks) against a plain one written for this test:
// on varied flows, the same breaks, bit for bit. The search shares and defers work (one sweep
// per break and column height, costs only of the breaks it keeps); this one works out every
// column from every node as the rules say, so a shortcut that changed a choice shows here.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <memory>
#include <random>
#include <vector>

#include "layout/page_breaks.hpp"

namespace {

using leafpress::layout::BreakKind;
using leafpress::layout::ColumnSet;
using leafpress::layout::ColumnSlot;
using leafpress::layout::PageBreakParameters;
using leafpress::layout::PageBreaks;
using leafpress::layout::PageCount;
using leafpress::layout::Slice;

constexpr double kEpsilon = 0.01;
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

struct PlainNode {
  std::size_t at = 0;
  std::size_t column = 0;
  double cost = 0;
  std::size_t from = kNone;
  double glue = 0;
};

/// The rules of page_breaks.hpp, followed step by step.
class PlainSearch {
 public:
  PlainSearch(const std::vector<Slice>& slices, const std::vector<ColumnSlot>& slots, const PageBreakParameters& p,
              const PageCount& count)
      : slices_(slices), slots_(slots), p_(p), count_(count), at_(slices.size() + 1) {
    for (const ColumnSlot& slot : slots) full_ = std::max(full_, slot.height);
  }

  PageBreaks run() {
    add({});
    for (std::size_t i = 0; i < slices_.size(); ++i) {
      std::sort(at_[i].begin(), at_[i].end(), [&](std::size_t a, std::size_t b) { return nodes_[a].column < nodes_[b].column; });
      for (std::size_t k = 0; k < at_[i].size(); ++k) {
        const std::size_t from = at_[i][k];
        const PlainNode node = nodes_[from];
        if (node.column + 1 >= slots_.size()) continue;
        const double height = slots_[node.column].height;
        if (height >= full_ - kEpsilon || chain(i, height) <= height + kEpsilon) continue;
        add({i, node.column + 1, node.cost + p_.underfull, from, 0});
      }
      std::sort(at_[i].begin(), at_[i].end(), [&](std::size_t a, std::size_t b) {
        return nodes_[a].cost != nodes_[b].cost ? nodes_[a].cost < nodes_[b].cost : nodes_[a].column < nodes_[b].column;
      });
      if (at_[i].size() > p_.counts_per_break) at_[i].resize(p_.counts_per_break);
      const std::vector<std::size_t> here = at_[i];
      for (std::size_t node : here) {
        if (nodes_[node].column < slots_.size()) extend(node);
      }
    }
    std::size_t best = kNone;
    double best_cost = 0;
    for (std::size_t node : at_[slices_.size()]) {
      const double cost = nodes_[node].cost + page_count_cost(nodes_[node]);
      if (best == kNone || cost < best_cost) {
        best = node;
        best_cost = cost;
      }
    }
    if (best != kNone) return {columns_to(best), std::nullopt};
    for (std::size_t i = slices_.size() + 1; i-- > 0;) {
      for (std::size_t node : at_[i]) {
        if (best == kNone || nodes_[node].cost < nodes_[best].cost) best = node;
      }
      if (best != kNone) return {columns_to(best), nodes_[best].at};
    }
    return {};
  }

 private:
  void add(const PlainNode& node) {
    for (std::size_t existing : at_[node.at]) {
      if (nodes_[existing].column != node.column) continue;
      if (node.cost < nodes_[existing].cost) nodes_[existing] = node;
      return;
    }
    at_[node.at].push_back(nodes_.size());
    nodes_.push_back(node);
  }

  double chain(std::size_t i, double limit) const {
    double height = slices_[i].height;
    for (std::size_t k = i; slices_[k].keep_with_next && k + 1 < slices_.size() && height <= limit; ++k) {
      height += slices_[k + 1].space_before + slices_[k + 1].height;
    }
    return height;
  }

  double penalty_before(std::size_t j) const {
    if (j >= slices_.size()) return 0;
    double penalty = 0;
    switch (slices_[j].break_before) {
      case BreakKind::between_blocks: break;
      case BreakKind::before_heading: penalty = p_.before_heading; break;
      case BreakKind::inside_paragraph: penalty = p_.inside_paragraph; break;
      case BreakKind::inside_list: penalty = p_.inside_list; break;
      case BreakKind::inside_box: penalty = p_.inside_box; break;
    }
    if (slices_[j - 1].keep_with_next) penalty += p_.keep;
    return penalty;
  }

  /// Every column from `from_node`, its cost worked out at every break it passes over.
  void extend(std::size_t from_node) {
    const PlainNode from = nodes_[from_node];
    const std::size_t i = from.at;
    const double height = slots_[from.column].height;
    const auto& header = slices_[i].repeated_header;
    double set_height = (header ? header->height + slices_[i].space_before : 0) + slices_[i].height;
    double gaps = header ? slices_[i].space_before : 0;
    PlainNode pending;
    bool has_pending = false;
    for (std::size_t j = i + 1;; ++j) {
      const bool last = j == slices_.size();
      const bool forced = !last && slices_[j].column_break_before;
      const double shrink = gaps * p_.gap_shrink;
      const double stretch = gaps * p_.gap_stretch;
      const auto& closing = slices_[j - 1].closing;
      const double natural = set_height + (!last && closing ? closing->height : 0);
      double glue = 0;
      double cost = 0;
      double fill = 1;
      if (natural > height + kEpsilon) {
        if (natural - shrink > height + kEpsilon && j > i + 1) break;
        glue = shrink > 0 ? -std::min(1.0, (natural - height) / shrink) : 0;
        cost = p_.badness * ((-glue) * (-glue) * (-glue));
        if (natural - shrink > height + kEpsilon) cost += p_.keep * (1 + (natural - height) / height);
      } else if (!last || count_.fill_last) {
        const double used = std::min(height - natural, stretch);
        glue = stretch > 0 ? used / stretch : 0;
        const double empty = (height - natural - used) / height;
        fill = 1 - empty;
        cost = p_.badness * (glue * glue * glue) + p_.underfull * empty * empty;
        const double short_by = std::max(0.0, p_.target_fill - fill);
        cost += p_.short_of_target * short_by * short_by;
        if (short_by > kEpsilon / height) cost += p_.below_target;
      } else if ((from.column == 0 || slots_[from.column].page != slots_[from.column - 1].page) && from.column > 0) {
        const double short_by = std::max(0.0, 1 - natural / height / p_.least_fill);
        cost = p_.short_last_page * short_by * short_by;
      }
      cost += penalty_before(j);
      const PlainNode node{j, from.column + 1, from.cost + cost, from_node, glue};
      if (last || forced || fill >= p_.least_fill) {
        add(node);
        has_pending = false;
      } else {
        pending = node;
        has_pending = true;
      }
      if (last || forced) break;
      set_height += slices_[j].space_before + slices_[j].height;
      gaps += slices_[j].space_before;
    }
    if (has_pending) add(pending);
  }

  double page_count_cost(const PlainNode& end) const {
    const std::size_t pages = (end.column == 0 ? 0 : slots_[end.column - 1].page + 1) + count_.after;
    std::size_t padded = pages;
    if (count_.multiple > 1 && pages > 1) padded += (count_.multiple - pages % count_.multiple) % count_.multiple;
    if (count_.exactly > padded) padded = count_.exactly;
    double cost = static_cast<double>(padded - pages) * (count_.padded ? p_.blank_page : p_.uneven_count);
    if (count_.exactly > 0) cost += p_.page_count_miss * static_cast<double>(padded - count_.exactly);
    if (count_.fill_last) {
      for (std::size_t c = end.column; c < slots_.size() && end.column > 0 && slots_[c].page == slots_[end.column - 1].page; ++c) {
        cost += p_.underfull;
      }
    }
    return cost;
  }

  std::vector<ColumnSet> columns_to(std::size_t end) const {
    std::vector<ColumnSet> columns;
    for (std::size_t node = end; nodes_[node].from != kNone; node = nodes_[node].from) {
      columns.push_back({nodes_[nodes_[node].from].at, nodes_[node].at, nodes_[node].glue});
    }
    std::reverse(columns.begin(), columns.end());
    return columns;
  }

  const std::vector<Slice>& slices_;
  const std::vector<ColumnSlot>& slots_;
  const PageBreakParameters& p_;
  const PageCount& count_;
  double full_ = 0;
  std::vector<PlainNode> nodes_;
  std::vector<std::vector<std::size_t>> at_;
};

/// A flow of paragraphs, headings, lists, boxes (with closing paddings), table rows (with a
/// repeated header), tall pictures and forced column breaks, drawn from `random`.
std::vector<Slice> varied_flow(std::mt19937& random) {
  std::uniform_int_distribution<int> pick(0, 99);
  std::uniform_real_distribution<double> real(0, 1);
  const auto closing = std::make_shared<Slice>(Slice{.height = 4.5});
  const auto header = std::make_shared<Slice>(Slice{.height = 13.25});
  std::vector<Slice> slices;
  const int blocks = 5 + pick(random) % 60;
  for (int b = 0; b < blocks; ++b) {
    const int kind = pick(random);
    const double gap = 4 + 10 * real(random);
    if (kind < 10) {  // a heading, kept with what follows
      slices.push_back({.height = 14 + 6 * real(random), .space_before = gap, .keep_with_next = true,
                        .column_break_before = pick(random) < 8, .break_before = BreakKind::before_heading});
    } else if (kind < 15) {  // a picture, maybe taller than a column
      slices.push_back({.height = 40 + 400 * real(random), .space_before = gap});
    } else {
      const int lines = 1 + pick(random) % 14;
      const bool box = kind < 30;
      const bool list = kind >= 30 && kind < 45;
      const bool table = kind >= 45 && kind < 52;
      for (int k = 0; k < lines; ++k) {
        Slice line{.height = table ? 11 + 9 * real(random) : 11.7,
                   .space_before = k == 0 ? gap : (list || table ? 2.5 * real(random) : 0),
                   .keep_with_next = lines > 1 && (k == 0 || k + 2 == lines),
                   .break_before = k == 0 ? BreakKind::between_blocks
                                   : box  ? BreakKind::inside_box
                                   : list || table ? BreakKind::inside_list
                                                   : BreakKind::inside_paragraph};
        if (box && k + 1 < lines) line.closing = closing;
        if (table && k > 0) line.repeated_header = header;
        slices.push_back(line);
      }
    }
  }
  return slices;
}

/// Pages of one to three columns, the first page's first columns shortened by a title.
std::vector<ColumnSlot> varied_slots(std::mt19937& random) {
  std::uniform_int_distribution<int> pick(0, 99);
  const double height = 150 + pick(random) * 5;
  const std::size_t columns = 1 + static_cast<std::size_t>(pick(random) % 3);
  const std::size_t pages = 1 + static_cast<std::size_t>(pick(random) % 12);
  const double title = pick(random) < 50 ? height * (0.3 + 0.005 * pick(random)) : 0;
  std::vector<ColumnSlot> slots;
  for (std::size_t page = 0; page < pages; ++page) {
    for (std::size_t c = 0; c < columns; ++c) {
      slots.push_back({.height = page == 0 && (c == 0 || pick(random) < 50) ? height - title : height, .page = page});
    }
  }
  return slots;
}

PageCount varied_count(std::mt19937& random) {
  std::uniform_int_distribution<int> pick(0, 99);
  PageCount count;
  const int kind = pick(random);
  if (kind < 25) count = {.multiple = 2, .padded = false};                // a brochure
  else if (kind < 45) count = {.multiple = 4, .after = 1};                // a booklet
  else if (kind < 60) count = {.fill_last = true};                        // a tri-fold
  else if (kind < 70) count = {.exactly = 1 + static_cast<std::size_t>(pick(random) % 4)};
  return count;
}

}  // namespace

TEST_CASE("page breaks: the search chooses what a plain search of every column chooses", "[layout][page-breaks]") {
  std::mt19937 random(20261207);
  for (int trial = 0; trial < 400; ++trial) {
    const std::vector<Slice> slices = varied_flow(random);
    const std::vector<ColumnSlot> slots = varied_slots(random);
    const PageCount count = varied_count(random);
    PageBreakParameters parameters;
    if (trial % 5 == 4) parameters.counts_per_break = 2;
    const PageBreaks plain = PlainSearch(slices, slots, parameters, count).run();
    const PageBreaks search = leafpress::layout::choose_page_breaks(slices, slots, parameters, count);
    INFO("trial " << trial << ": " << slices.size() << " slices, " << slots.size() << " columns");
    REQUIRE(search.stopped_at == plain.stopped_at);
    REQUIRE(search.columns.size() == plain.columns.size());
    for (std::size_t c = 0; c < plain.columns.size(); ++c) {
      INFO("column " << c);
      CHECK(search.columns[c].first == plain.columns[c].first);
      CHECK(search.columns[c].last == plain.columns[c].last);
      CHECK(search.columns[c].glue == plain.columns[c].glue);  // bit for bit: the glue sets the spaces drawn
    }
  }
}
