#include <catch2/catch.hpp>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cctype>
#include <filesystem>
#include <optional>
#include <algorithm>
#include <iterator>
#include <set>
#include <sstream>

#include "pdf/pdf_probe.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

// An Arabic leaflet as readers and extractors see it: every word comes back as the code
// points the author wrote, in logical order, and the text hangs from the right margin.

namespace fs = std::filesystem;
using namespace leafpress::testing;

namespace {

const fs::path kSource = LEAFPRESS_SOURCE_DIR;
const fs::path kFixture = kSource / "tests" / "pdf" / "arabic";

bool has_arabic_letter(const std::string& word) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  const auto length = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < length;) {
    UChar32 cp = 0;
    U8_NEXT(bytes, i, length, cp);
    if (cp >= 0x0620 && cp <= 0x064A) return true;
  }
  return false;
}

/// "وPD" (the conjunction wa- on a Latin name) is an Arabic word and a Latin one; extractors
/// mark the Latin part off as a left-to-right run.
std::vector<std::string> split_at_script_changes(const std::string& word) {
  std::vector<std::string> parts;
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  const auto length = static_cast<int32_t>(word.size());
  int last_arabic = -1;
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 cp = 0;
    U8_NEXT(bytes, i, length, cp);
    const int arabic = cp >= 0x0600 && cp <= 0x06FF ? 1 : 0;
    if (parts.empty() || (arabic != last_arabic && u_isalpha(cp))) parts.emplace_back();
    if (u_isalpha(cp)) last_arabic = arabic;
    parts.back().append(word, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
  }
  return parts;
}

/// Words split at white space, punctuation and bidi controls (poppler marks embedded
/// left-to-right runs with U+202A..U+202C), keeping those with Arabic letters.
std::vector<std::string> arabic_words(const std::string& text) {
  std::string cleaned;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 cp = 0;
    U8_NEXT(bytes, i, length, cp);
    if (cp < 0 || u_ispunct(cp) || u_isspace(cp) || (cp >= 0x202A && cp <= 0x202E)) {
      cleaned += ' ';
    } else {
      cleaned.append(text, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    }
  }
  std::vector<std::string> words;
  std::istringstream in(cleaned);
  for (std::string word; in >> word;) {
    for (const std::string& part : split_at_script_changes(word)) {
      if (has_arabic_letter(part)) words.push_back(part);
    }
  }
  return words;
}

std::string strings_of(const fs::path& yaml) {
  std::istringstream in(file_bytes(yaml));
  std::string text;
  // A figure's alternative text ("alt:" and the lines folded under it) is not printed: it is
  // the Figure's /Alt, for screen readers.
  std::optional<std::size_t> alt_indent;
  for (std::string line; std::getline(in, line);) {
    // "  key: value" lines lose their key; folded continuation lines are all text.
    const auto colon = line.find(':');
    const auto first = line.find_first_not_of(' ');
    if (alt_indent && (first == std::string::npos || first > *alt_indent)) continue;
    alt_indent.reset();
    const bool keyed = colon != std::string::npos && first != std::string::npos && first < colon &&
                       std::all_of(line.begin() + static_cast<std::ptrdiff_t>(first),
                                   line.begin() + static_cast<std::ptrdiff_t>(colon),
                                   [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
    if (keyed && line.substr(first, colon - first) == "alt") {
      alt_indent = first;
      continue;
    }
    text += (keyed ? line.substr(colon + 1) : line) + '\n';
  }
  // Emphasis markers are markup, not text: "و*تدميرها*" reads "وتدميرها".
  std::erase(text, '*');
  return text;
}

struct ArabicBuild {
  ScratchDir out;
  ProcessResult result;
  fs::path pdf;

  ArabicBuild() : pdf(out.path() / "arabic.ar.brochure.pdf") {
    result = run_process({LEAFPRESS_BINARY, "build", kFixture.string(), "--out", out.path().string()},
                         kSource.string());
  }
};

const ArabicBuild& arabic_build() {
  static const ArabicBuild build;
  return build;
}

}  // namespace

TEST_CASE("an Arabic leaflet builds with every font embedded", "[pdf][rtl]") {
  const ArabicBuild& build = arabic_build();
  INFO(build.result.err);
  REQUIRE(build.result.exit_code == 0);
  CHECK(leafpress::testing::without_notes(build.result.err).empty());
  bool naskh = false;
  for (const FontRow& font : pdffonts(build.pdf)) {
    CHECK(font.embedded);
    CHECK(font.unicode);
    naskh = naskh || font.name.find("NotoNaskhArabic") != std::string::npos;
  }
  CHECK(naskh);
  CHECK(run_process({"qpdf", "--check", build.pdf.string()}).exit_code == 0);
}

TEST_CASE("pdftotext gives back every Arabic word as the author's code points, in order", "[pdf][rtl]") {
  REQUIRE(arabic_build().result.exit_code == 0);
  const auto source = arabic_words(strings_of(kFixture / "ar.yaml"));
  const auto extracted = arabic_words(pdftotext(arabic_build().pdf));
  REQUIRE(source.size() > 40);
  CHECK(extracted == source);
}

TEST_CASE("the shipped Arabic leaflet gives back all its words", "[pdf][rtl]") {
  const fs::path leaflet = kSource / "leaflets" / "immunotherapy";
  ScratchDir out;
  const auto result = run_process(
      {LEAFPRESS_BINARY, "build", leaflet.string(), "--lang", "ar", "--out", out.path().string()}, kSource.string());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto source = arabic_words(strings_of(leaflet / "ar.yaml"));
  const auto extracted = arabic_words(pdftotext(out.path() / "immunotherapy.ar.brochure.pdf"));
  REQUIRE(source.size() > 800);
  // Every word, as the same code points; the order of blocks on the page may differ from the
  // strings file's (the key figures box comes before the text that precedes it in the file).
  std::multiset<std::string> wanted(source.begin(), source.end());
  std::multiset<std::string> got(extracted.begin(), extracted.end());
  std::vector<std::string> missing;
  std::set_difference(wanted.begin(), wanted.end(), got.begin(), got.end(), std::back_inserter(missing));
  CHECK(missing.empty());
  // Nothing garbled either: every extracted word is one of the source's (the running header
  // and footer repeat some on every page).
  std::vector<std::string> unknown;
  for (const auto& word : got) {
    if (!wanted.count(word)) unknown.push_back(word);
  }
  INFO((unknown.empty() ? std::string() : unknown.front()));
  CHECK(unknown.empty());
}

TEST_CASE("Arabic lines hang from the right margin", "[pdf][rtl]") {
  REQUIRE(arabic_build().result.exit_code == 0);
  const std::string bbox =
      run_process({"pdftotext", "-bbox", arabic_build().pdf.string(), "-"}, kSource.string()).out;
  // Every word box of the page: the rightmost edges of the lines line up at the right margin.
  std::istringstream in(bbox);
  double right_edge = 0;
  double left_edge = 1e9;
  for (std::string line; std::getline(in, line);) {
    const auto at = line.find("<word xMin=\"");
    if (at == std::string::npos) continue;
    const double x_min = std::stod(line.substr(at + 12));
    const double x_max = std::stod(line.substr(line.find("xMax=\"") + 6));
    right_edge = std::max(right_edge, x_max);
    left_edge = std::min(left_edge, x_min);
  }
  const double page_width = 595.276;
  // The frame's right edge is the inside margin on page 1 (mirrored): text reaches it...
  CHECK(right_edge > page_width - 80);
  CHECK(right_edge <= page_width - 20);
  // ...while the ragged ends of the last lines and list items sit on the left.
  CHECK(left_edge > 20);
}
