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

/// What the search needs of the slices around one break, gathered once: the slice after
/// it (its height, the space above it, whether it opens a column), the closing padding of a
/// box broken there and the penalty of breaking there.
struct Step {
  double height = 0;
  double space_before = 0;
  double closing = 0;
  double penalty = 0;
  bool forced = false;
};

/// A column from a given break to break `at`: how its spaces are set, what it costs, and,
/// when it ends the flow short of its foot, its slices' height (the cost is then the
/// column's own, see Search::last_column_cost).
struct Reach {
  std::size_t at = 0;
  double glue = 0;
  double cost = 0;
  double natural = 0;
  bool ends_flow = false;
};

/// The reaches of the columns of one height from one break: reaches [first, first + count).
struct Sweep {
  double height = 0;
  std::size_t first = 0;
  std::size_t count = 0;
};

/// A node of the search at a break, and the column it opens there.
struct Entry {
  std::size_t column = 0;
  std::size_t node = 0;
};

class Search {
 public:
  Search(const std::vector<Slice>& slices, const std::vector<ColumnSlot>& slots, const PageBreakParameters& parameters,
         const PageCount& count)
      : slices_(slices), slots_(slots), p_(parameters), count_(count), at_(slices.size() + 1),
        bound_(slices.size() + 1, std::numeric_limits<double>::infinity()) {
    for (const ColumnSlot& slot : slots) full_column_ = std::max(full_column_, slot.height);
    steps_.reserve(slices.size() + 1);
    for (std::size_t j = 0; j <= slices.size(); ++j) steps_.push_back(step_before(j));
  }

  /// Runs the search over every break, in order.
  void run() {
    add({.at = 0, .column = 0, .cost = 0});
    for (std::size_t i = 0; i < slices_.size(); ++i) {
      open_empty_columns(i);
      keep_cheapest(i);
      for (const Entry& entry : at_[i]) {
        if (entry.column < slots_.size()) extend(entry.node);
      }
    }
  }

  /// The cheapest way to set every slice, page-count costs included; kNone when none does.
  std::size_t best_end() const {
    std::size_t best = kNone;
    double best_cost = 0;
    for (const Entry& entry : at_[slices_.size()]) {
      const double cost = nodes_[entry.node].cost + page_count_cost(nodes_[entry.node]);
      if (best == kNone || cost < best_cost) {
        best = entry.node;
        best_cost = cost;
      }
    }
    return best;
  }

  /// The cheapest node among those that set the most slices.
  std::size_t furthest() const {
    for (std::size_t i = slices_.size() + 1; i-- > 0;) {
      std::size_t best = kNone;
      for (const Entry& entry : at_[i]) {
        if (best == kNone || nodes_[entry.node].cost < nodes_[best].cost) best = entry.node;
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
  /// A node costing more than counts_per_break others at its break (but the last) is left
  /// out: keep_cheapest would drop it, and whatever it might have changed (a dearer node of
  /// its column, an empty column opened from it) would be dropped too.
  void add(Node node) {
    if (node.cost > bound_[node.at]) return;
    for (const Entry& existing : at_[node.at]) {
      if (existing.column != node.column) continue;
      if (node.cost < nodes_[existing.node].cost) nodes_[existing.node] = node;
      return;
    }
    at_[node.at].push_back({.column = node.column, .node = nodes_.size()});
    nodes_.push_back(node);
    tighten_bound(node.at);
  }

  /// Sets bound_[j] to the counts_per_break-th least cost at break j once it has that many
  /// nodes: as costs there only fall and nodes are only added until keep_cheapest, that many
  /// nodes cost no more than the bound from then on (it is tightened as nodes are added, not
  /// as they get cheaper).
  void tighten_bound(std::size_t j) {
    const auto& here = at_[j];
    const std::size_t keep = p_.counts_per_break;
    if (j == slices_.size() || keep == 0 || here.size() < keep) return;  // every end node counts
    costs_.clear();
    for (const Entry& entry : here) costs_.push_back(nodes_[entry.node].cost);
    std::nth_element(costs_.begin(), costs_.begin() + static_cast<std::ptrdiff_t>(keep - 1), costs_.end());
    bound_[j] = costs_[keep - 1];
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
    std::sort(at_[i].begin(), at_[i].end(), [](const Entry& a, const Entry& b) { return a.column < b.column; });
    for (std::size_t k = 0; k < at_[i].size(); ++k) {
      const std::size_t from = at_[i][k].node;
      const Node node = nodes_[from];
      if (node.column + 1 >= slots_.size()) continue;
      const double height = slots_[node.column].height;
      if (height >= full_column_ - kEpsilon || chain(i, height) <= height + kEpsilon) continue;
      add({.at = i, .column = node.column + 1, .cost = node.cost + p_.underfull, .from = from, .glue = 0});
    }
  }

  void keep_cheapest(std::size_t i) {
    auto& here = at_[i];
    std::sort(here.begin(), here.end(), [&](const Entry& a, const Entry& b) {
      const double a_cost = nodes_[a.node].cost;
      const double b_cost = nodes_[b.node].cost;
      return a_cost != b_cost ? a_cost < b_cost : a.column < b.column;
    });
    if (here.size() > p_.counts_per_break) here.resize(p_.counts_per_break);
  }

  /// What a column passing over break `j` (just before slice j; slices.size() is the end)
  /// needs of the slices there.
  Step step_before(std::size_t j) const {
    if (j == slices_.size()) return {};  // nothing closes at the flow's end, nor costs
    Step step{.height = slices_[j].height, .space_before = slices_[j].space_before, .forced = slices_[j].column_break_before};
    if (j == 0) return step;
    // A box broken here closes with its bottom padding at this column's foot.
    if (slices_[j - 1].closing) step.closing = slices_[j - 1].closing->height;
    switch (slices_[j].break_before) {
      case BreakKind::between_blocks: break;
      case BreakKind::before_heading: step.penalty = p_.before_heading; break;
      case BreakKind::inside_paragraph: step.penalty = p_.inside_paragraph; break;
      case BreakKind::inside_list: step.penalty = p_.inside_list; break;
      case BreakKind::inside_box: step.penalty = p_.inside_box; break;
    }
    if (slices_[j - 1].keep_with_next) step.penalty += p_.keep;
    return step;
  }

  /// True when column `column` is the first of its page.
  bool opens_page(std::size_t column) const { return column == 0 || slots_[column].page != slots_[column - 1].page; }

  /// Adds a node for every column that can open at `from_node`'s break (see sweep), in the
  /// order of the breaks it ends at, the one kept only when nothing later fits last.
  void extend(std::size_t from_node) {
    const Node from = nodes_[from_node];
    const double height = slots_[from.column].height;
    const Sweep& sweep = sweep_from(from.at, height);
    for (std::size_t k = sweep.first; k < sweep.first + sweep.count; ++k) {
      const Reach& reach = reaches_[k];
      const double cost = reach.ends_flow ? last_column_cost(from.column, reach.natural, height) : reach.cost;
      add({.at = reach.at, .column = from.column + 1, .cost = from.cost + cost, .from = from_node, .glue = reach.glue});
    }
  }

  /// The columns `height` tall opening at break `i`, made once for every node there whose
  /// column is that tall: the breaks after it that the column holds (its spaces shrunk at
  /// most as far as they may) that leave it full enough, are forced, or end the flow, then
  /// the last break it holds when that leaves it emptier than least_fill and nothing later
  /// fits. The cost of a break passed over is worked out only when it is kept so.
  const Sweep& sweep_from(std::size_t i, double height) {
    if (sweeps_at_ != i) {
      sweeps_.clear();
      reaches_.clear();
      sweeps_at_ = i;
    }
    for (const Sweep& sweep : sweeps_) {
      if (sweep.height == height) return sweep;
    }
    const std::size_t first = reaches_.size();
    const double limit = height + kEpsilon;
    const auto& header = slices_[i].repeated_header;
    double set_height = (header ? header->height + slices_[i].space_before : 0) + slices_[i].height;
    double gaps = header ? slices_[i].space_before : 0;
    std::size_t pending = kNone;  // the latest break passed over
    double pending_natural = 0;
    double pending_gaps = 0;
    for (std::size_t j = i + 1;; ++j) {
      const bool last = j == slices_.size();
      const Step& step = steps_[j];
      const double natural = set_height + step.closing;
      if (natural > limit) {
        if (natural - gaps * p_.gap_shrink > limit && j > i + 1) break;  // the slice before j does not fit
        reaches_.push_back(reach(j, natural, gaps, height));
        pending = kNone;
      } else if (!last && !step.forced && !filled_enough(natural, gaps, height)) {
        pending = j;
        pending_natural = natural;
        pending_gaps = gaps;
      } else {
        reaches_.push_back(reach(j, natural, gaps, height));
        pending = kNone;
      }
      if (last || step.forced) break;
      set_height += step.space_before + step.height;
      gaps += step.space_before;
    }
    if (pending != kNone) reaches_.push_back(reach(pending, pending_natural, pending_gaps, height));
    sweeps_.push_back({.height = height, .first = first, .count = reaches_.size() - first});
    return sweeps_.back();
  }

  /// True when a column of `height` holding `natural` points of slices, its `gaps` points of
  /// spaces stretched as far as they may, is at least least_fill full.
  bool filled_enough(double natural, double gaps, double height) const {
    const double used = std::min(height - natural, gaps * p_.gap_stretch);
    const double empty = (height - natural - used) / height;
    return 1 - empty >= p_.least_fill;
  }

  /// A column of `height` ending at break `j`, its slices `natural` points tall at their size
  /// with `gaps` points of spaces among them: how its spaces are set and what it costs, the
  /// penalty of breaking at `j` included (left to last_column_cost when it ends the flow
  /// short of its foot and the last page need not be filled).
  Reach reach(std::size_t j, double natural, double gaps, double height) const {
    const double shrink = gaps * p_.gap_shrink;
    const double stretch = gaps * p_.gap_stretch;
    Reach out{.at = j, .natural = natural};
    double cost = 0;
    if (natural > height + kEpsilon) {
      out.glue = shrink > 0 ? -std::min(1.0, (natural - height) / shrink) : 0;
      cost = p_.badness * cube(-out.glue);
      // A slice taller than the column: the more it overflows, the worse (in a full column
      // rather than one a title shortens).
      if (natural - shrink > height + kEpsilon) cost += p_.keep * (1 + (natural - height) / height);
    } else if (j != slices_.size() || count_.fill_last) {
      const double used = std::min(height - natural, stretch);
      out.glue = stretch > 0 ? used / stretch : 0;
      const double empty = (height - natural - used) / height;
      const double fill = 1 - empty;
      cost = p_.badness * cube(out.glue) + p_.underfull * empty * empty;
      const double short_by = std::max(0.0, p_.target_fill - fill);
      cost += p_.short_of_target * short_by * short_by;
      if (short_by > kEpsilon / height) cost += p_.below_target;
    } else {
      out.ends_flow = true;
    }
    out.cost = cost + steps_[j].penalty;
    return out;
  }

  /// The cost of the flow's last column, in slot `column` of `height`, holding `natural`
  /// points of slices and not to be filled: a last page of several that holds little costs.
  double last_column_cost(std::size_t column, double natural, double height) const {
    double cost = 0;
    if (opens_page(column) && column > 0) {
      const double short_by = std::max(0.0, 1 - natural / height / p_.least_fill);
      cost = p_.short_last_page * short_by * short_by;
    }
    return cost + steps_[slices_.size()].penalty;
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
  std::vector<Step> steps_;  // one per break, the end included
  std::size_t sweeps_at_ = kNone;  // the break sweeps_ and reaches_ are from
  std::vector<Sweep> sweeps_;
  std::vector<Reach> reaches_;
  std::vector<Node> nodes_;
  std::vector<std::vector<Entry>> at_;  // the nodes at each break
  std::vector<double> bound_;           // at each break, a cost no node worth adding exceeds
  std::vector<double> costs_;           // tighten_bound's, its storage reused
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
