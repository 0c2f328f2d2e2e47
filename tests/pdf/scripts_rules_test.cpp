#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "pdf/link_rects.hpp"
#include "pdf/pdf_probe.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

// The rules of each writing system, on the page (issue 13): telephone numbers, URLs and
// e-mail addresses read left to right and whole in right-to-left text, link rectangles lie
// over their words, identifiers such as CAR-T never split, Korean breaks at spaces, Japanese
// and Chinese lines never start with what strict kinsoku forbids, quotation marks open after
// CJK characters, and a language's digits are one choice for body text, lists and page
// numbers. Read from `leafpress dump` (glyph positions and the bytes each glyph stands for),
// pdftotext and qpdf.

namespace fs = std::filesystem;
using namespace leafpress::testing;

namespace {

const fs::path kFixture = fs::path(LEAFPRESS_SOURCE_DIR) / "tests" / "pdf" / "scripts_rules";

/// A glyph of the dump: where it stands and the characters of its cluster.
struct DumpGlyph {
  double x = 0;
  std::size_t begin = 0;
  std::string text;
};

/// A line of the dump: its baseline and its glyphs, each cluster once, in the order read
/// (by the byte offsets of the paragraph's text).
struct DumpLine {
  double baseline = 0;
  std::vector<DumpGlyph> clusters;

  /// The line's characters in logical order.
  std::string text() const {
    std::string out;
    for (const DumpGlyph& cluster : clusters) out += cluster.text;
    return out;
  }
};

/// One run's clusters with their texts: the run's text is its clusters' characters in
/// ascending byte order (text::run_text), so each unique range takes the next bytes.
std::vector<DumpGlyph> run_clusters(double run_x, const std::string& run_text, const std::string& glyph_line) {
  std::istringstream in(glyph_line);
  std::string word;
  in >> word;  // "glyphs"
  std::map<std::size_t, std::pair<std::size_t, double>> ranges;  // begin -> end, leftmost x
  while (in >> word) {
    std::string range;
    in >> range;
    const double x = run_x + std::stod(word.substr(word.find('@') + 1));
    const std::size_t begin = std::stoul(range.substr(0, range.find('-')));
    const std::size_t end = std::stoul(range.substr(range.find('-') + 1));
    auto [it, inserted] = ranges.try_emplace(begin, end, x);
    if (!inserted) it->second.second = std::min(it->second.second, x);
  }
  std::vector<DumpGlyph> clusters;
  std::size_t at = 0;
  for (const auto& [begin, range] : ranges) {
    const std::size_t length = range.first - begin;
    clusters.push_back({range.second, begin, run_text.substr(at, length)});
    at += length;
  }
  return clusters;
}

/// The text lines of the first page of a dump, top to bottom.
std::vector<DumpLine> dump_lines(const std::string& dump) {
  std::map<double, DumpLine> lines;
  std::istringstream in(dump);
  std::string line;
  int page = 0;
  while (std::getline(in, line)) {
    if (line.rfind("page ", 0) == 0) ++page;
    if (page != 1 || line.rfind("text ", 0) != 0) continue;
    std::istringstream fields(line);
    std::string kind;
    double x = 0;
    double baseline = 0;
    fields >> kind >> x >> baseline;
    const std::size_t quote = line.find('"');
    const std::string run_text = line.substr(quote + 1, line.size() - quote - 2);
    std::string glyphs;
    std::getline(in, glyphs);
    DumpLine& set = lines[baseline];
    set.baseline = baseline;
    for (DumpGlyph& cluster : run_clusters(x, run_text, glyphs)) set.clusters.push_back(std::move(cluster));
  }
  std::vector<DumpLine> out;
  for (auto& [baseline, set] : lines) {
    std::sort(set.clusters.begin(), set.clusters.end(),
              [](const DumpGlyph& a, const DumpGlyph& b) { return a.begin < b.begin; });
    out.push_back(std::move(set));
  }
  return out;
}

/// Every line's text, joined by line ends, no-break spaces written as spaces.
std::string page_text(const std::vector<DumpLine>& lines) {
  std::string out;
  for (const DumpLine& line : lines) {
    std::string text = line.text();
    for (std::size_t at = text.find("\u00A0"); at != std::string::npos; at = text.find("\u00A0")) text.replace(at, 2, " ");
    out += text + "\n";
  }
  return out;
}

std::string dump(const std::string& language, const fs::path& leaflet = kFixture) {
  const ProcessResult result = run_process({LEAFPRESS_BINARY, "dump", leaflet.string(), "--lang", language});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return result.out;
}

/// The PDFs of the fixture, built once for every test.
const fs::path& built() {
  static const ScratchDir out;
  static const bool made = [] {
    const ProcessResult result =
        run_process({LEAFPRESS_BINARY, "build", kFixture.string(), "--out", out.path().string()});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return true;
  }();
  (void)made;
  return out.path();
}

fs::path pdf_of(const std::string& language) { return built() / ("scripts_rules." + language + ".brochure.pdf"); }

/// The clusters of `line` standing for `text` (found in its logical text), left to right.
std::vector<DumpGlyph> clusters_of(const DumpLine& line, const std::string& text) {
  const std::string all = line.text();
  const std::size_t at = all.find(text);
  std::vector<DumpGlyph> found;
  std::size_t offset = 0;
  for (const DumpGlyph& cluster : line.clusters) {
    if (at != std::string::npos && offset >= at && offset < at + text.size()) found.push_back(cluster);
    offset += cluster.text.size();
  }
  return found;
}

/// Puts the fixture in `folder` (once) and inserts `text` into its leaflet.yaml after the
/// first `after` ("theme:\n") or, for a key such as "format:", before it.
void copy_with(const fs::path& folder, const std::string& after, const std::string& text) {
  if (!fs::exists(folder / "leaflet.yaml")) {
    fs::copy(kFixture, folder, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  }
  std::string leaflet = file_bytes(folder / "leaflet.yaml");
  const std::size_t at = leaflet.find(after);
  REQUIRE(at != std::string::npos);
  leaflet.insert(after.back() == '\n' ? at + after.size() : at, text);
  write_file(folder / "leaflet.yaml", leaflet);
}

/// The texts of a dump's runs on baseline `baseline` (as the dump writes it), joined.
std::string runs_at(const std::string& dump, const std::string& baseline) {
  std::istringstream in(dump);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::string kind, x, y;
    fields >> kind >> x >> y;
    if (kind != "text" || y != baseline) continue;
    const std::size_t quote = line.find('"');
    out += line.substr(quote + 1, line.size() - quote - 2);
  }
  return out;
}

/// Whether `text` holds a digit of the system whose zero is `zero`.
bool has_digits(const std::string& text, char32_t zero) {
  for (char32_t d = 0; d < 10; ++d) {
    std::string digit;
    const char32_t c = zero + d;
    if (c < 0x80) {
      digit = static_cast<char>(c);
    } else {
      digit = {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
    }
    if (text.find(digit) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("telephone numbers are whole and read left to right in right-to-left text", "[scripts]") {
  // Hebrew with Western digits, Arabic with Arabic-Indic ones (CLDR's default for ar): the
  // number's clusters stand left to right in the order they are read, on one line, with
  // their hyphen (the typography pass made it an en dash and bidi showed 1234567–03).
  const std::map<std::string, std::vector<std::string>> phones = {
      {"he", {"03-1234567", "0 805 123 124", "+33 1 23 45 67 89", "03-7654321", "0 800 940 939"}},
      {"ar",
       {"\u0660\u0663-\u0661\u0662\u0663\u0664\u0665\u0666\u0667", "\u0660 \u0668\u0660\u0665 \u0661\u0662\u0663 \u0661\u0662\u0664",
        "+\u0663\u0663 \u0661 \u0662\u0663 \u0664\u0665 \u0666\u0667 \u0668\u0669"}},
      {"fr", {"03-1234567", "0 805 123 124", "+33 1 23 45 67 89", "0 800 940 939"}},
      {"en", {"03-1234567", "0 805 123 124", "+33 1 23 45 67 89", "0 800 940 939", "+972 3 123 4567"}}};
  for (const auto& [language, numbers] : phones) {
    INFO(language);
    const auto lines = dump_lines(dump(language));
    const std::string text = page_text(lines);
    for (const std::string& number : numbers) {
      INFO(number);
      CHECK(text.find(number) != std::string::npos);  // on one line, as typed
      for (const DumpLine& line : lines) {
        std::string spaced = line.text();
        for (std::size_t at = spaced.find("\u00A0"); at != std::string::npos; at = spaced.find("\u00A0")) {
          spaced.replace(at, 2, " ");
        }
        if (spaced.find(number) == std::string::npos) continue;
        DumpLine plain = line;
        for (DumpGlyph& cluster : plain.clusters) {
          if (cluster.text == "\u00A0") cluster.text = " ";
        }
        const auto clusters = clusters_of(plain, number);
        REQUIRE(clusters.size() >= 8);
        for (std::size_t k = 1; k < clusters.size(); ++k) CHECK(clusters[k].x > clusters[k - 1].x);
      }
    }
  }
}

TEST_CASE("URLs and e-mail addresses read left to right, their '/' and '.' in place", "[scripts]") {
  for (const std::string language : {"he", "ar"}) {
    INFO(language);
    const auto lines = dump_lines(dump(language));
    for (const std::string address : {"https://www.inserm.fr/dossier/immunotherapie-cancer/", "info@inserm.fr"}) {
      INFO(address);
      bool found = false;
      for (const DumpLine& line : lines) {
        const auto clusters = clusters_of(line, address);
        if (clusters.size() != address.size()) continue;
        found = true;
        for (std::size_t k = 1; k < clusters.size(); ++k) CHECK(clusters[k].x > clusters[k - 1].x);
      }
      CHECK(found);
    }
  }
  // pdftotext (which applies bidi) gives the address back whole, the trailing '/' included.
  const std::string text = pdftotext(pdf_of("ar"));
  CHECK(text.find("https://www.inserm.fr/dossier/immunotherapie-cancer/") != std::string::npos);
  CHECK(text.find("/https://") == std::string::npos);
}

TEST_CASE("a link's rectangle lies over its own words in right-to-left text", "[scripts]") {
  // [המדריך של Inserm](https://www.inserm.fr/): the rectangles were mirrored on their own
  // while the words stayed, and landed over other text.
  const fs::path pdf = pdf_of("he");
  const auto rects = link_rects(pdf, "https://www.inserm.fr/");
  REQUIRE_FALSE(rects.empty());
  constexpr double kPageHeight = 841.89;
  std::vector<std::string> covered;
  for (const PlacedWord& word : placed_words(pdf)) {
    if (word.page != 1) continue;
    const double x = (word.x_min + word.x_max) / 2;
    const double y = kPageHeight - (word.y_min + word.y_max) / 2;
    for (const auto& rect : rects) {
      if (x > rect[0] && x < rect[2] && y > rect[1] && y < rect[3]) covered.push_back(word.text);
    }
  }
  // poppler gives Hebrew words in the order drawn or read; either is the word.
  for (std::string& word : covered) {
    if (word != "Inserm" && word != "המדריך" && word != "של") word = reversed_code_points(word);
  }
  std::sort(covered.begin(), covered.end());
  CHECK(covered == std::vector<std::string>{"Inserm", "המדריך", "של"});
}

TEST_CASE("CAR-T, PD-L1 and PD-1 never split at a line end; anti- may", "[scripts]") {
  for (const std::string language : {"en", "fr", "de", "uk", "zh", "he"}) {
    INFO(language);
    const std::string text = page_text(dump_lines(dump(language)));
    for (const std::string split : {"CAR-\n", "PD-\n", "CAR-\u00AD\n", "PD-\u00AD\n"}) {
      CHECK(text.find(split) == std::string::npos);
    }
    CHECK(text.find("CAR-T") != std::string::npos);
  }
}

TEST_CASE("Korean lines break at spaces, headings too", "[scripts]") {
  const std::string text = page_text(dump_lines(dump("ko")));
  // Each of these words is whole on the page, never "합니/다".
  for (const std::string word : {"면역관문억제제와", "세포치료는", "무엇입니까", "면역항암치료는", "암세포를", "파괴하도록",
                                 "도와줍니다.", "이루어지며,", "의료진에게", "공격할", "있습니다.", "연락하십시오."}) {
    INFO(word);
    CHECK(text.find(word) != std::string::npos);
  }
  // A line that does not end a paragraph ends at a space.
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line.back() == ' ' || line.find("1 / 1") != std::string::npos) continue;
    const std::string end = line.substr(line.size() >= 3 ? line.size() - 3 : 0);
    INFO(line);
    CHECK((line.back() == '.' || end == "다" || line.find("무엇입니까") != std::string::npos ||
           line.find("면역항암치료") == 0));
  }
}

TEST_CASE("Japanese and Chinese lines never start with small kana, ー or closing punctuation", "[scripts]") {
  for (const std::string language : {"ja", "zh"}) {
    INFO(language);
    for (const DumpLine& line : dump_lines(dump(language))) {
      const std::string text = line.text();
      INFO(text);
      for (const std::string never : {"ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ", "ァ", "ィ", "ゥ", "ェ", "ォ", "ッ",
                                      "ャ", "ュ", "ョ", "ー", "。", "、", "」", "』", "）", "，", "！", "？", "：", "；", "》",
                                      "\u201D"}) {
        CHECK(text.rfind(never, 0) != 0);
      }
    }
  }
}

TEST_CASE("a straight quote after a CJK character opens a quotation", "[scripts]") {
  CHECK(pdftotext(pdf_of("zh")).find("白细胞上的\u201C刹车\u201D") != std::string::npos);
  CHECK(pdftotext(pdf_of("ja")).find("\u300Cブレーキ\u300D") != std::string::npos);
}

TEST_CASE("a language's digits are one choice for body text, lists and page numbers", "[scripts]") {
  // CLDR's default for Arabic is Arabic-Indic: body text, the list's numbers and the page
  // number all take it (the body kept Western digits while lists and pages were Arabic-Indic).
  const std::string arabic = pdftotext(pdf_of("ar"));
  CHECK(arabic.find("\u0662\u0660\u0662\u0664") != std::string::npos);  // ٢٠٢٤
  CHECK(arabic.find("2024") == std::string::npos);
  CHECK(arabic.find("PD-1") != std::string::npos);      // a Latin name keeps its digits
  const std::string arabic_dump = dump("ar");
  CHECK(runs_at(arabic_dump, "333.7").rfind(".\u0662", 0) == 0);  // the second item: ٢.
  // The fixture's one page is a cover, which carries no number: set in large type, the copy
  // runs on to later pages, whose numbers are read.
  const ScratchDir large;
  copy_with(large.path(), "theme:\n", "  sizes:\n    body: 36\n");
  const std::string arabic_pages = dump("ar", large.path());
  CHECK(has_digits(runs_at(arabic_pages, "803.9"), U'\u0660'));  // the page numbers ٢ / ٣…
  CHECK_FALSE(has_digits(runs_at(arabic_pages, "803.9"), U'0'));

  // digits: {ar: latn} sets the whole Arabic leaflet in 0-9, page numbers included.
  const ScratchDir copy;
  copy_with(copy.path(), "format:", "digits: {ar: latn}\n");
  const std::string western = dump("ar", copy.path());
  CHECK(western.find("2024") != std::string::npos);
  CHECK(western.find("\u0662\u0660\u0662\u0664") == std::string::npos);
  const ScratchDir western_large;
  copy_with(western_large.path(), "format:", "digits: {ar: latn}\n");
  copy_with(western_large.path(), "theme:\n", "  sizes:\n    body: 36\n");
  const std::string western_pages = dump("ar", western_large.path());
  CHECK(has_digits(runs_at(western_pages, "803.9"), U'0'));
  CHECK_FALSE(has_digits(runs_at(western_pages, "803.9"), U'\u0660'));
  CHECK(has_digits(runs_at(western, "333.7"), U'0'));

  // An unknown numbering system is an error at its place.
  std::string leaflet = file_bytes(copy.path() / "leaflet.yaml");
  leaflet.replace(leaflet.find("latn"), 4, "rumi");
  write_file(copy.path() / "leaflet.yaml", leaflet);
  const ProcessResult result = run_process({LEAFPRESS_BINARY, "check", copy.path().string(), "--lang", "ar"});
  CHECK(result.exit_code != 0);
  CHECK(result.err.find("leaflet.yaml:7:") != std::string::npos);
  CHECK(result.err.find("unknown numbering system 'rumi'") != std::string::npos);
}

TEST_CASE("justified Thai lines reach the margin, spread between clusters", "[scripts]") {
  // Thai has few spaces: lines without one were left short, lines with one stretched it.
  // Every line followed by another line of its paragraph (one pitch below) ends at the
  // right margin, and no gap between words on a line is wider than 6 pt.
  constexpr double kRightMargin = 595.28 - 57;
  constexpr double kPitch = 10.5 * 1.45;
  std::map<long, std::vector<PlacedWord>> lines;
  for (const PlacedWord& word : placed_words(pdf_of("th"))) {
    if (word.page == 1) lines[std::lround(word.y_min)].push_back(word);
  }
  int continued = 0;
  for (auto it = lines.begin(); it != lines.end(); ++it) {
    auto& words = it->second;
    std::sort(words.begin(), words.end(), [](const PlacedWord& a, const PlacedWord& b) { return a.x_min < b.x_min; });
    INFO(words.front().text);
    for (std::size_t k = 1; k < words.size(); ++k) CHECK(words[k].x_min - words[k - 1].x_max < 6);
    const auto next = std::next(it);
    if (next == lines.end() || static_cast<double>(next->first - it->first) > kPitch + 2) continue;
    ++continued;
    CHECK(words.back().x_max > kRightMargin - 0.8);
  }
  CHECK(continued >= 3);
}
