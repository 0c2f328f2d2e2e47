#include "text/knuth_plass.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>

namespace leafpress::text {
namespace {

constexpr double kInfBad = 10000;
// The ratio of a line with space to fill and no stretch: as bad as a line can be.
constexpr double kUnstretchable = 1e6;

struct Totals {
  double width = 0;
  double stretch = 0;
  double shrink = 0;
};

/// A feasible break, linked to the best way of reaching it.
struct Node {
  std::size_t position = 0;
  std::size_t line = 0;  // lines before this break's next line
  int fitness = 2;
  int hyphen_run = 0;  // hyphenated lines ending here in a row
  Totals totals;       // of the items before the next line's first box
  double demerits = 0;
  std::optional<std::size_t> previous;
  double ratio = 0;
  bool hyphenated = false;
  bool overfull = false;
};

double badness_of(double ratio) {
  if (ratio < -1) return kInfBad;
  // |ratio| cubed by multiplication: std::pow's general case costs about 100 instructions.
  const double magnitude = std::abs(ratio);
  return std::min(kInfBad, 100 * (magnitude * magnitude * magnitude));
}

int fitness_of(double ratio) {
  if (ratio < -0.5) return 3;
  if (ratio <= 0.5) return 2;
  if (ratio <= 1) return 1;
  return 0;
}

bool is_forced(const BreakItem& item) {
  return item.kind == BreakItemKind::penalty && item.penalty <= -kInfinitePenalty;
}

/// What a pass works in, kept from one pass to the next so that a paragraph set in several
/// passes allocates it once (and, through TotalFitScratch, from one paragraph to the next).
struct Scratch {
  std::vector<Node> nodes;
  std::vector<std::size_t> active;
  // The best node per (fitness, hyphen run), in that order, and the nodes that stay active.
  std::vector<std::pair<std::pair<int, int>, Node>> candidates;
  std::vector<std::size_t> still_active;
};

class Breaker {
 public:
  /// A breaker of `items`, its running totals kept in `sums` (whatever it held is replaced).
  Breaker(const std::vector<BreakItem>& items, const LineWidths& widths, const LineBreakParameters& parameters,
          std::vector<Totals>& sums)
      : items_(items), widths_(widths), p_(parameters), sums_(sums) {
    sums_.assign(items.size() + 1, Totals{});
    for (std::size_t i = 0; i < items.size(); ++i) {
      sums_[i + 1] = sums_[i];
      if (items[i].kind == BreakItemKind::box || items[i].kind == BreakItemKind::glue) {
        sums_[i + 1].width += items[i].width;
      }
      if (items[i].kind == BreakItemKind::glue) {
        sums_[i + 1].stretch += items[i].stretch;
        sums_[i + 1].shrink += items[i].shrink;
      }
    }
  }

  /// Runs `pass`: true when it found breaks, then in `result`.
  bool run(BreakPass pass, Scratch& scratch, LineBreakResult& result) const;
  void first_fit(LineBreakResult& result) const;

 private:
  bool legal_break(std::size_t b, BreakPass pass) const {
    const BreakItem& item = items_[b];
    if (item.kind == BreakItemKind::penalty) {
      return item.penalty < kInfinitePenalty && !(pass == BreakPass::no_hyphens && item.flagged);
    }
    return item.kind == BreakItemKind::glue && b > 0 && items_[b - 1].kind == BreakItemKind::box;
  }

  /// Totals where the line after a break at `b` starts: glue and penalties after a break
  /// are discarded up to the next box (K&P §"the algorithm", step "compute tw, ty, tz").
  Totals after_break(std::size_t b) const {
    std::size_t k = b;
    while (k < items_.size() && items_[k].kind != BreakItemKind::box && !(k > b && is_forced(items_[k]))) ++k;
    return sums_[k];
  }

  /// The adjustment ratio of a line from `from` to a break at `b` (K&P eq. (2)).
  double ratio(const Node& from, std::size_t b, double extra_stretch) const {
    double natural = sums_[b].width - from.totals.width;
    if (items_[b].kind == BreakItemKind::penalty) natural += items_[b].width;
    const double target = widths_.of(from.line);
    if (natural < target) {
      const double stretch = sums_[b].stretch - from.totals.stretch + extra_stretch;
      return stretch > 0 ? (target - natural) / stretch : kUnstretchable;
    }
    if (natural > target) {
      const double shrink = sums_[b].shrink - from.totals.shrink;
      return shrink > 0 ? (target - natural) / shrink : -std::numeric_limits<double>::infinity();
    }
    return 0;
  }

  /// How far a line from `from` to a break at `b` overflows at its tightest.
  double excess(const Node& from, std::size_t b) const {
    double natural = sums_[b].width - from.totals.width;
    if (items_[b].kind == BreakItemKind::penalty) natural += items_[b].width;
    return natural - (sums_[b].shrink - from.totals.shrink) - widths_.of(from.line);
  }

  double demerits(const Node& from, std::size_t b, double line_badness, int fitness) const {
    const BreakItem& item = items_[b];
    double d = (p_.line_penalty + line_badness) * (p_.line_penalty + line_badness);
    if (item.kind == BreakItemKind::penalty) {
      if (item.penalty >= 0) {
        d += item.penalty * item.penalty;
      } else if (item.penalty > -kInfinitePenalty) {
        d -= item.penalty * item.penalty;
      }
      if (item.flagged && from.hyphenated) d += p_.double_hyphen_demerits;
    }
    if (b + 1 == items_.size() && from.hyphenated) d += p_.final_hyphen_demerits;
    if (std::abs(fitness - from.fitness) > 1) d += p_.adj_demerits;
    return from.demerits + d;
  }

  /// The breaks on the way to node `last`, in `result` (its storage reused).
  void result_from(const std::vector<Node>& nodes, std::size_t last, BreakPass pass, LineBreakResult& result) const {
    result.pass = pass;
    result.demerits = nodes[last].demerits;
    result.breaks.clear();
    result.breaks.reserve(nodes[last].line);
    for (std::optional<std::size_t> at = last; at && nodes[*at].previous; at = nodes[*at].previous) {
      const Node& node = nodes[*at];
      const double glue_ratio = std::clamp(ratio(nodes[*node.previous], node.position, 0), -1.0, kUnstretchable);
      result.breaks.push_back({node.position, node.ratio, glue_ratio, node.fitness, node.hyphenated, node.overfull});
    }
    std::reverse(result.breaks.begin(), result.breaks.end());
  }

  const std::vector<BreakItem>& items_;
  LineWidths widths_;
  LineBreakParameters p_;
  std::vector<Totals>& sums_;  // sums_[i]: totals of items [0, i)
};

bool Breaker::run(BreakPass pass, Scratch& scratch, LineBreakResult& result) const {
  const bool last_resort = pass == BreakPass::last_resort;
  const double tolerance = pass == BreakPass::no_hyphens ? p_.pretolerance : p_.tolerance;
  const double extra_stretch = p_.line_stretch + (pass >= BreakPass::emergency ? p_.emergency_stretch : 0);

  std::vector<Node>& nodes = scratch.nodes;
  nodes.clear();
  nodes.push_back(Node{});
  std::vector<std::size_t>& active = scratch.active;
  active.assign(1, 0);
  // Reused at every break, so that a break costs no allocation.
  auto& candidates = scratch.candidates;
  std::vector<std::size_t>& still_active = scratch.still_active;
  const auto candidate = [&](std::pair<int, int> key) {
    return std::lower_bound(candidates.begin(), candidates.end(), key,
                            [](const auto& entry, const std::pair<int, int>& k) { return entry.first < k; });
  };
  for (std::size_t b = 0; b < items_.size(); ++b) {
    if (!legal_break(b, pass)) continue;
    const bool forced = is_forced(items_[b]);
    const bool flagged = items_[b].kind == BreakItemKind::penalty && items_[b].flagged;
    candidates.clear();
    still_active.clear();
    // The node whose line to `b` would overflow least, should nothing else be left.
    std::optional<std::pair<std::size_t, double>> overflowing;
    for (const std::size_t a : active) {
      const Node& from = nodes[a];
      const double r = ratio(from, b, extra_stretch);
      if (r < -1 || forced) {
        if (r < -1 && (!overflowing || excess(from, b) < excess(nodes[overflowing->first], b))) overflowing = {a, r};
      } else {
        still_active.push_back(a);
      }
      if (r < -1) continue;
      const double line_badness = badness_of(r);
      if (line_badness > tolerance && !last_resort) continue;
      const int hyphen_run = flagged ? from.hyphen_run + 1 : 0;
      if (hyphen_run > p_.max_consecutive_hyphens) continue;
      const int fitness = fitness_of(r);
      const double total = demerits(from, b, line_badness, fitness);
      const auto key = std::make_pair(fitness, hyphen_run);
      const auto it = candidate(key);
      const auto node = [&] {
        return Node{b, from.line + 1, fitness, hyphen_run, after_break(b), total, a, std::min(r, kUnstretchable),
                    flagged, false};
      };
      if (it == candidates.end() || it->first != key) {
        candidates.insert(it, {key, node()});
      } else if (total < it->second.demerits) {
        it->second = node();
      }
    }
    active.swap(still_active);
    // The last resort breaks where nothing else can: a box wider than its line overflows.
    if (last_resort && candidates.empty() && active.empty() && overflowing) {
      const Node& from = nodes[overflowing->first];
      candidates.push_back({{3, 0},
                            Node{b, from.line + 1, 3, 0, after_break(b), from.demerits + kInfBad * kInfBad,
                                 overflowing->first, overflowing->second, flagged, true}});
    }
    for (auto& [key, node] : candidates) {
      active.push_back(nodes.size());
      nodes.push_back(std::move(node));
    }
    if (active.empty()) return false;
  }
  std::optional<std::size_t> best;
  for (const std::size_t a : active) {
    if (nodes[a].position + 1 != items_.size()) continue;
    if (!best || nodes[a].demerits < nodes[*best].demerits) best = a;
  }
  if (!best) return false;
  result_from(nodes, *best, pass, result);
  return true;
}

void Breaker::first_fit(LineBreakResult& result) const {
  std::vector<Node> nodes{Node{}};
  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  std::size_t fitting = kNone;  // the last break where the current line still fits
  for (std::size_t b = 0; b < items_.size(); ++b) {
    if (!legal_break(b, BreakPass::hyphens)) continue;
    const std::size_t current = nodes.size() - 1;
    const double r = ratio(nodes[current], b, 0);
    const bool fits = r >= -1e-9;  // at natural width: no shrinking
    auto close_line = [&](std::size_t at, double line_ratio) {
      const Node& from = nodes[current];
      const bool hyphen = items_[at].kind == BreakItemKind::penalty && items_[at].flagged;
      nodes.push_back(Node{at, from.line + 1, fitness_of(line_ratio), 0, after_break(at), 0, current,
                           std::min(line_ratio, kUnstretchable), hyphen, line_ratio < -1});
    };
    if (fits) {
      fitting = b;
      if (is_forced(items_[b])) {
        close_line(b, r);
        fitting = kNone;
      }
      continue;
    }
    if (fitting != kNone) {
      close_line(fitting, ratio(nodes[current], fitting, 0));
      fitting = kNone;
      b = nodes.back().position;  // look again at what follows the new line's start
      continue;
    }
    close_line(b, r);  // a box wider than the line
  }
  result_from(nodes, nodes.size() - 1, BreakPass::hyphens, result);
}

}  // namespace

struct TotalFitScratch::Buffers {
  std::vector<Totals> sums;
  Scratch passes;
};

TotalFitScratch::TotalFitScratch() : buffers_(std::make_unique<Buffers>()) {}
TotalFitScratch::~TotalFitScratch() = default;

void finish_paragraph(std::vector<BreakItem>& items) {
  if (!items.empty() && items.back().kind == BreakItemKind::glue) items.pop_back();
  items.push_back({BreakItemKind::penalty, 0, 0, 0, kInfinitePenalty, false});
  items.push_back({BreakItemKind::glue, 0, kFillStretch, 0, 0, false});
  items.push_back({BreakItemKind::penalty, 0, 0, 0, -kInfinitePenalty, false});
}

LineBreakResult break_lines_total_fit(const std::vector<BreakItem>& items, const LineWidths& widths,
                                      const LineBreakParameters& parameters) {
  TotalFitScratch scratch;
  LineBreakResult result;
  break_lines_total_fit(items, widths, parameters, scratch, result);
  return result;
}

void break_lines_total_fit(const std::vector<BreakItem>& items, const LineWidths& widths,
                           const LineBreakParameters& parameters, TotalFitScratch& scratch, LineBreakResult& result) {
  if (items.empty()) {
    result.breaks.clear();
    result.pass = BreakPass::no_hyphens;
    result.demerits = 0;
    return;
  }
  TotalFitScratch::Buffers& buffers = scratch.buffers();
  const Breaker breaker(items, widths, parameters, buffers.sums);
  // A paragraph's feasible breaks are about one per word (a box, glue and maybe a penalty):
  // room for that many nodes spares the vector its copies as it grows.
  Scratch& passes = buffers.passes;
  passes.nodes.reserve(items.size() / 2 + 8);
  passes.active.reserve(16);
  passes.still_active.reserve(16);
  passes.candidates.reserve(8);
  for (const BreakPass pass : {BreakPass::no_hyphens, BreakPass::hyphens, BreakPass::emergency, BreakPass::last_resort}) {
    if (pass == BreakPass::emergency && parameters.emergency_stretch <= 0) continue;
    if (breaker.run(pass, passes, result)) return;
  }
  breaker.first_fit(result);
}

LineBreakResult break_lines_first_fit(const std::vector<BreakItem>& items, const LineWidths& widths,
                                      const LineBreakParameters& parameters) {
  if (items.empty()) return {};
  std::vector<Totals> sums;
  LineBreakResult result;
  Breaker(items, widths, parameters, sums).first_fit(result);
  return result;
}

double badness(const LineBreak& line) { return line.overfull ? kInfBad : badness_of(line.ratio); }

LineBreakStats line_break_stats(const LineBreakResult& result) {
  LineBreakStats stats;
  stats.lines = result.breaks.size();
  for (std::size_t i = 0; i < result.breaks.size(); ++i) {
    const LineBreak& line = result.breaks[i];
    stats.overfull += line.overfull ? 1 : 0;
    stats.hyphenated += line.hyphenated ? 1 : 0;
    if (i + 1 == result.breaks.size()) continue;
    stats.underfull += line.ratio > 1 ? 1 : 0;
    stats.total_badness += badness(line);
  }
  return stats;
}

}  // namespace leafpress::text
