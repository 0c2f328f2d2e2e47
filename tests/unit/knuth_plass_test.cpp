#include <catch2/catch.hpp>

#include "fonts/font_registry.hpp"
#include "load/load_leaflet.hpp"
#include "locale/localize.hpp"
#include "text/break_model.hpp"
#include "text/knuth_plass.hpp"
#include "text/segments.hpp"

#include <cmath>
#include <limits>

using namespace leafpress;
using namespace leafpress::text;

namespace {

/// Words of the given widths separated by spaces of width 1 that stretch by 1 and shrink
/// by 0.5, finished as a paragraph.
std::vector<BreakItem> words(const std::vector<double>& widths) {
  std::vector<BreakItem> items;
  for (std::size_t i = 0; i < widths.size(); ++i) {
    if (i > 0) items.push_back({BreakItemKind::glue, 1, 1, 0.5});
    items.push_back({BreakItemKind::box, widths[i]});
  }
  finish_paragraph(items);
  return items;
}

std::vector<std::size_t> positions(const LineBreakResult& result) {
  std::vector<std::size_t> at;
  for (const auto& line : result.breaks) at.push_back(line.position);
  return at;
}

/// Natural width, stretch and shrink of items (from, to), as the breaker counts them.
double set_width(const std::vector<BreakItem>& items, std::size_t from, std::size_t to, double ratio) {
  double width = 0;
  for (std::size_t k = from; k < to; ++k) {
    if (items[k].kind == BreakItemKind::penalty) continue;
    width += items[k].width;
    if (items[k].kind == BreakItemKind::glue) width += ratio * (ratio >= 0 ? items[k].stretch : items[k].shrink);
  }
  if (items[to].kind == BreakItemKind::penalty) width += items[to].width;
  return width;
}

}  // namespace

TEST_CASE("total fit balances lines that first fit leaves loose", "[knuth_plass]") {
  // Measure 10. First fit: "6 3" / "3 3" / "3 5", its second line stretched threefold
  // (badness 2700). Total fit: "6 3" / "3 3 3", shrunk to the limit (badness 100) / "5".
  const auto items = words({6, 3, 3, 3, 3, 5});
  const LineWidths widths{10, 10};
  const auto greedy = break_lines_first_fit(items, widths, {});
  const auto best = break_lines_total_fit(items, widths, {});
  CHECK(positions(greedy) == std::vector<std::size_t>{3, 7, 13});
  CHECK(positions(best) == std::vector<std::size_t>{3, 9, 13});
  CHECK(best.pass == BreakPass::no_hyphens);
  CHECK(line_break_stats(greedy).total_badness == Approx(2700));
  CHECK(line_break_stats(best).total_badness == Approx(100));
}

TEST_CASE("ragged lines even the room they leave where first fit leaves a hole", "[knuth_plass]") {
  // Measure 10, rigid spaces of 1. First fit: "2 2 2" / "2" / "8" / "2 2 2" / "2", rooms
  // 2, 8, 2, 2: a hole under a full line. With 6 of stretch at each line's end (ragged
  // right), total fit takes "2 2" / "2 2" / "8" / "2 2 2" / "2": rooms 5, 5, 2, 2.
  std::vector<BreakItem> items;
  for (const double width : {2, 2, 2, 2, 8, 2, 2, 2, 2}) {
    if (!items.empty()) items.push_back({BreakItemKind::glue, 1});
    items.push_back({BreakItemKind::box, width});
  }
  finish_paragraph(items);
  const LineWidths widths{10, 10};
  LineBreakParameters ragged;
  ragged.line_stretch = 6;
  const auto greedy = break_lines_first_fit(items, widths, {});
  const auto best = break_lines_total_fit(items, widths, ragged);
  CHECK(positions(greedy) == std::vector<std::size_t>{5, 7, 9, 15, 19});
  CHECK(positions(best) == std::vector<std::size_t>{3, 7, 9, 15, 19});
  CHECK(best.pass == BreakPass::no_hyphens);
  // The rigid spaces are not set: the line's own glue cannot stretch.
  for (const LineBreak& line : best.breaks) CHECK_FALSE(line.overfull);
  // Without the stretch, nothing is feasible: total fit falls back on its last resort.
  CHECK(break_lines_total_fit(items, widths, {}).pass == BreakPass::last_resort);
}

TEST_CASE("every justified line's glue is set to exactly the measure", "[knuth_plass]") {
  const auto items = words({3, 5, 2, 4, 6, 3, 2, 5, 4, 3, 6, 2, 4, 5, 3});
  const LineWidths widths{20, 18};
  const auto result = break_lines_total_fit(items, widths, {});
  REQUIRE(result.breaks.size() >= 3);
  CHECK(result.pass == BreakPass::no_hyphens);
  std::size_t from = 0;
  for (std::size_t line = 0; line + 1 < result.breaks.size(); ++line) {
    const LineBreak& end = result.breaks[line];
    CHECK(end.ratio >= -1);
    CHECK(set_width(items, from, end.position, end.ratio) == Approx(widths.of(line)).margin(1e-6));
    from = end.position + 1;
  }
}

TEST_CASE("infinite penalties are never broken and forced ones always are", "[knuth_plass]") {
  std::vector<BreakItem> items{{BreakItemKind::box, 4},
                               {BreakItemKind::penalty, 0, 0, 0, kInfinitePenalty},
                               {BreakItemKind::glue, 1, 1, 0.5},
                               {BreakItemKind::box, 4},
                               {BreakItemKind::penalty, 0, 0, 0, -kInfinitePenalty},
                               {BreakItemKind::box, 4},
                               {BreakItemKind::glue, 1, 1, 0.5},
                               {BreakItemKind::box, 4}};
  finish_paragraph(items);
  const auto result = break_lines_total_fit(items, {100, 100}, {});
  CHECK(positions(result) == std::vector<std::size_t>{4, items.size() - 1});
}

TEST_CASE("no more hyphenated lines in a row than the limit", "[knuth_plass]") {
  // Syllables of 3 with hyphenation points between them, at a measure that only whole
  // hyphenated pieces fill exactly: without the limit every line would end with a hyphen.
  std::vector<BreakItem> items;
  for (int word = 0; word < 6; ++word) {
    if (word > 0) items.push_back({BreakItemKind::glue, 1, 1, 0.5});
    for (int syllable = 0; syllable < 4; ++syllable) {
      if (syllable > 0) items.push_back({BreakItemKind::penalty, 1, 0, 0, kHyphenPenalty, true});
      items.push_back({BreakItemKind::box, 3});
    }
  }
  finish_paragraph(items);
  LineBreakParameters parameters;
  parameters.max_consecutive_hyphens = 1;
  parameters.tolerance = 10000;
  const auto result = break_lines_total_fit(items, {10, 10}, parameters);
  REQUIRE(result.breaks.size() > 3);
  int run = 0;
  for (const auto& line : result.breaks) {
    run = line.hyphenated ? run + 1 : 0;
    CHECK(run <= 1);
  }
  CHECK(line_break_stats(result).hyphenated > 0);
}

TEST_CASE("emergency stretch comes before any overfull line, and is reported", "[knuth_plass]") {
  // Two words that cannot fill 30 within the tolerance: only extra stretch sets them.
  const auto items = words({10, 10, 25});
  LineBreakParameters parameters;
  parameters.emergency_stretch = 20;
  const auto result = break_lines_total_fit(items, {30, 30}, parameters);
  CHECK(result.pass == BreakPass::emergency);
  CHECK(line_break_stats(result).overfull == 0);
}

TEST_CASE("a box wider than the line overflows in the last resort, on its own line", "[knuth_plass]") {
  const auto items = words({4, 40, 4});
  const auto result = break_lines_total_fit(items, {20, 20}, {});
  CHECK(result.pass == BreakPass::last_resort);
  REQUIRE(result.breaks.size() == 3);
  CHECK_FALSE(result.breaks[0].overfull);
  CHECK(result.breaks[1].overfull);
  CHECK(line_break_stats(result).overfull == 1);
}

TEST_CASE("degenerate paragraphs still end", "[knuth_plass]") {
  CHECK(break_lines_total_fit({}, {10, 10}, {}).breaks.empty());
  const auto one = words({5});
  CHECK(break_lines_total_fit(one, {10, 10}, {}).breaks.size() == 1);
  CHECK(break_lines_total_fit(one, {0, 0}, {}).breaks.size() == 1);
  CHECK(break_lines_total_fit(one, {-5, -5}, {}).breaks.size() == 1);
  std::vector<double> many(5000, 3);
  const auto long_paragraph = words(many);
  const auto result = break_lines_total_fit(long_paragraph, {60, 60}, {});
  CHECK(result.breaks.size() > 200);
  CHECK(line_break_stats(result).overfull == 0);
}

TEST_CASE("on the leaflet's own paragraphs total fit beats first fit", "[knuth_plass]") {
  core::Diagnostics diags;
  const auto doc = load::load_leaflet(LEAFPRESS_SOURCE_DIR "/leaflets/immunotherapy", diags);
  REQUIRE(doc);
  fonts::FontRegistry registry({});
  fonts::FontFallback fallback(registry, {});
  HyphenatorCache hyphenators;
  const fonts::Face* serif = registry.find("Noto Serif", fonts::FontStyle::regular);
  REQUIRE(serif);
  LineBreakStats greedy_total, best_total;
  std::size_t paragraphs = 0;
  for (const std::string language : {"fr", "en"}) {
    const auto localized = locale::localize(*doc, language, diags);
    for (const auto& block : localized.blocks) {
      const auto* paragraph_block = std::get_if<document::ParagraphBlock<document::RichText>>(&block.content);
      if (!paragraph_block) continue;
      StyledParagraph paragraph;
      paragraph.language = language;
      paragraph.append(paragraph_block->text.plain(), {serif, 10.8, {}, {}});
      const ShapedParagraph shaped = shape_paragraph(paragraph, fallback, diags);
      const auto points = paragraph_hyphenation_points(paragraph.text, language, hyphenators);
      const BreakModel model = break_model(shaped, segment_paragraph(paragraph, shaped, points), true);
      for (const double width : {441.0, 210.0}) {  // the brochure's column, and half of it
        LineBreakParameters parameters;
        parameters.emergency_stretch = 2 * 10.8;
        const auto greedy = line_break_stats(break_lines_first_fit(model.items, {width, width}, parameters));
        const auto best = line_break_stats(break_lines_total_fit(model.items, {width, width}, parameters));
        greedy_total.overfull += greedy.overfull;
        greedy_total.underfull += greedy.underfull;
        greedy_total.total_badness += greedy.total_badness;
        best_total.overfull += best.overfull;
        best_total.underfull += best.underfull;
        best_total.total_badness += best.total_badness;
        ++paragraphs;
      }
    }
  }
  REQUIRE(paragraphs > 20);
  WARN("first fit: " << greedy_total.overfull << " overfull, " << greedy_total.underfull << " underfull, badness "
                     << greedy_total.total_badness << "; total fit: " << best_total.overfull << " overfull, "
                     << best_total.underfull << " underfull, badness " << best_total.total_badness);
  CHECK(best_total.overfull == 0);
  CHECK(best_total.overfull <= greedy_total.overfull);
  CHECK(best_total.underfull < greedy_total.underfull);
  CHECK(best_total.total_badness < greedy_total.total_badness / 2);
}

namespace {

/// The best breaks by brute force: every set of legal breakpoints, scored with the same rules
/// (K&P 1981 demerits, fitness classes, the hyphen limit), for paragraphs small enough.
double brute_force_demerits(const std::vector<BreakItem>& items, const LineWidths& widths,
                            const LineBreakParameters& p, bool hyphens, double tolerance) {
  std::vector<std::size_t> candidates;
  for (std::size_t b = 0; b < items.size(); ++b) {
    const BreakItem& item = items[b];
    const bool legal = item.kind == BreakItemKind::penalty
                           ? item.penalty < kInfinitePenalty && (hyphens || !item.flagged)
                           : item.kind == BreakItemKind::glue && b > 0 && items[b - 1].kind == BreakItemKind::box;
    if (legal) candidates.push_back(b);
  }
  const std::size_t last = items.size() - 1;
  double best = std::numeric_limits<double>::infinity();
  const std::size_t choices = candidates.size() - 1;  // the final forced break is always taken
  for (std::uint32_t mask = 0; mask < (1u << choices); ++mask) {
    std::vector<std::size_t> breaks;
    for (std::size_t i = 0; i < choices; ++i) {
      if (mask & (1u << i)) breaks.push_back(candidates[i]);
    }
    breaks.push_back(last);
    double total = 0;
    std::size_t start = 0;
    int previous_fitness = 2;
    bool previous_hyphen = false;
    int hyphen_run = 0;
    bool feasible = true;
    for (std::size_t line = 0; line < breaks.size() && feasible; ++line) {
      const std::size_t b = breaks[line];
      double width = 0, stretch = 0, shrink = 0;
      for (std::size_t k = start; k < b; ++k) {
        if (items[k].kind == BreakItemKind::penalty) {
          if (items[k].penalty <= -kInfinitePenalty) feasible = false;  // a forced break skipped
          continue;
        }
        width += items[k].width;
        if (items[k].kind == BreakItemKind::glue) stretch += items[k].stretch, shrink += items[k].shrink;
      }
      if (items[b].kind == BreakItemKind::penalty) width += items[b].width;
      const double target = widths.of(line);
      double r = 0;
      if (width < target) r = stretch > 0 ? (target - width) / stretch : 1e6;
      if (width > target) r = shrink > 0 ? (target - width) / shrink : -1e9;
      const double bad = r < -1 ? 1e9 : std::min(10000.0, 100 * std::pow(std::abs(r), 3));
      if (r < -1 || bad > tolerance) feasible = false;
      const bool flagged = items[b].kind == BreakItemKind::penalty && items[b].flagged;
      hyphen_run = flagged ? hyphen_run + 1 : 0;
      if (hyphen_run > p.max_consecutive_hyphens) feasible = false;
      const int fitness = r < -0.5 ? 3 : r <= 0.5 ? 2 : r <= 1 ? 1 : 0;
      double d = (p.line_penalty + bad) * (p.line_penalty + bad);
      if (items[b].kind == BreakItemKind::penalty) {
        if (items[b].penalty >= 0) d += items[b].penalty * items[b].penalty;
        else if (items[b].penalty > -kInfinitePenalty) d -= items[b].penalty * items[b].penalty;
        if (flagged && previous_hyphen) d += p.double_hyphen_demerits;
      }
      if (b == last && previous_hyphen) d += p.final_hyphen_demerits;
      if (std::abs(fitness - previous_fitness) > 1) d += p.adj_demerits;
      total += d;
      previous_fitness = fitness;
      previous_hyphen = flagged;
      // The next line starts at the first box after the break (glue and penalties vanish).
      start = b;
      while (start < items.size() && items[start].kind != BreakItemKind::box &&
             !(start > b && items[start].kind == BreakItemKind::penalty && items[start].penalty <= -kInfinitePenalty)) {
        ++start;
      }
    }
    if (feasible) best = std::min(best, total);
  }
  return best;
}

}  // namespace

TEST_CASE("total fit finds the least demerits an exhaustive search finds", "[knuth_plass]") {
  std::uint32_t seed = 12345;
  auto next = [&](std::uint32_t range) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % range;
  };
  int compared = 0;
  for (int trial = 0; trial < 400; ++trial) {
    std::vector<BreakItem> items;
    const std::uint32_t words = 3 + next(6);
    for (std::uint32_t w = 0; w < words; ++w) {
      if (w > 0) items.push_back({BreakItemKind::glue, 1, 1 + next(2) * 0.5, 0.5});
      const std::uint32_t syllables = 1 + next(3);
      for (std::uint32_t s = 0; s < syllables; ++s) {
        if (s > 0) items.push_back({BreakItemKind::penalty, 0.5, 0, 0, kHyphenPenalty, true});
        items.push_back({BreakItemKind::box, 1.0 + next(4)});
      }
    }
    finish_paragraph(items);
    std::size_t legal = 0;
    for (std::size_t b = 0; b < items.size(); ++b) {
      legal += items[b].kind != BreakItemKind::box && items[b].penalty < kInfinitePenalty ? 1 : 0;
    }
    if (legal > 18) continue;  // keep the search small
    const double width = 6 + next(8);
    LineBreakParameters p;
    p.max_consecutive_hyphens = 1 + static_cast<int>(next(2));
    const auto result = break_lines_total_fit(items, {width, width}, p);
    INFO("trial " << trial);
    if (result.pass == BreakPass::no_hyphens) {
      CHECK(result.demerits == Approx(brute_force_demerits(items, {width, width}, p, false, p.pretolerance)));
      ++compared;
    } else if (result.pass == BreakPass::hyphens) {
      CHECK(std::isinf(brute_force_demerits(items, {width, width}, p, false, p.pretolerance)));
      CHECK(result.demerits == Approx(brute_force_demerits(items, {width, width}, p, true, p.tolerance)));
      ++compared;
    }
  }
  CHECK(compared > 100);
}
