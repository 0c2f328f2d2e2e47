// The engines tests (label `engines`): every language of the fixture, read by each of the
// four engines our readers use, and veraPDF's glyph rules on every PDF the fixture and the
// shipped leaflets make. The PDFs are built once by the engines_pdfs ctest fixture.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "engines/engine_text.hpp"
#include "engines/engines_paths.hpp"
#include "engines/font_program.hpp"
#include "engines/fixture.hpp"
#include "engines/glyph_rules.hpp"
#include "engines/page_checks.hpp"
#include "engines/sample_line.hpp"
#include "engines/text_measure.hpp"
#include "support/scratch_dir.hpp"

namespace {

using namespace leafpress::engines;

constexpr double kRecall = 0.99;
constexpr double kPairs = 0.97;
// Share of dark pixels either engine draws where the other draws nothing within a pixel.
constexpr double kRenderDifference = 0.01;

const char* const kFormats[] = {"brochure", "trifold", "booklet"};
const char* const kShippedLanguages[] = {"fr", "en", "es", "ar"};

std::filesystem::path fixture_dir() { return fixture_output() / "fixture"; }
std::filesystem::path shipped_pdf(const std::string& language, const std::string& format) {
  return fixture_output() / "shipped" / ("immunotherapy." + language + "." + format + ".pdf");
}

/// A known loss of one engine in one language (tests/engines/known_limits.tsv).
struct KnownLimit {
  double recall = 0;  // floors, as fractions; negative where they do not apply
  double pairs = 0;
  std::string why;
};

/// The known limits by engine name and language.
const std::map<std::pair<std::string, std::string>, KnownLimit>& known_limits() {
  static const auto limits = [] {
    std::map<std::pair<std::string, std::string>, KnownLimit> read;
    std::ifstream file(source_dir() / "tests/engines/known_limits.tsv");
    REQUIRE(file);
    for (std::string line; std::getline(file, line);) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream fields(line);
      std::string engine, language, recall, pairs, why;
      std::getline(fields, engine, '\t');
      std::getline(fields, language, '\t');
      std::getline(fields, recall, '\t');
      std::getline(fields, pairs, '\t');
      std::getline(fields, why);
      const auto fraction = [](const std::string& percent) { return percent == "-" ? -1.0 : std::stod(percent) / 100; };
      read[{engine, language}] = {fraction(recall), fraction(pairs), why};
    }
    return read;
  }();
  return limits;
}

void check_engine(Engine engine) {
  for (const std::string& language : fixture_languages()) {
    const auto paragraphs = source_strings(fixture_leaflet(), language);
    const Measure m = measure(paragraphs, engine_text(engine, fixture_pdf(fixture_dir(), language), is_rtl(language)),
                              units_for(language));
    INFO(engine_name(engine) << " " << language << ": recall " << m.recall() << ", pairs " << m.pair_recall()
                             << (m.missing.empty() ? "" : ", first missing \"" + m.missing.front() + "\""));
    const auto limit = known_limits().find({engine_name(engine), language});
    if (limit == known_limits().end()) {
      CHECK(m.recall() >= kRecall);
      CHECK(m.pair_recall() >= kPairs);
      continue;
    }
    INFO("known limit: " << limit->second.why);
    // Held to what it reaches now, and listed only while it falls short.
    CHECK(m.recall() >= limit->second.recall);
    CHECK(m.pair_recall() >= limit->second.pairs);
    CHECK((m.recall() < kRecall || m.pair_recall() < kPairs));
  }
}

/// Checks a structure reading, unless it is a known limit: then it must still fail, so that
/// the list stays true.
void check_structure(const std::string& reader, const std::string& language, const std::string& problem) {
  const bool known = known_limits().count({reader, language}) > 0;
  INFO(reader << " " << language << ": " << (problem.empty() ? "in order" : problem) << (known ? " (a known limit)" : ""));
  CHECK(problem.empty() != known);
}

// Every PDF engines_pdfs built (engine_table --build), sorted.
std::vector<std::filesystem::path> every_pdf() {
  std::vector<std::filesystem::path> pdfs;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(fixture_output())) {
    if (entry.path().extension() == ".pdf") pdfs.push_back(entry.path());
  }
  std::sort(pdfs.begin(), pdfs.end());
  REQUIRE(pdfs.size() >= 69 + 24);
  return pdfs;
}

// A PDF written by hand around a real TrueType subset: one Type0 font whose ToUnicode maps
// codes 1 and 2 only, whose /W gives codes 1, 2 and 3 `widths`, and a content stream showing
// codes 1, 2 (hex, TJ), 3 (literal string with an escape: no Unicode) and 0 (.notdef, inside
// q/Q with the font set again).
std::string handmade_pdf(const std::string& font_program, const std::string& widths) {
  const std::string cmap =
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
      "2 beginbfchar <0001> <0041> <0002> <0042> endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n";
  const std::string content = "BT /F1 12 Tf 72 700 Td [<0001> -20 <0002>] TJ (\\000\\003) Tj q /F1 10 Tf <0000> Tj Q ET\n";
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+Test /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
      "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+Test /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
      "/Supplement 0 >> /FontDescriptor 8 0 R /CIDToGIDMap /Identity /W [1 [" + widths + "]] >>",
      "<< /Length " + std::to_string(cmap.size()) + " >>\nstream\n" + cmap + "endstream",
      "<< /Type /FontDescriptor /FontName /AAAAAA+Test /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 "
      "/Descent -200 /CapHeight 700 /StemV 80 /FontFile2 9 0 R >>",
      "<< /Length " + std::to_string(font_program.size()) + " >>\nstream\n" + font_program + "\nendstream"};
  std::string pdf = "%PDF-1.7\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const std::size_t offset : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

const FontInfo& font_named(const PdfText& text, const std::string& part) {
  for (const auto& [key, font] : text.fonts) {
    if (font.base_font.find(part) != std::string::npos) return font;
  }
  FAIL("no font named like " << part);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("poppler (pdftotext) gives back every language's words in order", "[engines]") { check_engine(Engine::kPoppler); }
TEST_CASE("MuPDF (mutool convert -F text) gives back every language's words in order", "[engines]") { check_engine(Engine::kMuPdf); }
TEST_CASE("Ghostscript (txtwrite) gives back every language's words in order", "[engines]") { check_engine(Engine::kGhostscript); }
TEST_CASE("pdf.js (getTextContent) gives back every language's words in order", "[engines]") { check_engine(Engine::kPdfJs); }

TEST_CASE("every code shown is as wide as its glyph, maps to Unicode and shows no .notdef in any PDF", "[engines]") {
  for (const auto& pdf : every_pdf()) {
    const auto violations = glyph_rule_violations(pdf);
    INFO(pdf.filename().string() << ": " << violations.size() << " violations"
                                 << (violations.empty() ? "" : ", first: " + violations.front().describe()));
    CHECK(violations.empty());
  }
}

TEST_CASE("the glyph-rule checker finds a width off its glyph's, codes without Unicode and .notdef in a handmade PDF",
          "[engines]") {
  const PdfText en = read_pdf_text(fixture_pdf(fixture_dir(), "en"));
  const FontInfo& serif = font_named(en, "NotoSerif-Regular");
  const leafpress::testing::ScratchDir scratch;
  // Codes 1 and 3 as wide as their glyphs; code 2 40/1000 em wider.
  const FontProgram program(serif.font_program);
  const double advance_2 = program.advance(2);
  REQUIRE(advance_2 > 0);
  const std::string widths = std::to_string(program.advance(1)) + " " + std::to_string(advance_2 + 40) + " " +
                             std::to_string(program.advance(3));
  const auto pdf = scratch.write("bad.pdf", handmade_pdf(serif.font_program, widths));
  const PdfText text = read_pdf_text(pdf);
  REQUIRE(text.shown.size() == 4);
  CHECK(text.shown[0].code == 1);
  CHECK(text.shown[1].code == 2);
  CHECK(text.shown[2].code == 3);
  CHECK(text.shown[3].code == 0);
  const auto violations = glyph_rule_violations(text);
  std::vector<std::string> seen;
  for (const auto& v : violations) seen.push_back(v.describe());
  INFO(seen.size());
  REQUIRE(violations.size() == 4);
  CHECK(violations[0].rule == "7.21.5-1");
  CHECK(violations[0].code == 2);
  CHECK(violations[1].rule == "7.21.7-1");
  CHECK(violations[1].code == 3);
  CHECK(violations[2].rule == "7.21.7-1");
  CHECK(violations[2].code == 0);
  CHECK(violations[3].rule == "7.21.8-1");
  CHECK(violations[3].code == 0);
}

TEST_CASE("the glyph-rule checker reads a CID-keyed CFF font's codes as CIDs through its charset", "[engines]") {
  const PdfText zh = read_pdf_text(fixture_pdf(fixture_dir(), "zh"));
  FontInfo cff = font_named(zh, "CJK");
  REQUIRE(cff.descendant == "CIDFontType0");
  cff.object = "cff";
  cff.has_to_unicode = true;
  // A CID the charset holds (glyph 1's) shows its glyph; one it lacks shows .notdef.
  const unsigned present_glyph = 1;
  std::uint32_t present_cid = 0, absent_cid = 1;
  {
    bool found = false;
    for (std::uint32_t cid = 1; cid < 70000 && !found; ++cid) {
      if (glyph_of_code(cff, cid) == present_glyph) present_cid = cid, found = true;
    }
    REQUIRE(found);
    while (glyph_of_code(cff, absent_cid) != 0) ++absent_cid;
  }
  cff.to_unicode = {{present_cid, u"A"}, {absent_cid, u"B"}};
  PdfText text;
  text.fonts.emplace("cff", cff);
  text.shown = {{1, "cff", present_cid, 0, 0, false, 0}, {1, "cff", absent_cid, 0, 0, false, 1}};
  const auto violations = glyph_rule_violations(text);
  REQUIRE(violations.size() == 1);
  CHECK(violations[0].rule == "7.21.8-1");
  CHECK(violations[0].code == absent_cid);
}

TEST_CASE("the glyphs of each language's title are hb-shape's", "[engines]") {
  for (const std::string& language : fixture_languages()) {
    const auto paragraphs = source_strings(fixture_leaflet(), language);
    const SampleLineCheck check = check_sample_line(fixture_pdf(fixture_dir(), language), language, paragraphs.front());
    INFO(language << " (" << check.font << "): " << check.detail);
    CHECK(check.same);
  }
}

TEST_CASE("the title check fails when hb-shape is given other text", "[engines]") {
  const SampleLineCheck check = check_sample_line(fixture_pdf(fixture_dir(), "en"), "en", "Immunotherapie");
  CHECK_FALSE(check.same);
  CHECK_FALSE(check.detail.empty());
}

TEST_CASE("mutool draw prints no warnings for any PDF", "[engines]") {
  for (const auto& pdf : every_pdf()) {
    const std::string warnings = mutool_draw_warnings(pdf);
    INFO(pdf.filename().string() << ": " << warnings.substr(0, 400));
    CHECK(warnings.empty());
  }
}

TEST_CASE("Ghostscript draws every glyph poppler draws in every language", "[engines]") {
  for (const std::string& language : fixture_languages()) {
    const RenderDifference d = ghostscript_against_poppler(fixture_pdf(fixture_dir(), language), 1);
    INFO(language << ": " << d.unmatched << " of " << d.dark_poppler << " + " << d.dark_ghostscript
                  << " dark pixels unmatched (" << d.share() * 100 << " %)");
    CHECK(d.dark_ghostscript > 0);
    CHECK(d.share() <= kRenderDifference);
  }
}

TEST_CASE("the structure tree reads every fixture language in source order in every format", "[engines]") {
  for (const std::string& language : fixture_languages()) {
    const auto paragraphs = source_strings(fixture_leaflet(), language);
    for (const char* format : kFormats) {
      const std::string problem =
          structure_order_problem(poppler_structure_text(fixture_pdf(fixture_dir(), language, format), is_rtl(language)), paragraphs, false);
      INFO(language << " " << format << ": " << problem);
      CHECK(problem.empty());
    }
  }
}

TEST_CASE("the structure tree reads every other leaflet in source order in every language and format", "[engines]") {
  struct Leaflet {
    std::filesystem::path dir;
    std::string name;  // of its PDFs, before the language: the folder's, and a variant's
    std::filesystem::path out;
    std::vector<std::string> languages;
    std::vector<std::string> formats;
  };
  const std::vector<std::string> formats(std::begin(kFormats), std::end(kFormats));
  const Leaflet leaflets[] = {
      {source_dir() / "leaflets/immunotherapy", "immunotherapy", fixture_output() / "shipped", {"fr", "en", "es", "ar"},
       formats},
      {source_dir() / "leaflets/world-cancer-day", "world-cancer-day.montreuil", fixture_output() / "shipped",
       {"fr", "en", "es", "ar"}, {"poster", "flyer"}},
      {source_dir() / "tests/pdf/arabic", "arabic", fixture_output() / "others", {"ar"}, formats},
      {source_dir() / "tests/golden/sample", "sample", fixture_output() / "others", {"en", "fr"}, formats}};
  for (const Leaflet& leaflet : leaflets) {
    for (const std::string& language : leaflet.languages) {
      const auto strings = source_strings(leaflet.dir, language, Strings::kReadInStructure);
      for (const std::string& format : leaflet.formats) {
        const auto pdf = leaflet.out / (leaflet.name + "." + language + "." + format + ".pdf");
        // Blocks a format leaves out, and the running header and footer (artifacts), are
        // absent from the tree; what is there must be in order.
        const std::string problem = structure_order_problem(poppler_structure_text(pdf, is_rtl(language)), strings, true);
        INFO(pdf.filename().string() << ": " << problem);
        CHECK(problem.empty());
      }
    }
  }
}

// pdf.js gives the structure tree page by page, so only the brochure, whose pages come in
// reading order, can be read in order through it: an imposed sheet (trifold, booklet) holds
// pages that are not neighbours. poppler's whole-tree checks above cover those formats.
TEST_CASE("pdf.js's structure tree reads every brochure, poster and flyer in source order", "[engines]") {
  for (const std::string& language : fixture_languages()) {
    const auto paragraphs = source_strings(fixture_leaflet(), language);
    check_structure("pdf.js-structure", language,
                    structure_order_problem(pdfjs_structure_text(fixture_pdf(fixture_dir(), language)), paragraphs, false));
  }
  for (const char* language : kShippedLanguages) {
    const auto strings = source_strings(source_dir() / "leaflets/immunotherapy", language, Strings::kReadInStructure);
    check_structure("pdf.js-structure", std::string("shipped-") + language,
                    structure_order_problem(pdfjs_structure_text(shipped_pdf(language, "brochure")), strings, true));
    // The poster is one page and the flyer's pages come in reading order.
    const auto campaign = source_strings(source_dir() / "leaflets/world-cancer-day", language, Strings::kReadInStructure);
    for (const std::string format : {"poster", "flyer"}) {
      const auto pdf =
          fixture_output() / "shipped" / ("world-cancer-day.vincennes." + std::string(language) + "." + format + ".pdf");
      check_structure("pdf.js-structure", "world-cancer-day-" + format + "-" + language,
                      structure_order_problem(pdfjs_structure_text(pdf), campaign, true));
    }
  }
}

TEST_CASE("the fixture holds Persian ZWNJ and Vietnamese both decomposed and composed", "[engines]") {
  const auto persian = source_strings(fixture_leaflet(), "fa");
  CHECK(persian.front().find("\u200C") != std::string::npos);
  const auto vietnamese = source_strings(fixture_leaflet(), "vi");
  REQUIRE(vietnamese.size() == 8);
  CHECK(vietnamese[5].find("e\u0323\u0302") != std::string::npos);  // ệ as e, dot below, circumflex
  CHECK(vietnamese[3].find("\u1EC7") != std::string::npos);          // ệ composed
  CHECK(fixture_languages().size() == 23);
}

TEST_CASE("the text measures normalise as documented", "[engines]") {
  CHECK(normalized("Im\u00AD\n  mune") == "immune");
  CHECK(units_of("Tell your care-team!", Units::kWords) == std::vector<std::string>{"tell", "your", "care", "team"});
  CHECK(units_of("می\u200Cکند", Units::kWords) == std::vector<std::string>{"می\u200Cکند"});
  CHECK(units_of("\u202Bשלום\u202C", Units::kWords) == std::vector<std::string>{"שלום"});
  CHECK(units_of("Vie\u0323\u0302t", Units::kWords) == std::vector<std::string>{"việt"});
  CHECK(units_of("免疫", Units::kCharacters) == std::vector<std::string>{"免", "疫"});
  CHECK(logical_from_visual("היפרתונומיא יהמ") == "מהי אימונותרפיה");
  const Measure m = measure({"one two three"}, "one three two", Units::kWords);
  CHECK(m.recall() == 1.0);
  CHECK(m.pairs_found == 0);
}
