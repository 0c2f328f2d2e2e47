#include <catch2/catch.hpp>

#include "fonts/font_registry.hpp"
#include "load/load_leaflet.hpp"
#include "locale/localize.hpp"
#include "text/break_model.hpp"
#include "text/knuth_plass.hpp"
#include "text/segments.hpp"

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
