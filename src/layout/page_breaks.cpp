#include "layout/page_breaks.hpp"

#include <algorithm>
#include <limits>

namespace leafpress::layout {
namespace {

constexpr double kEpsilon = 0.01;
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

/// `x` cubed, by two multiplications: std::pow's general case costs about 100 instructions
/// a call, and the search asks for a cube at every break it tries.
double cube(double x) { return x * x * x; }

/// A way to reach a break: slices [0, at) are set in the columns before `column`, which
/// would open at slice `at`. `from` is the node the last column started at (kNone for the
/// start), `glue` how that column's spaces were set.
struct Node {
  std::size_t at = 0;
  std::size_t column = 0;
  double cost = 0;
  std::size_t from = kNone;
  double glue = 0;
};

class Search {
 public:
  Search(const std::vector<Slice>& slices, const std::vector<ColumnSlot>& slots, const PageBreakParameters& parameters,
         const PageCount& count)
      : slices_(slices), slots_(slots), p_(parameters), count_(count), at_(slices.size() + 1) {
    for (const ColumnSlot& slot : slots) full_column_ = std::max(full_column_, slot.height);
  }

  /// Runs the search over every break, in order.
  void run() {
    add({.at = 0, .column = 0, .cost = 0});
    for (std::size_t i = 0; i < slices_.size(); ++i) {
      open_empty_columns(i);
      keep_cheapest(i);
      for (std::size_t node : at_[i]) {
        if (nodes_[node].column < slots_.size()) extend(node);
      }
    }
  }

  /// The cheapest way to set every slice, page-count costs included; kNone when none does.
  std::size_t best_end() const {
    std::size_t best = kNone;
    double best_cost = 0;
    for (std::size_t node : at_[slices_.size()]) {
      const double cost = nodes_[node].cost + page_count_cost(nodes_[node]);
      if (best == kNone || cost < best_cost) {
        best = node;
        best_cost = cost;
      }
    }
    return best;
  }

  /// The cheapest node among those that set the most slices.
  std::size_t furthest() const {
    for (std::size_t i = slices_.size() + 1; i-- > 0;) {
      std::size_t best = kNone;
      for (std::size_t node : at_[i]) {
        if (best == kNone || nodes_[node].cost < nodes_[best].cost) best = node;
      }
      if (best != kNone) return best;
    }
    return kNone;
  }

  /// The break node `node` is at.
  std::size_t at(std::size_t node) const { return nodes_[node].at; }

  /// The columns on the way to `end`, one per slot from the first.
  std::vector<ColumnSet> columns_to(std::size_t end) const {
    std::vector<ColumnSet> columns;
    for (std::size_t node = end; nodes_[node].from != kNone; node = nodes_[node].from) {
      columns.push_back({nodes_[nodes_[node].from].at, nodes_[node].at, nodes_[node].glue});
    }
    std::reverse(columns.begin(), columns.end());
    return columns;
  }

 private:
  /// Adds `node`, or lowers the cost of the node at the same break and column.
  void add(Node node) {
    for (std::size_t existing : at_[node.at]) {
      if (nodes_[existing].column != node.column) continue;
      if (node.cost < nodes_[existing].cost) nodes_[existing] = node;
      return;
    }
    at_[node.at].push_back(nodes_.size());
    nodes_.push_back(node);
  }

  /// Height of slice `i` and those it keeps with, up to `limit`.
  double chain(std::size_t i, double limit) const {
    double height = slices_[i].height;
    for (std::size_t k = i; slices_[k].keep_with_next && k + 1 < slices_.size() && height <= limit; ++k) {
      height += slices_[k + 1].space_before + slices_[k + 1].height;
    }
    return height;
  }

  /// A column shortened by a title block may stay empty, its slice opening the next column,
  /// when the short column cannot hold that slice and those it keeps with.
  void open_empty_columns(std::size_t i) {
    std::sort(at_[i].begin(), at_[i].end(), [&](std::size_t a, std::size_t b) { return nodes_[a].column < nodes_[b].column; });
    for (std::size_t k = 0; k < at_[i].size(); ++k) {
      const Node node = nodes_[at_[i][k]];
      if (node.column + 1 >= slots_.size()) continue;
      const double height = slots_[node.column].height;
      if (height >= full_column_ - kEpsilon || chain(i, height) <= height + kEpsilon) continue;
      add({.at = i, .column = node.column + 1, .cost = node.cost + p_.underfull, .from = at_[i][k], .glue = 0});
    }
  }

  void keep_cheapest(std::size_t i) {
    auto& here = at_[i];
    std::sort(here.begin(), here.end(), [&](std::size_t a, std::size_t b) {
      return nodes_[a].cost != nodes_[b].cost ? nodes_[a].cost < nodes_[b].cost : nodes_[a].column < nodes_[b].column;
    });
    if (here.size() > p_.counts_per_break) here.resize(p_.counts_per_break);
  }

  /// True when column `column` is the first of its page.
  bool opens_page(std::size_t column) const { return column == 0 || slots_[column].page != slots_[column - 1].page; }

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

  /// Every column that can open at `from_node`'s break: each break after it that the column
  /// holds (its spaces shrunk at most as far as they may), that leaves it full enough, is
  /// forced, or is the last one the column holds.
  void extend(std::size_t from_node) {
    const Node from = nodes_[from_node];
    const std::size_t i = from.at;
    const double height = slots_[from.column].height;
    const auto& header = slices_[i].repeated_header;
    double set_height = (header ? header->height + slices_[i].space_before : 0) + slices_[i].height;
    double gaps = header ? slices_[i].space_before : 0;
    Node pending;  // the latest break passed over, kept if nothing later fits
    bool has_pending = false;
    for (std::size_t j = i + 1;; ++j) {
      const bool last = j == slices_.size();
      const bool forced = !last && slices_[j].column_break_before;
      const double shrink = gaps * p_.gap_shrink;
      const double stretch = gaps * p_.gap_stretch;
      // A box broken here closes with its bottom padding at this column's foot.
      const auto& closing = slices_[j - 1].closing;
      const double natural = set_height + (!last && closing ? closing->height : 0);
      double glue = 0;
      double cost = 0;
      double fill = 1;
      if (natural > height + kEpsilon) {
        if (natural - shrink > height + kEpsilon && j > i + 1) break;  // the slice before j does not fit
        glue = shrink > 0 ? -std::min(1.0, (natural - height) / shrink) : 0;
        cost = p_.badness * cube(-glue);
        // A slice taller than the column: the more it overflows, the worse (in a full column
        // rather than one a title shortens).
        if (natural - shrink > height + kEpsilon) cost += p_.keep * (1 + (natural - height) / height);
      } else if (!last || count_.fill_last) {
        const double used = std::min(height - natural, stretch);
        glue = stretch > 0 ? used / stretch : 0;
        const double empty = (height - natural - used) / height;
        fill = 1 - empty;
        cost = p_.badness * cube(glue) + p_.underfull * empty * empty;
        const double short_by = std::max(0.0, p_.target_fill - fill);
        cost += p_.short_of_target * short_by * short_by;
        if (short_by > kEpsilon / height) cost += p_.below_target;
      } else if (opens_page(from.column) && from.column > 0) {
        const double short_by = std::max(0.0, 1 - natural / height / p_.least_fill);
        cost = p_.short_last_page * short_by * short_by;
      }
      cost += penalty_before(j);
      Node node{.at = j, .column = from.column + 1, .cost = from.cost + cost, .from = from_node, .glue = glue};
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

  double page_count_cost(const Node& end) const {
    const PageCount& count = count_;
    const std::size_t pages = (end.column == 0 ? 0 : slots_[end.column - 1].page + 1) + count.after;
    std::size_t padded = pages;
    // A single page is a leaflet of its own, not a sheet short of its back.
    if (count.multiple > 1 && pages > 1) padded += (count.multiple - pages % count.multiple) % count.multiple;
    if (count.exactly > padded) padded = count.exactly;
    double cost = static_cast<double>(padded - pages) * (count.padded ? p_.blank_page : p_.uneven_count);
    if (count.exactly > 0) cost += p_.page_count_miss * static_cast<double>(padded - count.exactly);
    if (count.fill_last) {
      for (std::size_t c = end.column; c < slots_.size() && end.column > 0 && slots_[c].page == slots_[end.column - 1].page; ++c) {
        cost += p_.underfull;
      }
    }
    return cost;
  }

  const std::vector<Slice>& slices_;
  const std::vector<ColumnSlot>& slots_;
  const PageBreakParameters& p_;
  const PageCount& count_;
  double full_column_ = 0;
  std::vector<Node> nodes_;
  std::vector<std::vector<std::size_t>> at_;  // the nodes at each break
};

}  // namespace

PageBreaks choose_page_breaks(const std::vector<Slice>& slices, const std::vector<ColumnSlot>& slots,
                              const PageBreakParameters& parameters, const PageCount& count) {
  if (slices.empty() || slots.empty()) return {};
  Search search(slices, slots, parameters, count);
  search.run();
  if (const std::size_t end = search.best_end(); end != kNone) return {search.columns_to(end), std::nullopt};
  const std::size_t furthest = search.furthest();
  return {search.columns_to(furthest), search.at(furthest)};
}

}  // namespace leafpress::layout
