#include <catch2/catch.hpp>

#include <algorithm>

#include "fonts/font_fallback.hpp"
#include "load/load_font_config.hpp"
#include "text/bidi.hpp"
#include "text/set_paragraph.hpp"
#include "text/shape.hpp"

using namespace leafpress;

namespace {

const std::string kArabic = "\u064A\u0633\u0627\u0639\u062F \u0627\u0644\u0639\u0644\u0627\u062C";  // "يساعد العلاج"

using text::run_text;  // a run's characters in logical order

struct ArabicSetting {
  fonts::FontRegistry registry{{}};
  core::Diagnostics diags;
  fonts::FontFallback fallback{registry, load::load_font_config(LEAFPRESS_SOURCE_DIR "/fonts", diags)};
  text::HyphenatorCache hyphenators;
  text::TextContext context{fallback, hyphenators};

  std::vector<text::Line> set(const std::string& text, double width) {
    text::StyledParagraph paragraph;
    paragraph.language = "ar";
    paragraph.direction = document::Direction::rtl;
    paragraph.append(text, {registry.find("Noto Serif", fonts::FontStyle::regular), 10, {}, {}});
    return text::set_paragraph(paragraph, {width, text::Align::justify}, context, diags);
  }
};

}  // namespace

TEST_CASE("bidi levels: Arabic runs right to left, embedded Latin and digits left to right", "[bidi]") {
  const std::string text = "\u0645\u062B\u0644 PD-1 \u0648 17";  // "مثل PD-1 و 17"
  const auto bidi = text::resolve_bidi(text, document::Direction::rtl);
  CHECK(bidi.levels[0] == 1);                 // م
  CHECK(bidi.levels[text.find("PD")] == 2);   // Latin inside right-to-left text
  CHECK(bidi.levels[text.find("17")] == 2);   // European digits
  CHECK(text::resolve_bidi("plain text", document::Direction::ltr).all_ltr());
}

TEST_CASE("runs are shown in visual order by their levels (UAX #9 L2)", "[bidi]") {
  CHECK(text::visual_order({1, 2, 1}) == std::vector<std::size_t>{2, 1, 0});
  CHECK(text::visual_order({0, 1, 1, 0}) == std::vector<std::size_t>{0, 2, 1, 3});
  CHECK(text::visual_order({0, 0}) == std::vector<std::size_t>{0, 1});
}

TEST_CASE("Arabic text falls back to Noto Naskh Arabic and keeps HarfBuzz's joined glyphs", "[bidi]") {
  ArabicSetting setting;
  const auto lines = setting.set(kArabic, 300);
  CHECK_FALSE(setting.diags.has_errors());
  REQUIRE(lines.size() == 1);
  std::vector<std::uint32_t> written;
  for (const auto& run : lines[0].runs) {
    CHECK(run.face->family() == "Noto Naskh Arabic");
    CHECK(run.rtl);
    for (const auto& glyph : run.glyphs) written.push_back(glyph.id);
  }
  const fonts::Face* naskh = setting.registry.find("Noto Naskh Arabic", fonts::FontStyle::regular);
  REQUIRE(naskh);
  std::vector<std::uint32_t> shaped;
  for (const auto& glyph : text::shape(*naskh, kArabic, 0, kArabic.size(), "ar", "Arab", true)) {
    shaped.push_back(glyph.id);
  }
  CHECK(written == shaped);
}

TEST_CASE("a right-to-left paragraph's last line sits against the right edge", "[bidi]") {
  ArabicSetting setting;
  const auto lines = setting.set(kArabic, 300);
  REQUIRE(lines.size() == 1);
  const auto& line = lines[0];
  CHECK(line.runs.front().x == Approx(300 - line.width).margin(0.01));
  CHECK(line.runs.front().x > 200);
}

TEST_CASE("Latin words inside Arabic keep their own order between the Arabic words", "[bidi]") {
  ArabicSetting setting;
  // "العلاج PD-1 مفيد": visually, left to right: مفيد, PD-1, العلاج.
  const std::string text = "\u0627\u0644\u0639\u0644\u0627\u062C PD-1 \u0645\u0641\u064A\u062F";
  const auto lines = setting.set(text, 300);
  CHECK_FALSE(setting.diags.has_errors());
  REQUIRE(lines.size() == 1);
  std::vector<std::string> visual;
  for (const auto& run : lines[0].runs) {
    if (run_text(run) != " ") visual.push_back(run_text(run));
  }
  REQUIRE(visual.size() >= 3);
  CHECK(visual.front().find("\u0645\u0641\u064A\u062F") != std::string::npos);  // مفيد leftmost
  const bool latin_in_middle = std::any_of(visual.begin() + 1, visual.end() - 1,
                                           [](const std::string& t) { return t.find("PD-1") != std::string::npos; });
  CHECK(latin_in_middle);
  CHECK(visual.back().find("\u0627\u0644\u0639\u0644\u0627\u062C") != std::string::npos);  // العلاج rightmost
}

TEST_CASE("left-to-right text stays at level 0 unless a character or control makes it move", "[bidi]") {
  // French punctuation, no-break spaces and digits: all level 0.
  const std::string french = "« L’immunothérapie\u00A0» : 2\u202F%… – OK\u2009!";
  const auto plain = text::resolve_bidi(french, document::Direction::ltr);
  CHECK(std::all_of(plain.levels.begin(), plain.levels.end(), [](std::uint8_t level) { return level == 0; }));
  // A right-to-left mark (U+200F, class R) and an override (RLO U+202E … PDF U+202C) among
  // Latin letters do raise levels, as ICU resolves them.
  const std::string mark = "ab\u200F12";
  CHECK(text::resolve_bidi(mark, document::Direction::ltr).levels[2] == 1);
  const std::string overridden = "ab\u202Ecd\u202C";
  CHECK(text::resolve_bidi(overridden, document::Direction::ltr).levels[5] == 1);
  // Hebrew is right to left.
  const std::string hebrew = "a \u05D0\u05D1";
  CHECK(text::resolve_bidi(hebrew, document::Direction::ltr).levels[2] == 1);
}
