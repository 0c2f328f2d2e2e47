// Line breaking: Knuth–Plass total fit against first fit, on the break model of real text
// (shaped, hyphenated, justified at the brochure's column width).
#include <benchmark/benchmark.h>

#include "leaflet_fixture.hpp"
#include "text/break_model.hpp"
#include "text/knuth_plass.hpp"
#include "text/segments.hpp"
#include "text/shaped_paragraph.hpp"

namespace leafpress::bench {
namespace {

enum class Sample : std::uint8_t { longest_paragraph, whole_leaflet };

/// The break model of the French leaflet's longest paragraph, or of all its paragraphs
/// joined into one (to see how the breakers scale), built as set_paragraph builds it.
text::BreakModel model_of(Sample sample) {
  LeafletFixture& f = leaflet_fixture();
  std::string text;
  if (sample == Sample::longest_paragraph) {
    text = f.longest_paragraph("fr");
  } else {
    for (const std::string& paragraph : f.paragraphs("fr")) text += (text.empty() ? "" : " ") + paragraph;
  }
  const text::StyledParagraph paragraph = f.styled(text, "fr");
  const text::ShapedParagraph shaped = text::shape_paragraph(paragraph, f.fallback, f.diags);
  const auto points = text::paragraph_hyphenation_points(paragraph.text, "fr", f.hyphenators);
  return text::break_model(shaped, text::segment_paragraph(paragraph, shaped, points), true);
}

text::LineBreakParameters parameters() {
  text::LineBreakParameters p;
  p.emergency_stretch = 2 * 10.8;  // set_paragraph's: two ems of the body size
  return p;
}

template <class Breaker>
void break_lines(benchmark::State& state, Sample sample, Breaker breaker) {
  const text::BreakModel model = model_of(sample);
  const text::LineWidths widths{column_width(), column_width()};
  const text::LineBreakParameters p = parameters();
  std::size_t lines = 0;
  for (auto _ : state) {
    const text::LineBreakResult result = breaker(model.items, widths, p);
    lines = result.breaks.size();
    benchmark::DoNotOptimize(result.breaks.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * model.items.size()));
  state.counters["items"] = static_cast<double>(model.items.size());
  state.counters["lines"] = static_cast<double>(lines);
}

void total_fit(benchmark::State& state, Sample sample) {
  // A lambda picks the overload that allocates its own scratch, as the benchmark always measured.
  break_lines(state, sample, [](const auto& items, const auto& widths, const auto& p) {
    return text::break_lines_total_fit(items, widths, p);
  });
}
void first_fit(benchmark::State& state, Sample sample) { break_lines(state, sample, text::break_lines_first_fit); }

BENCHMARK_CAPTURE(total_fit, longest_fr_paragraph, Sample::longest_paragraph)
    ->Name("text::break_lines_total_fit/longest_fr_paragraph");
BENCHMARK_CAPTURE(first_fit, longest_fr_paragraph, Sample::longest_paragraph)
    ->Name("text::break_lines_first_fit/longest_fr_paragraph");
BENCHMARK_CAPTURE(total_fit, whole_fr_leaflet, Sample::whole_leaflet)
    ->Name("text::break_lines_total_fit/fr_leaflet_as_one_paragraph");
BENCHMARK_CAPTURE(first_fit, whole_fr_leaflet, Sample::whole_leaflet)
    ->Name("text::break_lines_first_fit/fr_leaflet_as_one_paragraph");

}  // namespace
}  // namespace leafpress::bench
