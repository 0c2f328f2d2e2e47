#include <catch2/catch.hpp>

#include <filesystem>

#include "pdf/pdf_probe.hpp"
#include "pdf/tag_checker.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

// Tagged PDF for people who read with a screen reader, magnification or reflow: the
// structure tree, its ties to the content, bookmarks and metadata, as real tools see them.

namespace fs = std::filesystem;
using namespace leafpress::testing;

namespace {

const fs::path kSource = LEAFPRESS_SOURCE_DIR;
const fs::path kLeaflet = kSource / "leaflets" / "immunotherapy";

struct TaggedBuild {
  ScratchDir out;
  ProcessResult result;
  TaggedBuild() {
    result = run_process({LEAFPRESS_BINARY, "build", kLeaflet.string(), "--out", out.path().string()},
                         kSource.string());
  }
  fs::path pdf(const std::string& language, const std::string& format = "brochure") const {
    return out.path() / ("immunotherapy." + language + "." + format + ".pdf");
  }
};

const TaggedBuild& tagged_build() {
  static const TaggedBuild build;
  return build;
}

}  // namespace

TEST_CASE("every language and format passes the tag checker", "[pdf][tagged]") {
  REQUIRE(tagged_build().result.exit_code == 0);
  for (const std::string language : {"fr", "en", "es", "ar"}) {
    for (const std::string format : {"brochure", "trifold", "booklet"}) {
      INFO(language << " " << format);
      const TagReport report = check_tagged_pdf(tagged_build().pdf(language, format));
      for (const auto& problem : report.problems) UNSCOPED_INFO(problem);
      CHECK(report.problems.empty());
      CHECK(report.marked_contents > 80);
      CHECK(report.artifacts >= 3);  // rules, boxes, running header, footer, page numbers
      CHECK(report.links >= 3);      // the three sources (and the Inserm guide outside the tri-fold)
      CHECK(report.elements > 80);
    }
  }
}

TEST_CASE("the tri-fold's structure reads cover, fold-in, inside panels, back", "[pdf][tagged]") {
  REQUIRE(tagged_build().result.exit_code == 0);
  for (const std::string language : {"fr", "en", "ar"}) {
    INFO(language);
    const auto tree = run_process({"pdfinfo", "-struct-text", tagged_build().pdf(language, "trifold").string()});
    REQUIRE(tree.exit_code == 0);
    // On the sheet the back panel sits between the fold-in panel and the cover, and the
    // inside comes on the other side; read, the leaflet goes from title to contact.
    std::size_t from = 0;
    // The key figures (Sect, H3) stay out of the tri-fold.
    for (const std::string element : {"H1 (block)", "H2 (block)", "L (block)", "Sect\n    H2",
                                      "Sect\n    H2"}) {
      from = tree.out.find(element, from);
      INFO(element);
      REQUIRE(from != std::string::npos);
      ++from;
    }
  }
  const auto en = run_process({"pdfinfo", "-struct-text", tagged_build().pdf("en", "trifold").string()}).out;
  std::size_t from = 0;
  for (const std::string text : {"\"Immunotherapy\"", "\"Has your doctor mentioned", "\"What is immunotherapy?\"",
                                 "\"How does it work?\"", "\"Side effects\"", "\"Talk to your care team\"",
                                 "\"Sources and further reading\"", "\"Contact\"",
                                 "\"This leaflet does not replace advice from your care"}) {
    INFO(text);
    const auto found = en.find(text, from);
    CHECK(found != std::string::npos);
    if (found != std::string::npos) from = found;
  }
}

TEST_CASE("pdfinfo shows the structure tree in reading order", "[pdf][tagged]") {
  REQUIRE(tagged_build().result.exit_code == 0);
  const auto en = run_process({"pdfinfo", "-struct-text", tagged_build().pdf("en").string()});
  REQUIRE(en.exit_code == 0);
  CHECK(en.out.rfind("Document\n"
                     "  P (block)\n"
                     "    \"A guide for patients and families\"\n"
                     "  H1 (block)\n"
                     "    \"Immunotherapy\"\n"
                     "  P (block)\n"
                     "    \"How your immune system can fight cancer\"\n"
                     "  P (block)\n"
                     "    \"Has your doctor mentioned immunotherapy, or have you \"\n",
                     0) == 0);
  CHECK(en.out.find("  H2 (block)\n    \"What is immunotherapy?\"\n") != std::string::npos);
  CHECK(en.out.find("  L (block)\n    LI (block)\n      Lbl (block)\n        \"•\"\n      LBody (block)\n"
                    "        \"melanoma, a type of skin cancer\"\n") != std::string::npos);
  CHECK(en.out.find("  BlockQuote\n    P (block)\n      \"At first I couldn’t see how a treatment could "
                    "work \"\n") != std::string::npos);
  CHECK(en.out.find("Link (inline)") != std::string::npos);
  // Reading order: sections come in the order of the leaflet.
  const auto what = en.out.find("\"What is immunotherapy?\"");
  const auto how = en.out.find("\"How does it work?\"");
  const auto effects = en.out.find("\"Side effects\"");
  const auto contact = en.out.find("\"Contact\"");
  CHECK(what < how);
  CHECK(how < effects);
  CHECK(effects < contact);

  const auto fr = run_process({"pdfinfo", "-struct-text", tagged_build().pdf("fr").string()});
  CHECK(fr.out.find("  H1 (block)\n    \"L’immunothérapie\"\n") != std::string::npos);
  CHECK(fr.out.find("  H2 (block)\n    \"Qu’est-ce que l’immunothérapie\u202F?\"\n") != std::string::npos);

  const auto ar = run_process({"pdfinfo", "-struct-text", tagged_build().pdf("ar").string()});
  CHECK(ar.out.rfind("Document\n  P (block)\n", 0) == 0);
  // Right-to-left text is drawn left to right, as readers that apply the bidi algorithm
  // (pdf.js, Acrobat, poppler's pdftotext) expect; pdfinfo -struct-text joins content in
  // drawing order without it, so its lines read back reversed, ligatures (lam-alef) and marks
  // (shadda) whole.
  const std::string reversed = reversed_code_points(ar.out);
  CHECK(reversed.find("\"العلاج المناعي\"    \n)kcolb( 1H  \n") != std::string::npos);
  CHECK(reversed.find("الدليل بكلمات بسيطة ما هو، وكيف يعمل، ولمن يمكن أن يُقترح، وما الآثار الجانبية التي") != std::string::npos);
  CHECK(ar.out.find("    LI (block)\n      Lbl (block)\n") != std::string::npos);
}

TEST_CASE("bookmarks follow the sections, links say where they go", "[pdf][tagged]") {
  REQUIRE(tagged_build().result.exit_code == 0);
  const auto outlines = run_process({"qpdf", "--json=2", "--json-key=outlines", tagged_build().pdf("en").string()});
  REQUIRE(outlines.exit_code == 0);
  std::size_t from = 0;
  for (const std::string title : {"What is immunotherapy?", "How does it work?", "Who can it help?", "Side effects",
                                  "Talk to your care team", "Contact"}) {
    INFO(title);
    const auto at = outlines.out.find("\"title\": \"" + title + "\"", from);
    CHECK(at != std::string::npos);
    from = at == std::string::npos ? from : at;
  }
  CHECK(outlines.out.find("\"title\": \"Immune checkpoint inhibitors\"") != std::string::npos);

  const std::string bytes = file_bytes(tagged_build().pdf("en"));
  CHECK(bytes.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
  CHECK(bytes.find("<rdf:li xml:lang=\"x-default\">Immunotherapy</rdf:li>") != std::string::npos);
}

TEST_CASE("large print sets every piece of content at 16 pt or more, in one column", "[pdf][tagged]") {
  ScratchDir out;
  const auto result = run_process(
      {LEAFPRESS_BINARY, "build", kLeaflet.string(), "--lang", "fr,ar", "--large-print", "--out", out.path().string()},
      kSource.string());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(leafpress::testing::without_notes(result.err).empty());  // nothing overflows at the larger size
  for (const std::string language : {"fr", "ar"}) {
    INFO(language);
    const fs::path large = out.path() / ("immunotherapy." + language + ".large-print.pdf");
    const TagReport report = check_tagged_pdf(large);
    CHECK(report.problems.empty());
    CHECK(report.smallest_tagged_text >= 16);
    const TagReport regular = check_tagged_pdf(out.path() / ("immunotherapy." + language + ".brochure.pdf"));
    CHECK(regular.smallest_tagged_text < 11);  // the same check finds the regular leaflet's small print
    CHECK(std::stoi(pdfinfo(large)["Pages"]) > std::stoi(pdfinfo(out.path() / ("immunotherapy." + language + ".brochure.pdf"))["Pages"]));
  }
  const std::string text = pdftotext(out.path() / "immunotherapy.fr.large-print.pdf");
  CHECK(text.find("\u00AD") == std::string::npos);  // no hyphenated line ends
}

TEST_CASE("a passage in another language carries its /Lang", "[pdf][tagged]") {
  REQUIRE(tagged_build().result.exit_code == 0);
  for (const std::string language : {"fr", "es", "ar"}) {
    INFO(language);
    ScratchDir dir;
    const fs::path expanded = dir.path() / "expanded.pdf";
    REQUIRE(run_process({"qpdf", "--qdf", "--object-streams=disable", tagged_build().pdf(language).string(),
                         expanded.string()})
                .exit_code == 0);
    const std::string bytes = file_bytes(expanded);
    // "chimeric antigen receptor" is written [chimeric antigen receptor]{lang=en} in the strings.
    CHECK(bytes.find(" /Lang (en)>> BDC") != std::string::npos);
    CHECK(bytes.find("/Lang (" + language + ")") != std::string::npos);  // the catalog's
  }
}
