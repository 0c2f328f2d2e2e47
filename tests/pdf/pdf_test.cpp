#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "pdf/pdf_probe.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

// The shipped leaflets, built once by the real binary, as PDF clients see them.

namespace fs = std::filesystem;
using namespace leafpress::testing;

namespace {

const fs::path kSource = LEAFPRESS_SOURCE_DIR;
const fs::path kLeaflet = kSource / "leaflets" / "immunotherapy";

struct Build {
  ScratchDir out;
  ProcessResult result;

  Build() {
    result = run_process({LEAFPRESS_BINARY, "build", kLeaflet.string(), "--out", out.path().string()},
                         kSource.string(), {"SOURCE_DATE_EPOCH=1700000000"});
  }
};

const Build& shipped_build() {
  static const Build build;
  return build;
}

std::vector<std::string> languages() { return declared_languages(kLeaflet / "leaflet.yaml"); }

fs::path pdf_for(const std::string& language) {
  return shipped_build().out.path() / ("immunotherapy." + language + ".brochure.pdf");
}

// Phrases of the source, in the order the leaflet gives them, compared letters and digits
// only so that line breaks, hyphenation and typographic spaces do not matter. They include
// ligature words ("specific", "offered", "inflammation") whose letters must all come back.
const std::map<std::string, std::vector<std::string>> kPhrasesInOrder = {
    {"fr",
     {"Guide pour les patients et leurs proches", "L'immunothérapie",
      "Comment votre système immunitaire peut combattre le cancer", "Qu'est-ce que l'immunothérapie",
      "les lymphocytes T jouent un rôle central", "Les inhibiteurs de points de contrôle",
      "la protéine CTLA-4 et la protéine PD-1", "d'anti-CTLA-4, d'anti-PD-1 ou d'anti-PD-L1",
      "Les cellules CAR-T", "récepteur antigénique chimérique", "380 000", "17–20 %",
      "Fondation ARC pour la recherche sur le cancer", "Inserm"}},
    {"es",
     {"Una guía para pacientes y familiares", "La inmunoterapia", "Qué es la inmunoterapia",
      "los linfocitos T tienen un papel central", "las proteínas CTLA-4 y PD-1", "anti-CTLA-4, anti-PD-1 o anti-PD-L1",
      "Las células CAR-T", "receptor quimérico de antígeno", "380 000", "17–20 %", "inflamación",
      "Fondation ARC pour la recherche sur le cancer", "Inserm"}},
    {"en",
     {"A guide for patients and families", "Immunotherapy", "How your immune system can fight cancer",
      "who it may be offered to", "What is immunotherapy", "T-cells", "CTLA-4", "PD-1", "PD-L1",
      "very specific target", "CAR T-cells", "chimeric antigen receptor", "380,000", "17–20%", "inflammation",
      "Fondation ARC pour la recherche sur le cancer", "Inserm"}},
};

/// "ABCDEF+NotoSerif-Regular": six capitals, a plus, the PostScript name (§9.6.4).
bool is_subset_name(const std::string& name) {
  if (name.size() < 8 || name[6] != '+') return false;
  return std::all_of(name.begin(), name.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string first_missing_in_order(const std::string& haystack, const std::vector<std::string>& phrases) {
  std::size_t from = 0;
  for (const std::string& phrase : phrases) {
    const auto at = haystack.find(letters_and_digits(phrase), from);
    if (at == std::string::npos) return phrase;
    from = at + 1;
  }
  return {};
}

}  // namespace

TEST_CASE("building the shipped leaflet writes one PDF per language and format and nothing else", "[pdf]") {
  const Build& build = shipped_build();
  INFO(build.result.err);
  REQUIRE(build.result.exit_code == 0);
  std::vector<std::string> expected;
  for (const auto& language : languages()) {
    for (const char* format : {"brochure", "trifold", "booklet"}) {
      expected.push_back("immunotherapy." + language + "." + format + ".pdf");
    }
  }
  std::vector<std::string> written;
  for (const auto& entry : fs::directory_iterator(build.out.path())) written.push_back(entry.path().filename());
  std::sort(expected.begin(), expected.end());
  std::sort(written.begin(), written.end());
  CHECK(written == expected);
  CHECK(languages().size() >= 2);
}

TEST_CASE("qpdf and mupdf find no errors", "[pdf]") {
  REQUIRE(shipped_build().result.exit_code == 0);
  for (const auto& language : languages()) {
    INFO(language);
    const ProcessResult qpdf = run_process({"qpdf", "--check", pdf_for(language).string()});
    CHECK(qpdf.exit_code == 0);
    CHECK(qpdf.out.find("No syntax or stream encoding errors found") != std::string::npos);
    CHECK(qpdf.err.empty());

    const ProcessResult mutool = run_process({"mutool", "draw", "-q", "-o", "/dev/null", pdf_for(language).string()});
    CHECK(mutool.exit_code == 0);
    // mupdf as Debian builds it has no colour management and says so on every file.
    std::string complaints = mutool.err;
    const std::string no_icc = "warning: ICC support is not available\n";
    if (const auto at = complaints.find(no_icc); at != std::string::npos) complaints.erase(at, no_icc.size());
    CHECK(complaints.empty());
  }
}

TEST_CASE("every font is an embedded, subset Type0 font with a ToUnicode map", "[pdf]") {
  REQUIRE(shipped_build().result.exit_code == 0);
  for (const auto& language : languages()) {
    INFO(language);
    const auto fonts = pdffonts(pdf_for(language));
    REQUIRE(fonts.size() >= 2);
    bool serif = false;
    bool sans = false;
    for (const FontRow& font : fonts) {
      INFO(font.name);
      CHECK(is_subset_name(font.name));
      CHECK((font.type == "CID TrueType" || font.type == "CID Type 0C"));
      CHECK(font.encoding == "Identity-H");
      CHECK(font.embedded);
      CHECK(font.subset);
      CHECK(font.unicode);
      serif = serif || font.name.find("+NotoSerif") != std::string::npos;
      sans = sans || font.name.find("+NotoSans") != std::string::npos;
    }
    CHECK(serif);
    CHECK(sans);
  }
}

TEST_CASE("dictionaries are packed in object streams, found through a cross-reference stream", "[pdf]") {
  REQUIRE(shipped_build().result.exit_code == 0);
  for (const auto& language : languages()) {
    INFO(language);
    const std::string bytes = file_bytes(pdf_for(language));
    // ISO 32000-1 §7.5.7, §7.5.8: no plain cross-reference table, no trailer dictionary.
    CHECK(bytes.find("/Type /ObjStm") != std::string::npos);
    CHECK(bytes.find("/Type /XRef") != std::string::npos);
    CHECK(bytes.find("\nxref\n") == std::string::npos);
    CHECK(bytes.find("\ntrailer") == std::string::npos);
    // Pages and the structure tree are only in object streams; the XMP stays readable as it is.
    CHECK(bytes.find("/Type /Page") == std::string::npos);
    CHECK(bytes.find("/StructTreeRoot") == std::string::npos);
    CHECK(bytes.find("<x:xmpmeta") != std::string::npos);
    // qpdf reads every object back: the catalog's tree, the pages, their annotations.
    const std::string unpacked = unpacked_pdf_bytes(pdf_for(language));
    CHECK(unpacked.find("/Type /StructTreeRoot") != std::string::npos);
    CHECK(unpacked.find("/Type /Page ") != std::string::npos);
    CHECK(unpacked.find("/Subtype /Link") != std::string::npos);
    // The packed file is smaller than the same objects unpacked.
    CHECK(bytes.size() * 5 < unpacked.size() * 4);
  }
}

TEST_CASE("pages are A4 portrait and the metadata names the leaflet", "[pdf]") {
  REQUIRE(shipped_build().result.exit_code == 0);
  const std::map<std::string, std::string> titles = {
      {"fr", "immunothérapie"}, {"en", "Immunotherapy"}, {"es", "inmunoterapia"}, {"ar", "العلاج المناعي"}};
  for (const auto& language : languages()) {
    INFO(language);
    auto info = pdfinfo(pdf_for(language));
    CHECK(info["Page size"] == "595.276 x 841.89 pts (A4)");
    CHECK(std::stoi(info["Pages"]) >= 2);
    CHECK(info["PDF version"] == "1.7");
    CHECK(info["Producer"].rfind("leafpress ", 0) == 0);
    CHECK(info["CreationDate"].find("2023") != std::string::npos);  // from SOURCE_DATE_EPOCH
    if (titles.count(language)) CHECK(info["Title"].find(titles.at(language)) != std::string::npos);
    CHECK_FALSE(info["Title"].empty());
  }
}

TEST_CASE("pdftotext gives the source text back in reading order", "[pdf]") {
  REQUIRE(shipped_build().result.exit_code == 0);
  for (const auto& [language, phrases] : kPhrasesInOrder) {
    INFO(language);
    const std::string text = pdftotext(pdf_for(language));
    CHECK(first_missing_in_order(letters_and_digits(text), phrases) == "");
    // Characters a naive font path loses: accents, dashes, typographic quotes, ligatures.
    CHECK(text.find("–") != std::string::npos);
    CHECK(text.find("fi") != std::string::npos);
    if (language == "fr") {
      CHECK(text.find("«") != std::string::npos);
      CHECK(text.find("»") != std::string::npos);
      CHECK(text.find("réinjectées") != std::string::npos);
    }
  }
}

TEST_CASE("a rendered first page shows text and the coloured title band", "[pdf]") {
  REQUIRE(shipped_build().result.exit_code == 0);
  for (const auto& language : languages()) {
    INFO(language);
    const GrayImage page = render_page(pdf_for(language), 1, 40);
    CHECK(page.width == 331);  // 595.276 pt at 40 dpi
    CHECK(page.height == 468);
    CHECK(page.dark_fraction(0, page.height) > 0.01);
    CHECK(page.dark_fraction(0, page.height / 5) > 0.01);  // the title block at the top
  }
}

TEST_CASE("two builds from different folders are byte-identical and hold no path", "[pdf][determinism]") {
  ScratchDir first, second;
  for (const ScratchDir* dir : {&first, &second}) {
    fs::copy(kLeaflet, dir->path() / "immunotherapy", fs::copy_options::recursive);
    const ProcessResult result =
        run_process({LEAFPRESS_BINARY, "build", (dir->path() / "immunotherapy").string(), "--out",
                     (dir->path() / "out").string()},
                    kSource.string(), {"SOURCE_DATE_EPOCH=1700000000"});
    REQUIRE(result.exit_code == 0);
  }
  for (const auto& language : languages()) {
    INFO(language);
    const std::string name = "immunotherapy." + language + ".brochure.pdf";
    const std::string bytes = file_bytes(first.path() / "out" / name);
    CHECK(bytes == file_bytes(second.path() / "out" / name));
    CHECK(bytes == file_bytes(pdf_for(language)));
    CHECK(bytes.find(first.path().string()) == std::string::npos);
    CHECK(bytes.find(kSource.string()) == std::string::npos);
  }
}

TEST_CASE("without SOURCE_DATE_EPOCH no date is written at all", "[pdf][determinism]") {
  ScratchDir out;
  const ProcessResult result =
      run_process({LEAFPRESS_BINARY, "build", kLeaflet.string(), "--lang", "en", "--out", out.path().string()},
                  kSource.string(), {"SOURCE_DATE_EPOCH="});
  REQUIRE(result.exit_code == 0);
  const std::string bytes = unpacked_pdf_bytes(out.path() / "immunotherapy.en.brochure.pdf");
  REQUIRE(bytes.find("/Producer") != std::string::npos);  // the Info dictionary is there to read
  CHECK(bytes.find("/CreationDate") == std::string::npos);
  CHECK(bytes.find("/ModDate") == std::string::npos);
}
