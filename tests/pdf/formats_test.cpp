#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "pdf/pdf_probe.hpp"
#include "pdf/run_leafpress.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

// The tri-fold and the booklet as a print shop and a reader meet them: sheet sizes, what
// lands on which panel or half-sheet, the order pages come in once folded, and overflow.

namespace fs = std::filesystem;
using namespace leafpress::testing;

namespace {

const fs::path kSource = LEAFPRESS_SOURCE_DIR;
const fs::path kLeaflet = kSource / "leaflets" / "immunotherapy";

constexpr double kMm = 72.0 / 25.4;
constexpr double kSheetWidth = 297 * kMm;
constexpr double kSheetHeight = 210 * kMm;
constexpr double kFoldIn = 3 * kMm;  // the shipped leaflet's trifold.fold_in
constexpr double kFullPanel = (kSheetWidth + kFoldIn) / 3;
constexpr double kNarrowPanel = kFullPanel - kFoldIn;

struct FormatsBuild {
  ScratchDir out;
  ProcessResult result;
  FormatsBuild() {
    result = run_leafpress({"build", kLeaflet.string(), "--lang", "en,ar", "--format", "trifold,booklet", "--out",
                            out.path().string()});
  }
  fs::path pdf(const std::string& language, const std::string& format) const {
    return out.path() / ("immunotherapy." + language + "." + format + ".pdf");
  }
};

const FormatsBuild& formats_build() {
  static const FormatsBuild build;
  return build;
}

/// A panel's extent across the sheet side it is printed on.
struct Span {
  double left;
  double right;
  bool holds(const PlacedWord& word) const { return word.x_min >= left && word.x_max <= right; }
};

// Left to right on each side of a left-to-right leaflet.
constexpr Span kFoldInPanel{0, kNarrowPanel};
constexpr Span kBackPanel{kNarrowPanel, kNarrowPanel + kFullPanel};
constexpr Span kCoverPanel{kNarrowPanel + kFullPanel, kSheetWidth};
constexpr Span kInsideLeft{0, kFullPanel};
constexpr Span kInsideMiddle{kFullPanel, 2 * kFullPanel};
constexpr Span kInsideRight{2 * kFullPanel, kSheetWidth};

Span mirrored(const Span& span) { return {kSheetWidth - span.right, kSheetWidth - span.left}; }

/// True when `text` is a word of side `page` within `panel`.
bool placed_in(const std::vector<PlacedWord>& words, int page, const std::string& text, const Span& panel) {
  return std::any_of(words.begin(), words.end(),
                     [&](const PlacedWord& word) { return word.page == page && word.text == text && panel.holds(word); });
}





}  // namespace

TEST_CASE("the tri-fold is one A4 landscape sheet printed on both sides", "[pdf][formats]") {
  const FormatsBuild& build = formats_build();
  INFO(build.result.err);
  REQUIRE(build.result.exit_code == 0);
  for (const char* language : {"en", "ar"}) {
    const auto info = pdfinfo(build.pdf(language, "trifold"));
    CHECK(info.at("Pages") == "2");
    CHECK(info.at("Page size").rfind("841.89 x 595.276 pts", 0) == 0);
  }
}

TEST_CASE("tri-fold panels: cover at the front, the first section inside the cover, sources on the back",
          "[pdf][formats]") {
  const auto words = placed_words(formats_build().pdf("en", "trifold"));
  // Folded, the right panel of the outside is the front; opening it shows the fold-in panel.
  CHECK(placed_in(words, 1, "Immunotherapy", kCoverPanel));
  CHECK(placed_in(words, 1, "Has", kCoverPanel));  // the introduction
  CHECK(placed_in(words, 1, "What", kFoldInPanel));  // the first section
  CHECK_FALSE(placed_in(words, 1, "What", kCoverPanel));
  CHECK(placed_in(words, 1, "Sources", kBackPanel));
  CHECK(placed_in(words, 1, "Contact", kBackPanel));
  // The inside goes on, and its right panel holds the end of the flow.
  CHECK(placed_in(words, 2, "CAR", kInsideLeft));
  CHECK(placed_in(words, 2, "Talk", kInsideRight));
}

TEST_CASE("no word of the tri-fold crosses a fold or comes within 5 mm of one", "[pdf][formats]") {
  for (const char* language : {"en", "ar"}) {
    INFO(language);
    const bool rtl = std::string(language) == "ar";
    const auto words = placed_words(formats_build().pdf(language, "trifold"));
    REQUIRE(words.size() > 500);
    for (const PlacedWord& word : words) {
      const std::vector<Span> panels = word.page == 1 ? std::vector<Span>{kFoldInPanel, kBackPanel, kCoverPanel}
                                                      : std::vector<Span>{kInsideLeft, kInsideMiddle, kInsideRight};
      const bool inside_one = std::any_of(panels.begin(), panels.end(), [&](Span panel) {
        if (rtl) panel = mirrored(panel);
        return Span{panel.left + 5 * kMm, panel.right - 5 * kMm}.holds(word);
      });
      INFO(word.text << " on side " << word.page << " at x " << word.x_min << "–" << word.x_max);
      CHECK(inside_one);
    }
  }
}

TEST_CASE("the Arabic tri-fold folds the other way: its cover is the outside's left panel", "[pdf][formats][rtl]") {
  const fs::path pdf = formats_build().pdf("ar", "trifold");
  // Right-to-left text is drawn in reading order, one word box per letter for pdftotext
  // -bbox; what a panel holds is read by cropping to it instead.
  auto text_in = [&](const Span& panel) {
    return run_process({"pdftotext", "-enc", "UTF-8", "-f", "1", "-l", "1", "-x", std::to_string(int(panel.left) + 1),
                        "-y", "0", "-W", std::to_string(int(panel.right - panel.left) - 2), "-H", "595", pdf.string(),
                        "-"},
                       kSource.string())
        .out;
  };
  const std::string cover = text_in(mirrored(kCoverPanel));
  CHECK(cover.find("دليل للمرضى") != std::string::npos);  // the kicker above the title
  CHECK(cover.find("العلاج المناعي") != std::string::npos);
  CHECK(cover.find("ما هو العلاج المناعي") == std::string::npos);
  CHECK(text_in(mirrored(kFoldInPanel)).find("ما هو العلاج المناعي") != std::string::npos);
  // The back panel: the contact block (the sources join the end of the Arabic inside, whose
  // shorter text they fill).
  CHECK(text_in(mirrored(kBackPanel)).find("للتواصل") != std::string::npos);
}

TEST_CASE("a tri-fold whose text does not fit fails, naming the block and by how much", "[pdf][formats]") {
  ScratchDir dir;
  const fs::path leaflet = dir.path() / "long";
  fs::copy(kLeaflet, leaflet, fs::copy_options::recursive);
  std::string yaml = file_bytes(leaflet / "leaflet.yaml");
  const std::string scale = "text_scale: 0.74";
  REQUIRE(yaml.find(scale) != std::string::npos);
  yaml.replace(yaml.find(scale), scale.size(), "text_scale: 1.1");
  write_file(leaflet / "leaflet.yaml", yaml);
  const fs::path out = dir.path() / "out";
  const auto result = run_leafpress({"build", leaflet.string(), "--lang", "en", "--format", "trifold", "--out",
                                     out.string()});
  CHECK(result.exit_code == 1);
  const std::string message = "error: the tri-fold's panels are full: this block and those after it need ";
  const auto at = result.err.find(message);
  REQUIRE(at != std::string::npos);
  // "long/leaflet.yaml:LINE:COLUMN: error: …": the place is a block of the content list.
  const std::string place = result.err.substr(0, at);
  const auto line_start = place.find("leaflet.yaml:") + 13;
  const int line = std::stoi(place.substr(line_start));
  std::istringstream lines(yaml);
  std::string text;
  for (int i = 0; i < line; ++i) std::getline(lines, text);
  CHECK(text.rfind("  - ", 0) == 0);
  const std::string amount = result.err.substr(at + message.size(), 40);
  CHECK(amount.find(" pt (") != std::string::npos);
  CHECK(amount.find(" mm) more") != std::string::npos);
  CHECK(std::stod(amount) > 0);
  CHECK(names_in(out).empty());
}

TEST_CASE("a tri-fold without headings whose text does not fit fails too, losing nothing silently", "[pdf][formats]") {
  // All of it introduces the leaflet, so all of it is the cover's text: it was set only to a
  // panel's height, and what did not fit was left out of the PDF without a word.
  ScratchDir dir;
  const fs::path leaflet = dir.path() / "cover";
  fs::create_directories(leaflet);
  std::string yaml = "default_language: en\ntitle: t\nformat: trifold\ncontent:\n  - title: t\n";
  for (int i = 0; i < 60; ++i) yaml += "  - paragraph: p\n";
  write_file(leaflet / "leaflet.yaml", yaml);
  std::string paragraph;
  for (int i = 0; i < 8; ++i) paragraph += "Every sentence of this paragraph repeats itself to fill the panels. ";
  write_file(leaflet / "en.yaml", "t: Cover\np: " + paragraph + "\n");
  const fs::path out = dir.path() / "out";
  const auto result = run_leafpress({"build", leaflet.string(), "--out", out.string()});
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("error: the tri-fold's panels are full: this block and those after it need ") != std::string::npos);
  CHECK(names_in(out).empty());
}

namespace {

/// A booklet of paragraphs enough for `paragraphs` / 5 or so A5 pages.
fs::path make_booklet(const ScratchDir& dir, const std::string& name, int paragraphs) {
  const fs::path leaflet = dir.path() / name;
  fs::create_directories(leaflet);
  std::string yaml = "default_language: en\ntitle: t\nformat: booklet\ncontent:\n  - title: t\n";
  std::string strings = "t: Booklet\n";
  for (int i = 0; i < paragraphs; ++i) {
    const std::string key = "p" + std::to_string(i);
    yaml += "  - paragraph: " + key + "\n";
    std::string text;
    for (int repeat = 0; repeat < 3; ++repeat) {
      text += "Paragraph " + std::to_string(i) +
              " tells the reader one more thing about the booklet, so that the pages fill up and every page has "
              "something to show. ";
    }
    strings += key + ": >-\n  " + text + "\n";
  }
  write_file(leaflet / "leaflet.yaml", yaml);
  write_file(leaflet / "en.yaml", strings);
  return leaflet;
}

/// For each printed side, the page numbers its footers show on the left and right half
/// (0 for a blank half), read from the "k / n" footers; `pages` gets n.
std::vector<std::pair<int, int>> halves_of(const fs::path& pdf, int& pages) {
  const auto words = placed_words(pdf);
  std::map<int, std::pair<int, int>> sides;
  for (std::size_t i = 1; i + 1 < words.size(); ++i) {
    if (words[i].text != "/" || words[i - 1].page != words[i].page) continue;
    const int number = std::stoi(words[i - 1].text);
    pages = std::stoi(words[i + 1].text);
    auto& side = sides[words[i].page];
    (words[i].x_min < kSheetWidth / 2 ? side.first : side.second) = number;
  }
  const int count = std::stoi(pdfinfo(pdf).at("Pages"));
  std::vector<std::pair<int, int>> halves;
  for (int side = 1; side <= count; ++side) halves.push_back(sides[side]);
  return halves;
}

}  // namespace

TEST_CASE("a booklet's A5 pages are imposed in saddle-stitch order on A4 landscape sheets", "[pdf][formats]") {
  ScratchDir dir;
  // Folded and nested, sheet 1 carries 8|1 and 2|7, sheet 2 6|3 and 4|5 (0: a blank page).
  const std::map<int, std::vector<std::pair<int, int>>> expected = {
      {8, {{8, 1}, {2, 7}, {6, 3}, {4, 5}}},
      {12, {{12, 1}, {2, 11}, {10, 3}, {4, 9}, {8, 5}, {6, 7}}},
  };
  for (const auto& [sheets_pages, paragraphs] : std::map<int, int>{{8, 34}, {12, 56}}) {
    INFO(sheets_pages << " pages");
    const fs::path leaflet = make_booklet(dir, "b" + std::to_string(sheets_pages), paragraphs);
    const auto result = run_leafpress({"build", leaflet.string(), "--out", (dir.path() / "out").string()});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const fs::path pdf = dir.path() / "out" / (leaflet.filename().string() + ".en.booklet.pdf");
    CHECK(pdfinfo(pdf).at("Page size").rfind("841.89 x 595.276 pts", 0) == 0);
    int pages = 0;
    const auto halves = halves_of(pdf, pages);
    CHECK(pages == sheets_pages);
    int last_numbered = 0;
    for (const auto& [left, right] : halves) last_numbered = std::max({last_numbered, left, right});
    // The text fills more than the booklet one size smaller: blank pages make up the rest,
    // before the back cover. Neither cover nor a blank page shows a number.
    REQUIRE(last_numbered > sheets_pages - 5);
    std::vector<std::pair<int, int>> wanted = expected.at(sheets_pages);
    for (auto& [left, right] : wanted) {
      for (int* number : {&left, &right}) {
        if (*number == 1 || *number == sheets_pages || *number > last_numbered) *number = 0;
      }
    }
    CHECK(halves == wanted);
  }
}

TEST_CASE("page numbers and page labels use the language's own digits", "[pdf][formats][rtl]") {
  const FormatsBuild& build = formats_build();
  const std::string booklet_text = pdftotext(build.pdf("ar", "booklet"));
  CHECK(booklet_text.find("١") != std::string::npos);  // "١ / ٨" in the footer
  CHECK(booklet_text.find("1 / ") == std::string::npos);
  const std::string labels =
      run_process({"qpdf", "--json", "--json-key=pagelabels", build.pdf("ar", "booklet").string()}, kSource.string())
          .out;
  // The first sheet side carries the last page and the first (right to left: first on the left).
  CHECK(labels.find("\"/P\": \"u:١·") != std::string::npos);
  const std::string en_labels =
      run_process({"qpdf", "--json", "--json-key=pagelabels", build.pdf("en", "booklet").string()}, kSource.string())
          .out;
  CHECK(en_labels.find("\"/P\": \"u:8·1\"") != std::string::npos);
}

TEST_CASE("the --format option chooses the formats, and an unknown one is a usage error", "[cli][formats]") {
  ScratchDir out;
  const auto result = run_leafpress({"build", kLeaflet.string(), "--lang", "fr", "--format", "trifold", "--out",
                                     out.path().string()});
  REQUIRE(result.exit_code == 0);
  CHECK(names_in(out.path()) == std::vector<std::string>{"immunotherapy.fr.trifold.pdf"});
  const auto wrong = run_leafpress({"build", kLeaflet.string(), "--format", "banner"});
  CHECK(wrong.exit_code == 2);
  CHECK(wrong.err.find("--format takes brochure, trifold, booklet, poster or flyer, got 'banner'") != std::string::npos);
}

namespace {

/// The letters and digits of every structure element's text, in the order the structure
/// tree gives them (pdfinfo -struct-text): what a screen reader reads, less its spacing.
std::string structure_letters(const fs::path& pdf) {
  const auto tree = run_process({"pdfinfo", "-struct-text", pdf.string()});
  REQUIRE(tree.exit_code == 0);
  std::string text;
  std::istringstream lines(tree.out);
  for (std::string line; std::getline(lines, line);) {
    const auto open = line.find('"');
    if (open != std::string::npos && line.size() > open + 1) text += line.substr(open + 1, line.size() - open - 2);
  }
  return letters_and_digits(text);
}

}  // namespace

TEST_CASE("a booklet's structure reads its pages in order, not in the order its sheets are printed",
          "[pdf][formats][tagged]") {
  ScratchDir out;
  const auto result = run_leafpress({"build", kLeaflet.string(), "--lang", "fr,es,en", "--format", "brochure,booklet",
                                     "--out", out.path().string()});
  REQUIRE(result.exit_code == 0);
  for (const std::string language : {"fr", "es", "en"}) {
    INFO(language);
    const auto pdf = [&](const std::string& format) {
      return out.path() / ("immunotherapy." + language + "." + format + ".pdf");
    };
    const std::string brochure = structure_letters(pdf("brochure"));
    REQUIRE(brochure.size() > 3000);
    // Same blocks, other pages: the same letters in the same order.
    CHECK(structure_letters(pdf("booklet")) == brochure);
  }
  // Bookmarks of an imposed sheet lead to the half the heading is on.
  const auto outlines = run_process({"qpdf", "--json=2", "--json-key=outlines", (out.path() / "immunotherapy.en.booklet.pdf").string()});
  REQUIRE(outlines.exit_code == 0);
  const auto json = nlohmann::json::parse(outlines.out);
  bool right_half = false;
  for (const auto& outline : json.at("outlines")) {
    const auto& dest = outline.at("dest");
    REQUIRE(dest.size() == 5);
    REQUIRE(dest[2].is_number());  // the left edge of the half, not null
    right_half = right_half || dest[2].get<double>() > 400;
  }
  CHECK(right_half);
}
