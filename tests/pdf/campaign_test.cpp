#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "pdf/pdf_probe.hpp"
#include "pdf/tag_checker.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

// Page sizes, posters, flyers, logos and tables (issue 17), read back by poppler (pdfinfo,
// pdftotext, pdfimages, pdfinfo -struct), qpdf and mupdf, and the tag checker.

namespace fs = std::filesystem;
using namespace leafpress::testing;

namespace {

const fs::path kSource = LEAFPRESS_SOURCE_DIR;
const fs::path kCampaign = kSource / "leaflets" / "world-cancer-day";
const std::vector<std::string> kLanguages = {"fr", "en", "es", "ar"};

/// One build of the shipped World Cancer Day leaflet, shared by the tests.
struct CampaignBuild {
  ScratchDir out;
  ProcessResult result;
  CampaignBuild() {
    result = run_process({LEAFPRESS_BINARY, "build", kCampaign.string(), "--out", out.path().string()},
                         kSource.string(), {"SOURCE_DATE_EPOCH=1700000000"});
  }
  fs::path pdf(const std::string& language, const std::string& format) const {
    return variant_pdf("paris", language, format);
  }
  fs::path variant_pdf(const std::string& variant, const std::string& language, const std::string& format) const {
    return out.path() / ("world-cancer-day." + variant + "." + language + "." + format + ".pdf");
  }
};

const CampaignBuild& campaign() {
  static const CampaignBuild build;
  return build;
}

/// pdfinfo's "Page size" of page 1 as width and height in points.
std::pair<double, double> page_size(const fs::path& pdf) {
  const std::string size = pdfinfo(pdf).at("Page size");  // "841.89 x 1190.55 pts (A3)"
  std::istringstream in(size);
  double width = 0;
  double height = 0;
  std::string x;
  in >> width >> x >> height;
  return {width, height};
}

bool near(double a, double b) { return std::abs(a - b) < 0.1; }

/// A leaflet folder with `yaml` as leaflet.yaml and `strings` as en.yaml.
fs::path write_leaflet(const ScratchDir& dir, const std::string& yaml, const std::string& strings) {
  const fs::path folder = dir.path() / "x";
  fs::create_directories(folder / "images");
  write_file(folder / "leaflet.yaml", yaml);
  write_file(folder / "en.yaml", strings);
  fs::copy_file(kCampaign / "images" / "logo.png", folder / "images" / "logo.png");
  return folder;
}

const std::string kStrings =
    "t: A title\n"
    "p: >-\n  Immunotherapy helps your immune system find and destroy cancer cells. Some medicines take off the "
    "brakes that cancer cells put on the white blood cells. The treatment is often given as a drip every two to six "
    "weeks, at the hospital, and you go home the same day.\n"
    "logo: The hospital's logo\n";

ProcessResult build(const fs::path& folder, const fs::path& out, std::vector<std::string> more = {}) {
  std::vector<std::string> argv{LEAFPRESS_BINARY, "build", folder.string(), "--out", out.string()};
  argv.insert(argv.end(), more.begin(), more.end());
  return run_process(argv, kSource.string());
}

}  // namespace

TEST_CASE("the World Cancer Day leaflet is a one-page A3 poster and a two-sided A5 flyer in four languages",
          "[pdf][campaign]") {
  const auto& built = campaign();
  INFO(built.result.err);
  REQUIRE(built.result.exit_code == 0);
  CHECK(leafpress::testing::without_notes(built.result.err).empty());
  std::vector<std::string> expected;
  for (const std::string variant : {"montreuil", "paris", "vincennes"}) {
    for (const auto& language : kLanguages) {
      for (const std::string format : {"flyer", "poster"}) {
        expected.push_back("world-cancer-day." + variant + "." + language + "." + format + ".pdf");
      }
    }
  }
  std::sort(expected.begin(), expected.end());
  CHECK(names_in(built.out.path()) == expected);
  for (const auto& language : kLanguages) {
    INFO(language);
    const auto poster = page_size(built.pdf(language, "poster"));
    CHECK(near(poster.first, 841.89));  // 297 x 420 mm
    CHECK(near(poster.second, 1190.55));
    CHECK(pdfinfo(built.pdf(language, "poster")).at("Pages") == "1");
    const auto flyer = page_size(built.pdf(language, "flyer"));
    CHECK(near(flyer.first, 419.53));  // 148 x 210 mm
    CHECK(near(flyer.second, 595.28));
    CHECK(pdfinfo(built.pdf(language, "flyer")).at("Pages") == "2");
    for (const std::string format : {"poster", "flyer"}) {
      CHECK(run_process({"qpdf", "--check", built.pdf(language, format).string()}).exit_code == 0);
      const auto mutool = run_process({"mutool", "draw", "-q", "-o", "/dev/null", built.pdf(language, format).string()});
      CHECK(mutool.exit_code == 0);
      CHECK(mutool.err.find("error") == std::string::npos);
    }
  }
}

TEST_CASE("each site of hospitals.csv gets its own poster and flyer, with its contact details", "[pdf][campaign]") {
  const auto& built = campaign();
  REQUIRE(built.result.exit_code == 0);
  struct Site {
    std::string variant, name, phone, mail;
  };
  const Site sites[] = {{"paris", "Paris 20e", "01 23 45 67 89", "oncologie@tilleuls.example"},
                        {"montreuil", "Montreuil", "01 48 70 12 34", "oncologie.montreuil@tilleuls.example"},
                        {"vincennes", "Vincennes", "01 43 98 56 78", "oncologie.vincennes@tilleuls.example"}};
  for (const Site& site : sites) {
    for (const std::string format : {"poster", "flyer"}) {
      INFO(site.variant << " " << format);
      // The telephone number's spaces are no-break spaces: read them as spaces.
      std::string text = pdftotext(built.variant_pdf(site.variant, "fr", format));
      for (std::size_t at = text.find("\u00A0"); at != std::string::npos; at = text.find("\u00A0", at)) {
        text.replace(at, 2, " ");
      }
      CHECK(text.find("Hôpital des Tilleuls (" + site.name + ")") != std::string::npos);
      CHECK(text.find(site.phone) != std::string::npos);
      CHECK(text.find(site.mail) != std::string::npos);
      for (const Site& other : sites) {
        if (other.variant != site.variant) CHECK(text.find(other.phone) == std::string::npos);
      }
      // Every language names the site, in its own words around it.
      CHECK(pdftotext(built.variant_pdf(site.variant, "en", format)).find(site.mail) != std::string::npos);
    }
  }
}

TEST_CASE("poster and flyer pass the tag checker: the logo is the first Figure, read as its alt text",
          "[pdf][campaign][tagged]") {
  const auto& built = campaign();
  REQUIRE(built.result.exit_code == 0);
  const std::map<std::string, std::string> logo_alts{{"fr", "Logo de l’Hôpital des Tilleuls"},
                                                     {"en", "Hôpital des Tilleuls logo"},
                                                     {"es", "Logotipo del Hôpital des Tilleuls"},
                                                     {"ar", "شعار مستشفى دي تيوي (Hôpital des Tilleuls)"}};
  for (const auto& language : kLanguages) {
    for (const std::string format : {"poster", "flyer"}) {
      INFO(language << " " << format);
      const TagReport report = check_tagged_pdf(built.pdf(language, format));
      for (const auto& problem : report.problems) UNSCOPED_INFO(problem);
      CHECK(report.problems.empty());
      // The logo, the picture and the QR code.
      REQUIRE(report.figure_alts.size() == 3);
      CHECK(report.figure_alts.front() == logo_alts.at(language));
      CHECK(report.links >= 1);  // the QR code
      CHECK(report.elements > 25);
    }
  }
}

TEST_CASE("the poster reads headline, picture, key figures, text, QR code and contact in that order",
          "[pdf][campaign]") {
  const auto& built = campaign();
  REQUIRE(built.result.exit_code == 0);
  // pdftotext reads the page as it is laid out: the key figures beside the picture come
  // before its caption, under it; the structure tree (pdfinfo -struct-text) reads the
  // picture first.
  const std::vector<std::tuple<std::string, std::vector<std::string>, std::string>> order{
      {"fr", {"Journée mondiale", "380 000", "De quoi s’agit-il", "Questions à poser", "En savoir plus", "Bâtiment B"},
       "Libérées de leurs freins"},
      {"en", {"World Cancer Day", "380,000", "What is it", "Questions to ask", "Find out more", "Building B"},
       "Freed from their brakes"},
      {"es", {"Día Mundial", "380 000", "De qué se trata", "Preguntas para", "Más información", "Edificio B"},
       "Liberadas de sus frenos"}};
  for (const auto& [language, pieces, caption] : order) {
    INFO(language);
    const fs::path poster = built.pdf(language, "poster");
    const auto in_order = [&](const std::string& raw, const std::vector<std::string>& wanted) {
      const std::string text = letters_and_digits(raw);
      std::size_t at = 0;
      for (const auto& piece : wanted) {
        const std::size_t found = text.find(letters_and_digits(piece), at);
        if (found == std::string::npos) return false;
        at = found;
      }
      return true;
    };
    CHECK(in_order(pdftotext(poster), pieces));
    std::vector<std::string> structure = pieces;
    structure.insert(structure.begin() + 1, caption);
    CHECK(in_order(run_process({"pdfinfo", "-struct-text", poster.string()}).out, structure));
  }
}

TEST_CASE("page: size: names ISO, US and custom sizes, portrait or landscape; a poster grows to A2 and A1",
          "[pdf][campaign][formats]") {
  const std::vector<std::tuple<std::string, std::string, double, double>> cases{
      {"page:\n  size: A4 landscape\n", "brochure", 841.89, 595.28},
      {"page:\n  size: US Letter\n", "brochure", 612, 792},
      {"page:\n  size: B5\n", "brochure", 498.90, 708.66},
      {"page:\n  size: 100 x 210 mm\n  margins: {top: 15mm, bottom: 15mm, inside: 12mm, outside: 12mm}\n", "brochure",
       283.46, 595.28},
      {"poster:\n  size: A2\n", "poster", 1190.55, 1683.78},
      {"poster:\n  size: A1\n", "poster", 1683.78, 2383.94},
      {"flyer:\n  size: DL\n  sides: 1\n", "flyer", 280.63, 595.28},
  };
  for (const auto& [setup, format, width, height] : cases) {
    INFO(setup);
    ScratchDir dir;
    const fs::path folder = write_leaflet(
        dir, "default_language: en\ntitle: t\nformat: " + format + "\n" + setup + "content:\n  - title: t\n  - paragraph: p\n",
        kStrings);
    const auto result = build(folder, dir.path() / "out");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const fs::path pdf = dir.path() / "out" / ("x.en." + format + ".pdf");
    const auto size = page_size(pdf);
    CHECK(near(size.first, width));
    CHECK(near(size.second, height));
    CHECK(check_tagged_pdf(pdf).problems.empty());
  }
}

TEST_CASE("three columns on an A4 page start where the frame splits in three", "[pdf][campaign][formats]") {
  ScratchDir dir;
  std::string content = "content:\n";
  for (int i = 0; i < 12; ++i) content += "  - paragraph: p\n";
  const fs::path folder = write_leaflet(dir, "default_language: en\ntitle: t\npage:\n  columns: 3\n" + content, kStrings);
  const auto result = build(folder, dir.path() / "out");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  // Default margins 57 pt each side, 18 pt gutters: columns of 148.4 pt at 57, 223.4, 389.9.
  std::set<int> starts;
  for (const PlacedWord& word : placed_words(dir.path() / "out" / "x.en.brochure.pdf")) {
    if (word.page == 1 && word.y_min < 700) starts.insert(static_cast<int>(std::lround(word.x_min)));
  }
  for (const int column : {57, 223, 390}) {
    INFO(column);
    CHECK((starts.count(column) || starts.count(column - 1) || starts.count(column + 1)));
  }
  CHECK(std::none_of(starts.begin(), starts.end(), [](int x) { return x > 205 && x < 222; }));  // the gutter
}

TEST_CASE("columns, sizes, sides and logos that cannot work are errors at their place", "[pdf][campaign][formats]") {
  ScratchDir dir;
  const std::string head = "default_language: en\ntitle: t\n";
  const std::string content = "content:\n  - paragraph: p\n";
  const std::vector<std::pair<std::string, std::string>> cases{
      {"page:\n  size: A4\n  columns: 3\n  margins: {inside: 50mm, outside: 50mm}\n",
       "x/leaflet.yaml:5:12: error: 3 columns would be 32 mm wide on the A4 page; a column needs at least 40 mm"},
      {"page:\n  size: A11\n", "x/leaflet.yaml:4:9: error: unknown page size 'A11'"},
      {"flyer:\n  size: DL\n  sides: 3\n", "x/leaflet.yaml:5:10: error: expected a whole number from 1 to 2 for 'sides', got '3'"},
      {"poster:\n  size: A5\n", "x/leaflet.yaml:4:9: error: a poster of A5 is smaller than A4"},
      {"theme:\n  logo: images/logo.svg\n", "x/leaflet.yaml:4:9: error: logo 'images/logo.svg' is a vector file; leafpress "
                                           "places PNG and JPEG logos"},
      {"page:\n  sise: A4\n", "x/leaflet.yaml:4:3: error: unknown key 'sise' in 'page'"},
  };
  for (const auto& [setup, message] : cases) {
    INFO(setup);
    ScratchDir one;
    const fs::path folder = write_leaflet(one, head + setup + content, kStrings);
    const auto result = run_process({LEAFPRESS_BINARY, "check", "x"}, one.path().string());
    CHECK(result.exit_code == 1);
    CHECK(result.err.find(message) != std::string::npos);
  }
}

TEST_CASE("a flyer whose text needs more sides than it has names the block that does not fit", "[pdf][campaign][formats]") {
  ScratchDir dir;
  std::string content = "content:\n  - title: t\n";
  for (int i = 0; i < 14; ++i) content += "  - paragraph: p\n";
  const fs::path folder =
      write_leaflet(dir, "default_language: en\ntitle: t\nformat: flyer\nflyer:\n  size: DL\n  sides: 1\n" + content, kStrings);
  const auto result = build(folder, dir.path() / "out");
  CHECK(result.exit_code == 1);
  CHECK(result.err.find(": error: the flyer has 1 side: this block does not fit on it\n") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / "out" / "x.en.flyer.pdf"));
}

TEST_CASE("a logo on every page: a Figure on the cover, an artifact in the top margin of the others",
          "[pdf][campaign][tagged]") {
  ScratchDir dir;
  std::string content = "content:\n  - title: t\n";
  for (int i = 0; i < 14; ++i) content += "  - paragraph: p\n";
  const fs::path folder = write_leaflet(
      dir,
      "default_language: en\ntitle: t\ntheme:\n  logo:\n    file: images/logo.png\n    alt: logo\n    every_page: true\n" +
          content,
      kStrings);
  const auto result = build(folder, dir.path() / "out");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const fs::path pdf = dir.path() / "out" / "x.en.brochure.pdf";
  const int pages = std::stoi(pdfinfo(pdf).at("Pages"));
  REQUIRE(pages >= 2);
  // pdfimages lists one use of the picture per page.
  const auto images = run_process({"pdfimages", "-list", pdf.string()});
  std::set<int> pages_with_logo;
  std::istringstream lines(images.out);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream row(line);
    int page = 0;
    std::string number;
    std::string type;
    if (row >> page >> number >> type && type == "image") pages_with_logo.insert(page);
  }
  CHECK(static_cast<int>(pages_with_logo.size()) == pages);
  const TagReport report = check_tagged_pdf(pdf);
  for (const auto& problem : report.problems) UNSCOPED_INFO(problem);
  CHECK(report.problems.empty());
  CHECK(report.figure_alts == std::vector<std::string>{"The hospital’s logo"});  // typography: ’
}

TEST_CASE("the side-effects table is tagged Table, TR, TH with its scope and TD, its header read once",
          "[pdf][campaign][tagged][table]") {
  ScratchDir out;
  const auto result = run_process({LEAFPRESS_BINARY, "build", (kSource / "leaflets" / "immunotherapy").string(), "--lang",
                                   "en,ar", "--format", "brochure", "--out", out.path().string()},
                                  kSource.string());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  for (const std::string language : {"en", "ar"}) {
    INFO(language);
    const fs::path pdf = out.path() / ("immunotherapy." + language + ".brochure.pdf");
    const std::string tree = run_process({"pdfinfo", "-struct", pdf.string()}).out;
    const std::size_t table = tree.find("Table (block)\n");
    REQUIRE(table != std::string::npos);
    const std::string part = tree.substr(table, tree.find("\n  Sect", table) - table);
    const auto count = [&](const std::string& what) {
      std::size_t n = 0;
      for (std::size_t at = part.find(what); at != std::string::npos; at = part.find(what, at + 1)) ++n;
      return n;
    };
    CHECK(count("\n    Caption") == 1);
    CHECK(count("\n    TR") == 6);  // the header row and five rows
    CHECK(count("/Scope /Column") == 3);
    CHECK(count("/Scope /Row") == 5);
    CHECK(count("\n      TD") == 10);
    CHECK(check_tagged_pdf(pdf).problems.empty());
  }
  // A table that runs onto the next page goes on under its header again: the header row is
  // drawn twice (pdftotext) but tagged once, the repeat an artifact the tag checker accepts.
  ScratchDir dir;
  std::string rows;
  std::string strings = kStrings + "c: Forty rows\nh1: Heading one\nh2: Heading two\n";
  for (int i = 0; i < 40; ++i) {
    const std::string n = std::to_string(i);
    rows += "      - [a" + n + ", b" + n + "]\n";
    strings += "a" + n + ": Row " + n + "\nb" + n + ": What to do in case " + n + ", said in a few words\n";
  }
  const fs::path folder = write_leaflet(
      dir, "default_language: en\ntitle: t\ncontent:\n  - paragraph: p\n  - table: c\n    header: [h1, h2]\n    rows:\n" + rows,
      strings);
  const auto long_table = build(folder, dir.path() / "out");
  INFO(long_table.err);
  REQUIRE(long_table.exit_code == 0);
  const fs::path pdf = dir.path() / "out" / "x.en.brochure.pdf";
  const std::string shown = pdftotext(pdf);
  std::size_t drawn = 0;
  for (std::size_t at = shown.find("Heading one"); at != std::string::npos; at = shown.find("Heading one", at + 1)) ++drawn;
  CHECK(drawn == 2);
  const std::string tree = run_process({"pdfinfo", "-struct", pdf.string()}).out;
  std::size_t headers = 0;
  for (std::size_t at = tree.find("/Scope /Column"); at != std::string::npos; at = tree.find("/Scope /Column", at + 1)) {
    ++headers;
  }
  CHECK(headers == 2);
  CHECK(check_tagged_pdf(pdf).problems.empty());
}
