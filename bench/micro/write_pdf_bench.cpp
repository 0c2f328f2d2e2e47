// The whole leaflet in one language, stage by stage and end to end, as cli::build_leaflet
// runs it: load → localize → lay_out → pdf::write_pdf. Fonts and dictionaries are opened
// once, before timing, as a build opens them once per run.
#include <benchmark/benchmark.h>

#include "layout/lay_out.hpp"
#include "leaflet_fixture.hpp"
#include "load/load_leaflet.hpp"
#include "locale/localize.hpp"
#include "pdf/write_pdf.hpp"

namespace leafpress::bench {
namespace {

const pdf::PdfOptions kOptions{std::nullopt, "leafpress micro-benchmark"};

void load_leaflet(benchmark::State& state) {
  LeafletFixture& f = leaflet_fixture();
  for (auto _ : state) {
    core::Diagnostics diags;
    auto doc = load::load_leaflet(f.folder, diags);
    benchmark::DoNotOptimize(doc);
  }
}
BENCHMARK(load_leaflet)->Name("load::load_leaflet/immunotherapy");

void lay_out(benchmark::State& state, std::string language) {
  LeafletFixture& f = leaflet_fixture();
  const auto localized = locale::localize(f.document, language, f.diags);
  std::size_t pages = 0;
  for (auto _ : state) {
    core::Diagnostics diags;
    auto laid_out = layout::lay_out(localized, f.registry, f.context, diags);
    if (!laid_out) {
      state.SkipWithError("lay_out failed");
      break;
    }
    pages = laid_out->pages.size();
    benchmark::DoNotOptimize(laid_out);
  }
  state.counters["pages"] = static_cast<double>(pages);
}
BENCHMARK_CAPTURE(lay_out, fr, std::string("fr"))->Name("layout::lay_out/immunotherapy_fr");
BENCHMARK_CAPTURE(lay_out, ar, std::string("ar"))->Name("layout::lay_out/immunotherapy_ar");

void write_pdf(benchmark::State& state, std::string language) {
  LeafletFixture& f = leaflet_fixture();
  const auto localized = locale::localize(f.document, language, f.diags);
  const auto pages = layout::lay_out(localized, f.registry, f.context, f.diags);
  if (!pages) {
    state.SkipWithError("lay_out failed");
    return;
  }
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string pdf = pdf::write_pdf(*pages, kOptions);
    bytes = pdf.size();
    benchmark::DoNotOptimize(pdf.data());
  }
  state.counters["pdf_bytes"] = static_cast<double>(bytes);
}
BENCHMARK_CAPTURE(write_pdf, fr, std::string("fr"))->Name("pdf::write_pdf/immunotherapy_fr");
BENCHMARK_CAPTURE(write_pdf, ar, std::string("ar"))->Name("pdf::write_pdf/immunotherapy_ar");

void whole_leaflet(benchmark::State& state, std::string language) {
  LeafletFixture& f = leaflet_fixture();
  std::size_t bytes = 0;
  for (auto _ : state) {
    core::Diagnostics diags;
    const auto doc = load::load_leaflet(f.folder, diags);
    if (!doc) {
      state.SkipWithError("load_leaflet failed");
      break;
    }
    const auto localized = locale::localize(*doc, language, diags);
    const auto pages = layout::lay_out(localized, f.registry, f.context, diags);
    if (!pages) {
      state.SkipWithError("lay_out failed");
      break;
    }
    const std::string pdf = pdf::write_pdf(*pages, kOptions);
    bytes = pdf.size();
    benchmark::DoNotOptimize(pdf.data());
  }
  state.counters["pdf_bytes"] = static_cast<double>(bytes);
}
BENCHMARK_CAPTURE(whole_leaflet, fr, std::string("fr"))->Name("load+localize+lay_out+write_pdf/immunotherapy_fr");

}  // namespace
}  // namespace leafpress::bench
