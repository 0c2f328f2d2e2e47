// Subsetting: hb-subset cutting Noto Serif down to the glyphs of the French leaflet's
// paragraphs, as the PDF writer does for each face it embeds.
#include <benchmark/benchmark.h>

#include <set>

#include "leaflet_fixture.hpp"
#include "pdf/subset.hpp"
#include "text/shape.hpp"

namespace leafpress::bench {
namespace {

void subset_noto_serif(benchmark::State& state) {
  LeafletFixture& f = leaflet_fixture();
  std::set<std::uint32_t> glyphs;
  for (const std::string& text : f.paragraphs("fr")) {
    for (const auto& glyph : text::shape(*f.serif, text, 0, text.size(), "fr", "Latn")) glyphs.insert(glyph.id);
  }
  std::size_t bytes = 0;
  for (auto _ : state) {
    const auto subset = pdf::subset_face(*f.serif, glyphs);
    if (!subset) {
      state.SkipWithError("hb-subset cannot subset Noto Serif");
      break;
    }
    bytes = subset->font_program.size();
    benchmark::DoNotOptimize(subset->font_program.data());
  }
  state.counters["glyphs"] = static_cast<double>(glyphs.size());
  state.counters["subset_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(subset_noto_serif)->Name("pdf::subset_face/noto_serif_fr_leaflet_glyphs");

}  // namespace
}  // namespace leafpress::bench
