#include "text/kept_paragraphs.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/hash.hpp"
#include "fonts/font_fallback.hpp"
#include "fonts/font_registry.hpp"
#include "load/load_font_config.hpp"
#include "support/file_bytes.hpp"
#include "support/scoped_env.hpp"
#include "support/scratch_dir.hpp"
#include "text/set_paragraph.hpp"
#include "text/shaped_paragraph.hpp"
#include "text/text_context.hpp"

using namespace leafpress;
using testing::read_bytes;
using testing::write_bytes;
namespace fs = std::filesystem;

namespace {

/// The project's fonts and fallback chains, with a cache folder of the test's own.
struct Fonts {
  testing::ScratchDir dir;
  testing::ScopedEnv cache{"LEAFPRESS_CACHE_DIR", (dir.path() / "cache").string()};
  core::Diagnostics diags;
  fonts::FontRegistry registry{{}};
  fonts::FontFallback fallback{registry, load::load_font_config(LEAFPRESS_SOURCE_DIR "/fonts", diags)};

  const fonts::Face& face(const char* family, fonts::FontStyle style = fonts::FontStyle::regular) {
    const fonts::Face* found = registry.find(family, style);
    REQUIRE(found);
    REQUIRE(found->identity());  // a system font, settled: else nothing is kept
    return *found;
  }

  /// A French sentence in Noto Serif with a bold phrase, `more` appended in the regular face.
  text::StyledParagraph sentence(const std::string& more = "", double size = 11,
                                 document::Direction direction = document::Direction::ltr) {
    text::StyledParagraph p;
    p.language = "fr";
    p.direction = direction;
    p.append("L\u2019immunoth\u00E9rapie aide le syst\u00E8me immunitaire ", {&face("Noto Serif"), size, {}, {}});
    p.append("\u00E0 reconna\u00EEtre", {&face("Noto Serif", fonts::FontStyle::bold), size, {}, {}});
    p.append(" les cellules canc\u00E9reuses (CTLA-4, PD-1, PD-L1)." + more, {&face("Noto Serif"), size, {}, {}});
    return p;
  }

  /// The cache entries of kept paragraphs.
  std::vector<fs::path> entries() const {
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(dir.path() / "cache")) {
      if (entry.path().filename().string().starts_with("paragraphs-")) found.push_back(entry.path());
    }
    return found;
  }
};

/// `paragraph` shaped, kept and written as a run ends.
text::ShapedParagraph shape_and_keep(Fonts& fonts, const text::StyledParagraph& paragraph) {
  std::vector<text::FallbackChoice> choices;
  const text::ShapedParagraph shaped = text::shape_glyphs(paragraph, fonts.fallback, nullptr, &choices);
  text::KeptParagraphs kept;
  kept.keep(paragraph, shaped, choices);
  return shaped;
}

bool same(const text::ShapedParagraph& a, const text::ShapedParagraph& b) {
  if (*a.text != *b.text || a.soft_hyphen != b.soft_hyphen || a.runs.size() != b.runs.size() ||
      a.items.size() != b.items.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.runs.size(); ++i) {
    const text::ShapingRun& x = a.runs[i];
    const text::ShapingRun& y = b.runs[i];
    if (x.begin != y.begin || x.end != y.end || x.style_run != y.style_run || x.face != y.face ||
        x.script != y.script || x.level != y.level) {
      return false;
    }
  }
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    const text::ShapedItem& x = a.items[i];
    const text::ShapedItem& y = b.items[i];
    if (x.run != y.run || !(x.glyph == y.glyph) || x.advance != y.advance || x.end != y.end ||
        x.is_space != y.is_space) {
      return false;
    }
  }
  return true;
}


}  // namespace

TEST_CASE("a paragraph shaped in an earlier run is read back as it was shaped, for the same key only", "[text]") {
  Fonts fonts;
  const text::StyledParagraph paragraph = fonts.sentence();
  const text::ShapedParagraph shaped = shape_and_keep(fonts, paragraph);
  REQUIRE(fonts.entries().size() == 1);
  text::KeptParagraphs kept;
  const auto found = kept.find(paragraph, fonts.fallback);
  REQUIRE(found);
  CHECK(same(*found, shaped));
  // Sizes are not shaped: the same paragraph at another size is the same glyphs.
  const auto larger = kept.find(fonts.sentence("", 14), fonts.fallback);
  REQUIRE(larger);
  CHECK(same(*larger, shaped));
  // Another text, language, face or direction is another paragraph.
  CHECK_FALSE(kept.find(fonts.sentence(" Oui."), fonts.fallback));
  text::StyledParagraph english = paragraph;
  english.language = "en";
  CHECK_FALSE(kept.find(english, fonts.fallback));
  text::StyledParagraph passage = paragraph;
  passage.runs[1].style.language = "de";
  CHECK_FALSE(kept.find(passage, fonts.fallback));
  text::StyledParagraph italic = paragraph;
  italic.runs[1].style.face = &fonts.face("Noto Serif", fonts::FontStyle::italic);
  CHECK_FALSE(kept.find(italic, fonts.fallback));
  CHECK_FALSE(kept.find(fonts.sentence("", 11, document::Direction::rtl), fonts.fallback));
  text::StyledParagraph isolated = paragraph;
  isolated.left_to_right.push_back({0, 5});
  CHECK_FALSE(kept.find(isolated, fonts.fallback));
}

TEST_CASE("a paragraph set partly in fallback faces is read only while the fallback gives the same faces", "[text]") {
  Fonts fonts;
  // Hebrew and Arabic, which Noto Serif lacks: the fallback chains give Hadasim CLM or Noto
  // Serif Hebrew, and Noto Naskh Arabic.
  const text::StyledParagraph paragraph =
      fonts.sentence(" \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D, \xD8\xB9\xD9\x84\xD8\xA7\xD8\xAC.");
  const text::ShapedParagraph shaped = shape_and_keep(fonts, paragraph);
  REQUIRE(std::any_of(shaped.runs.begin(), shaped.runs.end(), [&](const text::ShapingRun& run) {
    return run.face != paragraph.runs[run.style_run].style.face;
  }));
  {
    // Another run: a fallback of its own, asked again.
    fonts::FontFallback fallback{fonts.registry, load::load_font_config(LEAFPRESS_SOURCE_DIR "/fonts", fonts.diags)};
    const auto found = text::KeptParagraphs().find(paragraph, fallback);
    REQUIRE(found);
    CHECK(same(*found, shaped));
  }
  // Fallback chains that give other faces (serif text taking the sans chains), or none: the
  // paragraph is itemized again.
  document::FontConfig swapped = load::load_font_config(LEAFPRESS_SOURCE_DIR "/fonts", fonts.diags);
  std::swap(swapped.serif, swapped.sans);
  fonts::FontFallback other{fonts.registry, swapped};
  const std::u32string alef = U"\u05D0";
  REQUIRE(other.face_for(fonts.face("Noto Serif"), alef, "Hebr", "fr"));
  REQUIRE(other.face_for(fonts.face("Noto Serif"), alef, "Hebr", "fr") !=
          fonts.fallback.face_for(fonts.face("Noto Serif"), alef, "Hebr", "fr"));
  CHECK_FALSE(text::KeptParagraphs().find(paragraph, other));
  fonts::FontFallback none{fonts.registry, document::FontConfig{}};
  CHECK_FALSE(text::KeptParagraphs().find(paragraph, none));
  // Set again with the other faces, the paragraph replaces the record those refused.
  {
    std::vector<text::FallbackChoice> choices;
    const text::ShapedParagraph reshaped = text::shape_glyphs(paragraph, other, nullptr, &choices);
    text::KeptParagraphs().keep(paragraph, reshaped, choices);
    const auto found = text::KeptParagraphs().find(paragraph, other);
    REQUIRE(found);
    CHECK(same(*found, reshaped));
  }
  // A character no font has (U+10FFFD, private use) is drawn as .notdef: not kept.
  const text::StyledParagraph uncovered = fonts.sentence(" \xF4\x8F\xBF\xBD");
  shape_and_keep(fonts, uncovered);
  CHECK_FALSE(text::KeptParagraphs().find(uncovered, fonts.fallback));
}

TEST_CASE("two workers keeping paragraphs of one language keep them all, whichever writes last", "[text]") {
  Fonts fonts;
  const text::StyledParagraph first = fonts.sentence(" Un.");
  const text::StyledParagraph second = fonts.sentence(" Deux.");
  {
    text::KeptParagraphs one;
    {
      text::KeptParagraphs other;  // read before the first writes
      one.keep(first, text::shape_glyphs(first, fonts.fallback), {});
      other.keep(second, text::shape_glyphs(second, fonts.fallback), {});
    }  // the other writes first
  }
  text::KeptParagraphs kept;
  CHECK(kept.find(first, fonts.fallback));
  CHECK(kept.find(second, fonts.fallback));
}

TEST_CASE("a kept paragraph is read only when every part of it checks", "[text]") {
  Fonts fonts;
  const text::StyledParagraph paragraph = fonts.sentence();
  const text::ShapedParagraph shaped = shape_and_keep(fonts, paragraph);
  const auto entries = fonts.entries();
  REQUIRE(entries.size() == 1);
  const std::string whole = read_bytes(entries.front());

  SECTION("any one byte changed gives the paragraph as shaped, or nothing") {
    std::size_t read = 0;
    for (std::size_t at = 0; at < whole.size(); ++at) {
      std::string bytes = whole;
      bytes[at] = static_cast<char>(bytes[at] ^ 0x41);
      write_bytes(entries.front(), bytes);
      text::KeptParagraphs kept;
      if (const auto found = kept.find(paragraph, fonts.fallback)) {
        CHECK(same(*found, shaped));
        ++read;
      }
    }
    CHECK(read < whole.size() / 2);
    write_bytes(entries.front(), whole.substr(0, whole.size() - 1));
    CHECK_FALSE(text::KeptParagraphs().find(paragraph, fonts.fallback));
  }

  SECTION("a planted glyph, cluster or run, its record's check made to match, is not read") {
    // The record: its check, the key's size, the key (zeros to a multiple of 4), the value's
    // size, then the value: the run and choice counts, the runs, the choices (none here), the
    // glyphs.
    std::string key;
    REQUIRE(text::append_shaping_key(key, paragraph, text::FaceNaming::by_file));
    const std::size_t key_at = whole.find(key);
    REQUIRE(key_at != std::string::npos);
    const std::size_t value_at = key_at + key.size() + (4 - key.size() % 4) % 4 + 4;
    std::uint32_t value_size = 0;
    std::memcpy(&value_size, whole.data() + value_at - 4, sizeof value_size);
    std::uint32_t runs = 0;
    std::memcpy(&runs, whole.data() + value_at, sizeof runs);
    const std::size_t runs_at = value_at + 8;
    const std::size_t glyphs_at = runs_at + runs * 28;  // a run: 7 integers of 4 bytes
    const auto planted = [&](std::size_t at, std::uint32_t value) {
      std::string bytes = whole;
      std::memcpy(bytes.data() + at, &value, sizeof value);
      const std::uint64_t check =
          core::stable_hash(std::string_view(bytes).substr(value_at, value_size), core::stable_hash(key));
      std::memcpy(bytes.data() + key_at - 12, &check, sizeof check);
      write_bytes(entries.front(), bytes);
      return text::KeptParagraphs().find(paragraph, fonts.fallback).has_value();
    };
    // The unchanged bytes, with the check worked out here, are read: the offsets are right.
    std::uint32_t first_glyph = 0;
    std::memcpy(&first_glyph, whole.data() + glyphs_at, sizeof first_glyph);
    REQUIRE(planted(glyphs_at, first_glyph));
    CHECK_FALSE(planted(glyphs_at, 0xFFFFFF));      // a glyph the face does not have
    CHECK_FALSE(planted(glyphs_at, 0));             // .notdef
    CHECK_FALSE(planted(glyphs_at + 16, 1000));     // a cluster past its run
    CHECK_FALSE(planted(glyphs_at + 40 + 16, 0));   // clusters out of order
    CHECK_FALSE(planted(glyphs_at + 20 + 16, 2));   // a cluster inside a character
    CHECK_FALSE(planted(runs_at + 4, 3));           // a gap before the next run
    CHECK_FALSE(planted(runs_at + 8, 7));           // a style run the paragraph lacks
    CHECK_FALSE(planted(runs_at + 12, 0xFFFFFFF));  // more glyphs than the value holds
    CHECK_FALSE(planted(runs_at + 20, 200));        // a bidi level past the greatest
    CHECK_FALSE(planted(value_at, runs + 1));       // a run more
  }

  SECTION("a damaged paragraph is set as a fresh context sets it") {
    std::string bytes = whole;
    for (std::size_t at = bytes.size() / 2; at < bytes.size(); at += 7) bytes[at] = static_cast<char>(~bytes[at]);
    write_bytes(entries.front(), bytes);
    text::HyphenatorCache hyphenators;
    text::TextContext context{fonts.fallback, hyphenators};
    const auto lines = text::set_paragraph(paragraph, {150, text::Align::justify, true, 0}, context, fonts.diags);
    std::vector<text::Line> expected;
    {
      const testing::ScopedEnv no_cache("LEAFPRESS_CACHE_DIR", "off");
      text::HyphenatorCache fresh_hyphenators;
      text::TextContext fresh{fonts.fallback, fresh_hyphenators};
      expected = text::set_paragraph(paragraph, {150, text::Align::justify, true, 0}, fresh, fonts.diags);
    }
    REQUIRE(lines.size() == expected.size());
    for (std::size_t l = 0; l < lines.size(); ++l) {
      REQUIRE(lines[l].runs.size() == expected[l].runs.size());
      for (std::size_t r = 0; r < lines[l].runs.size(); ++r) {
        REQUIRE(lines[l].runs[r].glyphs.size() == expected[l].runs[r].glyphs.size());
        for (std::size_t g = 0; g < lines[l].runs[r].glyphs.size(); ++g) {
          CHECK(lines[l].runs[r].glyphs[g].id == expected[l].runs[r].glyphs[g].id);
          CHECK(lines[l].runs[r].glyphs[g].x == expected[l].runs[r].glyphs[g].x);
        }
      }
    }
  }
}

TEST_CASE("a run whose kept paragraphs lie scattered through the entry writes them together", "[text]") {
  Fonts fonts;
  // Forty short paragraphs of one leaflet and forty long ones of another, kept in one run:
  // their records lie mixed in the entry.
  std::vector<text::StyledParagraph> own, other;
  for (int i = 0; i < 40; ++i) {
    own.push_back(fonts.sentence(" N\u00B0 " + std::to_string(i) + "."));
    std::string long_text;
    for (int k = 0; k < 60; ++k) long_text += " Autre texte " + std::to_string(i) + "-" + std::to_string(k) + ".";
    other.push_back(fonts.sentence(long_text));
  }
  {
    text::KeptParagraphs kept;
    for (std::size_t i = 0; i < own.size(); ++i) {
      for (const auto* p : {&own[i], &other[i]}) kept.keep(*p, text::shape_glyphs(*p, fonts.fallback), {});
    }
  }
  const auto entries = fonts.entries();
  REQUIRE(entries.size() == 1);
  // Where the first and last of the short paragraphs' texts lie in the entry.
  const auto span = [&](const std::string& bytes) {
    std::size_t first = bytes.size(), last = 0;
    for (const auto& p : own) {
      const std::size_t at = bytes.find(p.text);
      REQUIRE(at != std::string::npos);
      first = std::min(first, at);
      last = std::max(last, at);
    }
    return last - first;
  };
  const std::string mixed = read_bytes(entries.front());
  REQUIRE(span(mixed) > 512 * 1024);  // else the test proves nothing
  const auto use_own = [&] {
    text::KeptParagraphs kept;
    for (const auto& p : own) CHECK(kept.find(p, fonts.fallback));
  };
  use_own();
  const std::string gathered = read_bytes(entries.front());
  CHECK(span(gathered) * 4 < span(mixed));
  CHECK(gathered.size() == mixed.size());  // the other leaflet's paragraphs are all still there
  {
    text::KeptParagraphs kept;
    for (const auto& p : other) CHECK(kept.find(p, fonts.fallback));
  }
  // Now together, neither run writes the entry again.
  const std::string settled = read_bytes(entries.front());
  use_own();
  CHECK(read_bytes(entries.front()) == settled);
}
