// Shaping: HarfBuzz on one real paragraph, alone and with itemization (bidi, scripts,
// fallback faces) around it.
#include <benchmark/benchmark.h>

#include "leaflet_fixture.hpp"
#include "text/shape.hpp"
#include "text/shaped_paragraph.hpp"

namespace leafpress::bench {
namespace {

void shape_noto_serif(benchmark::State& state) {
  LeafletFixture& f = leaflet_fixture();
  const std::string text = f.longest_paragraph("fr");
  std::size_t glyphs = 0;
  for (auto _ : state) {
    const auto shaped = text::shape(*f.serif, text, 0, text.size(), "fr", "Latn");
    glyphs = shaped.size();
    benchmark::DoNotOptimize(shaped.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["glyphs"] = static_cast<double>(glyphs);
}
BENCHMARK(shape_noto_serif)->Name("text::shape/longest_fr_paragraph");

void shape_paragraph(benchmark::State& state) {
  LeafletFixture& f = leaflet_fixture();
  const text::StyledParagraph paragraph = f.styled(f.longest_paragraph("fr"), "fr");
  std::size_t items = 0;
  for (auto _ : state) {
    const auto shaped = text::shape_paragraph(paragraph, f.fallback, f.diags);
    items = shaped.items.size();
    benchmark::DoNotOptimize(shaped.items.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * paragraph.text.size()));
  state.counters["glyphs"] = static_cast<double>(items);
}
BENCHMARK(shape_paragraph)->Name("text::shape_paragraph/longest_fr_paragraph");

}  // namespace
}  // namespace leafpress::bench
