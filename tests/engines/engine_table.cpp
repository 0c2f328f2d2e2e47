// Prints how every engine reads every language of the engines fixture, and checks PDFs
// against veraPDF's glyph rules (tests/engines/README.md).
//
//   engine_table [--pdf-dir DIR]      build the fixture (into DIR, or a temporary folder)
//                                     and print the language x engine table
//   engine_table --build DIR          build the fixture into DIR/fixture, the shipped leaflet
//                                     (with press files) into DIR/shipped and the test
//                                     suite's other leaflets into DIR/others (ctest's
//                                     engines_pdfs)
//   engine_table --misses DIR LANG   each engine's missed words in DIR's LANG brochure
//   engine_table --glyph-rules FILE.pdf...   print each file's glyph-rule violations;
//                                     exit 1 when there is any
#include <cstdio>
#include <future>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "engines/engine_text.hpp"
#include "engines/engines_paths.hpp"
#include "engines/fixture.hpp"
#include "engines/glyph_rules.hpp"
#include "engines/page_checks.hpp"
#include "engines/sample_line.hpp"
#include "engines/text_measure.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

namespace {

using namespace leafpress::engines;

std::string percent(double share) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%5.1f", share * 100.0);
  return buffer;
}

std::string row(const std::filesystem::path& dir, const std::string& language) {
  const auto pdf = fixture_pdf(dir, language);
  const auto paragraphs = source_strings(fixture_leaflet(), language);
  const Units units = units_for(language);
  std::ostringstream out;
  out << language << (units == Units::kCharacters ? " (chars)" : "        ") << "   ";
  std::string first_misses;
  for (const Engine engine : kAllEngines) {
    try {
      const Measure m = measure(paragraphs, engine_text(engine, pdf, is_rtl(language)), units);
      out << " | " << percent(m.recall()) << " " << percent(m.pair_recall());
      if (!m.missing.empty() && first_misses.size() < 200) first_misses += " " + engine_name(engine) + ": " + m.missing.front();
    } catch (const std::exception& e) {
      out << " |  error  error";
      first_misses += " " + engine_name(engine) + " failed: " + e.what();
    }
  }
  try {
    const auto violations = glyph_rule_violations(pdf);
    std::size_t width = 0, unicode = 0, notdef = 0;
    for (const auto& v : violations) (v.rule == "7.21.5-1" ? width : v.rule == "7.21.7-1" ? unicode : notdef) += 1;
    out << " | " << width << "/" << unicode << "/" << notdef;
  } catch (const std::exception& e) {
    out << " | error: " << e.what();
  }
  try {
    const SampleLineCheck sample = check_sample_line(pdf, language, paragraphs.front());
    out << " | " << (sample.same ? "same" : "DIFFERENT " + sample.detail);
  } catch (const std::exception& e) {
    out << " | error: " << e.what();
  }
  try {
    const RenderDifference d = ghostscript_against_poppler(pdf, 1);
    const std::string warnings = mutool_draw_warnings(pdf);
    int orders_ok = 0;
    for (const char* format : {"brochure", "trifold", "booklet"}) {
      orders_ok += structure_order_problem(poppler_structure_text(fixture_pdf(dir, language, format), is_rtl(language)), paragraphs, false).empty();
    }
    out << "\n      gs vs poppler " << percent(d.share()) << " % | mutool draw " << (warnings.empty() ? "quiet" : "warns")
        << " | structure order ok in " << orders_ok << "/3 formats";
  } catch (const std::exception& e) {
    out << "\n      page checks: error: " << e.what();
  }
  if (!first_misses.empty()) out << "\n      first missing:" << first_misses;
  return out.str();
}

int print_table(const std::filesystem::path& given_dir) {
  std::unique_ptr<leafpress::testing::ScratchDir> scratch;
  std::filesystem::path dir = given_dir;
  if (dir.empty()) {
    scratch = std::make_unique<leafpress::testing::ScratchDir>();
    dir = scratch->path();
  }
  build_fixture(dir);
  std::cout << "recall % and word pairs in order % per engine (characters for th, zh, ja, ko);\n"
               "glyph rules: codes whose width is not their glyph's / without Unicode / showing .notdef; sample line: the title's glyphs vs hb-shape;\n"
               "gs vs poppler: dark pixels of page 1 unmatched (at most 1 %); mutool draw: warnings on stderr;\n"
               "structure order: pdfinfo -struct-text in source order, brochure, trifold and booklet\n\n"
               "lang          | poppler     | mupdf       | ghostscript | pdf.js      | rules | sample line\n";
  const auto languages = fixture_languages();
  // Two languages at a time: each runs four engines one after the other.
  std::vector<std::future<std::string>> rows;
  for (std::size_t i = 0; i < languages.size(); ++i) {
    rows.push_back(std::async(std::launch::async, row, dir, languages[i]));
    if (i % 2 == 1) rows[i - 1].wait(), rows[i].wait();
  }
  for (auto& r : rows) std::cout << r.get() << "\n";
  return 0;
}

// Every PDF the engines tests check: the fixture, the shipped leaflets with their press files,
// and the other leaflets the test suite builds (tests/pdf/arabic, tests/golden/sample).
int build_all(const std::filesystem::path& dir) {
  // Only the folders this writes are emptied first, never `dir` itself.
  for (const char* folder : {"fixture", "shipped", "others"}) std::filesystem::remove_all(dir / folder);
  build_fixture(dir / "fixture");
  const std::vector<std::pair<std::string, std::vector<std::string>>> others = {
      {"shipped",
       {(source_dir() / "leaflets/immunotherapy").string(), (source_dir() / "leaflets/world-cancer-day").string(), "--print"}},
      {"others", {(source_dir() / "tests/pdf/arabic").string(), (source_dir() / "tests/golden/sample").string(), "--format",
                  "brochure,trifold,booklet"}}};
  for (const auto& [folder, arguments] : others) {
    std::vector<std::string> argv = {leafpress_binary().string(), "build"};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    argv.insert(argv.end(), {"--out", (dir / folder).string()});
    const auto result = leafpress::testing::run_process(argv, source_dir().string(), {"SOURCE_DATE_EPOCH=0"});
    if (result.exit_code != 0) throw std::runtime_error("leafpress build for " + folder + " failed:\n" + result.err);
  }
  return 0;
}

int print_glyph_rules(const std::vector<std::string>& files) {
  int status = 0;
  for (const std::string& file : files) {
    const auto violations = glyph_rule_violations(file);
    std::cout << file << ": " << violations.size() << " glyph-rule violation(s)\n";
    for (const auto& v : violations) std::cout << "  " << v.describe() << "\n";
    if (!violations.empty()) status = 1;
  }
  return status;
}

}  // namespace

// Every source unit each engine misses in `language`'s brochure under `dir`, with the
// engine's text around the first place it reads the unit's neighbourhood.
int print_misses(const std::filesystem::path& dir, const std::string& language) {
  const auto paragraphs = source_strings(fixture_leaflet(), language);
  for (const Engine engine : kAllEngines) {
    const Measure m = measure(paragraphs, engine_text(engine, fixture_pdf(dir, language), is_rtl(language)), units_for(language));
    std::cout << engine_name(engine) << " (" << m.missing.size() << "):";
    for (const std::string& unit : m.missing) std::cout << " " << unit;
    std::cout << "\n";
  }
  return 0;
}

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (!args.empty() && args[0] == "--glyph-rules") return print_glyph_rules({args.begin() + 1, args.end()});
    if (args.size() == 2 && args[0] == "--build") return build_all(args[1]);
    if (args.size() == 2 && args[0] == "--pdf-dir") return print_table(args[1]);
    if (args.size() == 3 && args[0] == "--misses") return print_misses(args[1], args[2]);
    if (args.empty()) return print_table({});
    std::cerr << "usage: engine_table [--pdf-dir DIR] | --misses DIR LANG | --build DIR | --glyph-rules FILE.pdf...\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "engine_table: " << e.what() << "\n";
    return 3;
  }
}
