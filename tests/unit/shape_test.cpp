#include <catch2/catch.hpp>

#include <filesystem>
#include <tuple>

#include "fonts/font_fallback.hpp"
#include "text/text_context.hpp"
#include "fonts/font_registry.hpp"
#include "load/load_font_config.hpp"
#include "support/scratch_dir.hpp"
#include "text/line_breaks.hpp"
#include "text/set_paragraph.hpp"
#include "text/shape.hpp"
#include "text/shape_cache.hpp"
#include "text/bidi.hpp"
#include "text/itemize.hpp"

using namespace leafpress;

namespace {

const fonts::Face& face(fonts::FontRegistry& registry, const char* family,
                        fonts::FontStyle style = fonts::FontStyle::regular) {
  const fonts::Face* found = registry.find(family, style);
  REQUIRE(found);
  return *found;
}

std::vector<text::ShapedGlyph> shape_all(const fonts::Face& f, const std::string& s, const char* language) {
  return text::shape(f, s, 0, s.size(), language);
}

}  // namespace

TEST_CASE("fonts are found by family and style, unknown families are not", "[fonts]") {
  fonts::FontRegistry registry({});
  CHECK(face(registry, "Noto Serif").family() == "Noto Serif");
  CHECK(face(registry, "Noto Serif", fonts::FontStyle::bold).metrics().bold);
  CHECK(face(registry, "noto sans", fonts::FontStyle::italic).metrics().italic);
  CHECK(registry.find("Comic Nonexistent", fonts::FontStyle::regular) == nullptr);
}

TEST_CASE("fonts in the project folder win over the system's", "[fonts]") {
  const testing::ScratchDir dir;
  std::filesystem::copy_file("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", dir.path() / "Brand.ttf");
  dir.write("broken.ttf", "not a font");
  fonts::FontRegistry registry({dir.path()});
  CHECK(face(registry, "Noto Sans").path() == dir.path() / "Brand.ttf");
  CHECK(registry.folder_families() == std::vector<std::string>{"Noto Sans"});
  REQUIRE(registry.unusable_files().size() == 1);
  CHECK(registry.unusable_files()[0].path == dir.path() / "broken.ttf");
  CHECK(registry.unusable_files()[0].reason == "not an OpenType or TrueType font (no sfnt header)");
  // Styles the folder lacks still come from the system.
  CHECK(face(registry, "Noto Sans", fonts::FontStyle::bold).path().parent_path() != dir.path());
}

TEST_CASE("Noto Serif forms the fi ligature, and its glyph stands for both letters", "[text]") {
  fonts::FontRegistry registry({});
  const auto glyphs = shape_all(face(registry, "Noto Serif"), "fin", "en");
  REQUIRE(glyphs.size() == 2);  // "fi" + "n"
  CHECK(glyphs[0].cluster == 0);
  CHECK(glyphs[1].cluster == 2);
}

TEST_CASE("Noto Serif kerns A and V closer than their advances", "[text]") {
  fonts::FontRegistry registry({});
  const fonts::Face& serif = face(registry, "Noto Serif");
  const auto glyphs = shape_all(serif, "AV", "en");
  REQUIRE(glyphs.size() == 2);
  CHECK(glyphs[0].advance < serif.advance(glyphs[0].id));
}

TEST_CASE("an Arabic word joins: its letters take contextual forms", "[text]") {
  fonts::FontRegistry registry({});
  const fonts::Face& arabic = face(registry, "Noto Sans Arabic");
  const std::string word = "\xD9\x83\xD8\xAA\xD8\xA8";  // كتب: kaf, teh, beh
  const auto joined = shape_all(arabic, word, "ar");
  REQUIRE(joined.size() == 3);
  // Right to left: visual order starts with the last letter.
  CHECK(joined[0].cluster == 4);
  CHECK(joined[2].cluster == 0);
  for (const auto& glyph : joined) {
    const auto isolated = shape_all(arabic, word.substr(glyph.cluster, 2), "ar");
    REQUIRE(isolated.size() == 1);
    CHECK(glyph.id != isolated[0].id);  // initial, medial, final forms
  }
}

TEST_CASE("a hyphen breaks only where both fragments are long enough", "[text]") {
  const std::string text = "les anti-PD-1 et les CAR-T ou PD-L1";
  const auto breaks = text::line_break_opportunities(text, "fr");
  auto can_start_at = [&](std::string_view fragment) {
    const std::size_t at = text.find(fragment);
    return std::find(breaks.begin(), breaks.end(), at) != breaks.end();
  };
  CHECK(can_start_at("PD-1"));  // anti-|PD-1
  CHECK_FALSE(can_start_at("T ou"));  // CAR-|T
  CHECK_FALSE(can_start_at("L1"));  // PD-|L1
  CHECK(can_start_at("ou"));
}

TEST_CASE("an identifier never splits after its hyphen, however long the word goes on", "[text]") {
  auto breaks_before = [](const std::string& text, std::string_view language, std::string_view fragment) {
    const auto breaks = text::line_break_opportunities(text, language);
    return std::find(breaks.begin(), breaks.end(), text.find(fragment)) != breaks.end();
  };
  CHECK_FALSE(breaks_before("die CAR-T-Zelltherapie", "de", "T-Zell"));
  CHECK_FALSE(breaks_before("CAR-T-\u0442\u0435\u0440\u0430\u043F\u0456\u044F", "uk", "T-"));
  CHECK_FALSE(breaks_before("\u300ACAR-T\u7597\u6CD5\u300B", "zh", "T"));
  CHECK_FALSE(breaks_before("PD-L1-positive", "en", "L1"));
  CHECK_FALSE(breaks_before("les PD-1 et CTLA-4", "fr", "1 et"));
  CHECK(breaks_before("the anti-PD-1 drugs", "en", "PD-1"));
  CHECK(breaks_before("HER2-positive tumours", "en", "positive"));
}

TEST_CASE("Korean breaks at spaces, not between syllables (keep-all)", "[text]") {
  const std::string text = "\uBA74\uC5ED \uCE58\uB8CC\uB294 \uD569\uB2C8\uB2E4.";  // 면역 치료는 합니다.
  const auto breaks = text::line_break_opportunities(text, "ko");
  CHECK(breaks == std::vector<std::size_t>{text.find("\uCE58"), text.find("\uD569"), text.size()});
}

TEST_CASE("Japanese and Chinese lines never start with small kana, the long vowel mark or closing punctuation",
          "[text]") {
  // ちょっと待ってー。はい」、です: strict kinsoku keeps ょ, っ, ー, 。, 」 and 、 with what precedes.
  const std::string text = "\u3061\u3087\u3063\u3068\u5F85\u3063\u3066\u30FC\u3002\u306F\u3044\u300D\u3001\u3067\u3059";
  const auto breaks = text::line_break_opportunities(text, "ja");
  for (const std::string_view never : {"\u3087", "\u3063", "\u30FC", "\u3002", "\u300D", "\u3001"}) {
    for (std::size_t at = text.find(never); at != std::string::npos; at = text.find(never, at + 1)) {
      INFO(at);
      CHECK(std::find(breaks.begin(), breaks.end(), at) == breaks.end());
    }
  }
  CHECK(std::find(breaks.begin(), breaks.end(), text.find("\u306F")) != breaks.end());
  // Chinese: a small kana is rare, but 。，」 and the like are the same rule.
  const std::string zh = "\u8BF7\u544A\u8BC9\u533B\u751F\u3002\u8C22\u8C22\uFF01";
  const auto zh_breaks = text::line_break_opportunities(zh, "zh-Hans");
  CHECK(std::find(zh_breaks.begin(), zh_breaks.end(), zh.find("\u3002")) == zh_breaks.end());
  CHECK(std::find(zh_breaks.begin(), zh_breaks.end(), zh.find("\uFF01")) == zh_breaks.end());
}

TEST_CASE("a word of many hyphens breaks where fragments are long enough, in linear time", "[text]") {
  // 40,000 fragments: counting each fragment's letters up to the word's end took minutes.
  std::string text;
  for (int i = 0; i < 40000; ++i) text += "ab-";
  text += "abcd-abcd";
  const auto breaks = text::line_break_opportunities(text, "fr");
  CHECK(breaks == std::vector<std::size_t>{text.size() - 4, text.size()});
}

TEST_CASE("UAX #14 keeps CTLA-4, PD-L1 and numbers with units together", "[text]") {
  const std::string text = "CTLA-4 PD-L1 17 % 380 000";
  const auto breaks = text::line_break_opportunities(text, "fr");
  // A line may start after each space, but not inside "CTLA-4" before the digit.
  CHECK(std::find(breaks.begin(), breaks.end(), 5u) == breaks.end());
  CHECK(std::find(breaks.begin(), breaks.end(), 7u) != breaks.end());
  CHECK(breaks.back() == text.size());
}

TEST_CASE("a range of numbers never breaks after its en dash", "[text]") {
  const std::string text = "environ 17\u201320\u00A0%, soit 1\u20132 sur 10";
  const auto breaks = text::line_break_opportunities(text, "fr");
  const std::size_t after_dash = text.find("20");
  CHECK(std::find(breaks.begin(), breaks.end(), after_dash) == breaks.end());
  CHECK(std::find(breaks.begin(), breaks.end(), text.find("2 sur")) == breaks.end());
  CHECK(std::find(breaks.begin(), breaks.end(), text.find("17")) != breaks.end());
}

TEST_CASE("a justified paragraph fills its lines and keeps its last line natural", "[text]") {
  fonts::FontRegistry registry({});
  text::StyledParagraph paragraph;
  paragraph.language = "en";
  paragraph.append(
      "Immunotherapy helps your own immune system recognise cancer cells and destroy them. It works differently "
      "from chemotherapy, which attacks every cell that divides quickly.",
      {&face(registry, "Noto Serif"), 10.5, {}, {}});
  core::Diagnostics diags;
  fonts::FontFallback no_fallback(registry, {});
  text::HyphenatorCache hyphenators;
  text::TextContext context{no_fallback, hyphenators};
  // 200 pt is 19 em: narrower than justified text keeps by default.
  const auto lines = text::set_paragraph(paragraph, {200, text::Align::justify, false, 0}, context, diags);
  CHECK_FALSE(diags.has_errors());
  REQUIRE(lines.size() >= 3);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) CHECK(lines[i].width == Approx(200).margin(0.01));
  CHECK(lines.back().width < 200);
  // By default the same paragraph is set ragged: each line at its natural width, its spaces
  // as the font has them, and no line running past the measure.
  const auto ragged = text::set_paragraph(paragraph, {200, text::Align::justify}, context, diags);
  REQUIRE(ragged.size() >= 3);
  for (const text::Line& line : ragged) {
    CHECK(line.width <= 200 + 0.01);
    for (const text::GlyphRun& run : line.runs) {
      const double scale = run.size / run.face->metrics().units_per_em;
      for (std::size_t g = 1; g < run.glyphs.size(); ++g) {
        CHECK(run.glyphs[g].x - run.glyphs[g - 1].x == Approx(run.glyphs[g - 1].advance * scale).margin(0.01));
      }
    }
  }
  CHECK(ragged.front().width < lines.front().width - 1);
}

TEST_CASE("Thai is justified between its clusters, not by widening its few spaces", "[text]") {
  // Thai writes words without spaces; a space ends a phrase. Lines with one space had all
  // their slack there: gaps of 15 mm.
  fonts::FontRegistry registry({});
  core::Diagnostics diags;
  fonts::FontFallback fallback(registry, load::load_font_config(LEAFPRESS_SOURCE_DIR "/fonts", diags));
  text::HyphenatorCache hyphenators;
  text::TextContext context{fallback, hyphenators};
  text::StyledParagraph paragraph;
  paragraph.language = "th";
  paragraph.append(
      "\u0E20\u0E39\u0E21\u0E34\u0E04\u0E38\u0E49\u0E21\u0E01\u0E31\u0E19\u0E1A\u0E33\u0E1A\u0E31\u0E14"
      "\u0E0A\u0E48\u0E27\u0E22\u0E43\u0E2B\u0E49\u0E23\u0E30\u0E1A\u0E1A\u0E20\u0E39\u0E21\u0E34\u0E04"
      "\u0E38\u0E49\u0E21\u0E01\u0E31\u0E19\u0E02\u0E2D\u0E07\u0E04\u0E38\u0E13\u0E04\u0E49\u0E19\u0E2B"
      "\u0E32\u0E41\u0E25\u0E30\u0E17\u0E33\u0E25\u0E32\u0E22\u0E40\u0E0B\u0E25\u0E25\u0E4C\u0E21\u0E30"
      "\u0E40\u0E23\u0E47\u0E07 \u0E22\u0E32\u0E1A\u0E32\u0E07\u0E0A\u0E19\u0E34\u0E14\u0E0A\u0E48\u0E27"
      "\u0E22\u0E1B\u0E25\u0E14\u0E40\u0E1A\u0E23\u0E01\u0E17\u0E35\u0E48\u0E40\u0E0B\u0E25\u0E25\u0E4C"
      "\u0E21\u0E30\u0E40\u0E23\u0E47\u0E07\u0E01\u0E14\u0E44\u0E27\u0E49\u0E1A\u0E19\u0E40\u0E21\u0E47"
      "\u0E14\u0E40\u0E25\u0E37\u0E2D\u0E14\u0E02\u0E32\u0E27",
      {&face(registry, "Noto Serif"), 10.5, {}, {}});
  constexpr double kMeasure = 180;
  const auto lines = text::set_paragraph(paragraph, {kMeasure, text::Align::justify}, context, diags);
  CHECK_FALSE(diags.has_errors());
  REQUIRE(lines.size() >= 3);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    INFO("line " << i);
    CHECK(lines[i].width == Approx(kMeasure).margin(0.01));
    // No glyph stands further from the one before than its advance and a third of an em.
    for (const text::GlyphRun& run : lines[i].runs) {
      const double scale = run.size / run.face->metrics().units_per_em;
      for (std::size_t g = 1; g < run.glyphs.size(); ++g) {
        const auto& before = run.glyphs[g - 1];
        if (run.glyphs[g].begin == before.begin || run.y_of(run.glyphs[g]) != 0 || run.y_of(before) != 0) continue;
        CHECK(run.glyphs[g].x - before.x - before.advance * scale < run.size / 3);
      }
    }
  }
}

TEST_CASE("a character no font covers is reported with its code point", "[text]") {
  fonts::FontRegistry registry({});
  text::StyledParagraph paragraph;
  paragraph.loc = {"fr.yaml", 4, 7};
  paragraph.append("ok \xE0\xA4\x95", {&face(registry, "Noto Serif"), 10, {}, {}});  // Devanagari KA
  core::Diagnostics diags;
  fonts::FontFallback no_fallback(registry, {});
  text::HyphenatorCache hyphenators;
  text::TextContext context{no_fallback, hyphenators};
  text::set_paragraph(paragraph, {200, text::Align::justify}, context, diags);
  REQUIRE(diags.items().size() == 1);
  CHECK(core::format(diags.items()[0]) ==
        "fr.yaml:4:7: error: no font covers U+0915 '\xE0\xA4\x95'\n"
        "  hint: 'Noto Serif' has no glyph for it, nor has any fallback font for script 'Deva'; add a font that "
        "does to theme.fonts or to fonts/fallback.yaml");
}

TEST_CASE("text shaped word by word through the cache is the whole run shaped at once", "[text]") {
  fonts::FontRegistry registry({});
  // Kerning (AV, To, «), ligatures (fi, ffi), no-break spaces (U+00A0, U+202F) inside words,
  // double spaces, a run starting and ending mid-text, Cyrillic and Greek.
  const std::string text =
      "Avant l’immunothérapie, « To » : effi\u00A0cace\u202F? AVATAR  Tout va fi-ni. "
      "Иммунотерапия помогает.  Ανοσοθεραπεία βοηθά. ";
  const struct {
    const char* family;
    fonts::FontStyle style;
  } faces[] = {{"Noto Serif", fonts::FontStyle::regular},
               {"Noto Serif", fonts::FontStyle::italic},
               {"Noto Sans", fonts::FontStyle::bold}};
  for (const auto& [family, style] : faces) {
    const fonts::Face& f = face(registry, family, style);
    text::ShapeCache cache;
    // Without this the cache shapes whole runs and the test proves nothing.
    REQUIRE(cache.spaces_stand_apart(f));
    for (const auto& [begin, end, script] : {std::tuple<std::size_t, std::size_t, const char*>{0, 76, "Latn"},
                                             {3, 51, "Latn"},
                                             {76, 121, "Cyrl"},
                                             {122, 161, "Grek"}}) {
      const auto whole = text::shape(f, text, begin, end, "fr", script);
      const auto& words = cache.shape(f, text, begin, end, "fr", script, false);
      REQUIRE(words.size() == whole.size());
      for (std::size_t i = 0; i < whole.size(); ++i) {
        CHECK(words[i].id == whole[i].id);
        CHECK(words[i].advance == whole[i].advance);
        CHECK(words[i].x_offset == whole[i].x_offset);
        CHECK(words[i].y_offset == whole[i].y_offset);
        CHECK(words[i].cluster == whole[i].cluster);
      }
    }
  }
}

TEST_CASE("a paragraph's runs come from the cache only for the same text, styles' faces and languages, and bidi",
          "[text]") {
  fonts::FontRegistry registry({});
  core::Diagnostics diags;
  fonts::FontFallback fallback{registry, load::load_font_config(LEAFPRESS_SOURCE_DIR "/fonts", diags)};
  const fonts::Face& serif = face(registry, "Noto Serif");
  const fonts::Face& bold = face(registry, "Noto Serif", fonts::FontStyle::bold);
  const fonts::Face& italic = face(registry, "Noto Serif", fonts::FontStyle::italic);
  const auto paragraph = [&](double size, const fonts::Face& second, const std::string& language,
                             document::Direction direction) {
    text::StyledParagraph p;
    p.language = "fr";
    p.direction = direction;
    p.append("Le mot \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D et ", {&serif, size, {}, {}});  // Hebrew, from a fallback face
    p.append("\xE0\xB8\xAA\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\xAA\xE0\xB8\x94\xE0\xB8\xB5 fin 1-2",  // Thai, then Latin
             {&second, size, {}, {}, language});
    return p;
  };
  const auto same = [](const std::vector<text::ShapingRun>& a, const std::vector<text::ShapingRun>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i].begin != b[i].begin || a[i].end != b[i].end || a[i].style_run != b[i].style_run ||
          a[i].face != b[i].face || a[i].script != b[i].script || a[i].level != b[i].level) {
        return false;
      }
    }
    return true;
  };
  text::ShapeCache cache;
  const auto direct = [&](const text::StyledParagraph& p) {
    return text::itemize(p, text::resolve_bidi(p.text, p.direction, p.left_to_right), fallback);
  };
  // The second style run differs from the first (bold or italic), so that every variant has
  // the same two style runs.
  const auto ltr = document::Direction::ltr;
  const auto variants = {paragraph(10, bold, "", ltr),    paragraph(14, bold, "", ltr),
                         paragraph(10, italic, "", ltr),  paragraph(10, bold, "th", ltr),
                         paragraph(10, bold, "", document::Direction::rtl), paragraph(10, bold, "", ltr)};
  for (const text::StyledParagraph& p : variants) {
    const std::vector<text::ShapingRun> cached = cache.runs(p, fallback).runs;
    CHECK(same(cached, direct(p)));
  }
  // Another size keeps the runs; another face or direction changes them.
  CHECK(same(direct(paragraph(10, bold, "", ltr)), direct(paragraph(14, bold, "", ltr))));
  CHECK_FALSE(same(direct(paragraph(10, bold, "", ltr)), direct(paragraph(10, italic, "", ltr))));
  CHECK_FALSE(same(direct(paragraph(10, bold, "", ltr)), direct(paragraph(10, bold, "", document::Direction::rtl))));
}

TEST_CASE("a paragraph set again in one context comes out as it does in a fresh one", "[text]") {
  // The context keeps each paragraph's glyphs and break places apart from its sizes and
  // measure (PreparedParagraphs): setting it again at another size, measure, alignment or
  // with hyphens must give the lines a context that never saw it gives.
  fonts::FontRegistry registry({});
  core::Diagnostics diags;
  fonts::FontFallback fallback(registry, load::load_font_config(LEAFPRESS_SOURCE_DIR "/fonts", diags));
  const auto paragraph = [&](double size, double bold_size) {
    text::StyledParagraph p;
    p.language = "fr";
    p.append("L\u2019immunoth\u00E9rapie stimule les d\u00E9fenses naturelles de l\u2019organisme ",
             {&face(registry, "Noto Serif"), size, {}, {}});
    p.append("contre les cellules canc\u00E9reuses", {&face(registry, "Noto Serif", fonts::FontStyle::bold), bold_size, {}, {}});
    p.append(", \u0627\u0644\u0639\u0644\u0627\u062C \u0627\u0644\u0645\u0646\u0627\u0639\u064A, et ses effets "
             "ind\u00E9sirables se soignent bien.",
             {&face(registry, "Noto Serif"), size, {}, {}});
    return p;
  };
  struct Setting {
    double size;
    double bold_size;
    text::ParagraphSettings settings;
  };
  const std::vector<Setting> settings = {
      {10.5, 10.5, {150, text::Align::justify, true, 0}}, {12.6, 12.6, {150, text::Align::justify, true, 0}},
      {10.5, 10.5, {150, text::Align::justify, false, 0}}, {10.5, 12, {230, text::Align::start, false}},
      {9, 9, {120, text::Align::end, true, 0}},            {10.5, 10.5, {150, text::Align::justify, true, 0}}};
  text::HyphenatorCache shared_hyphenators;
  text::TextContext shared{fallback, shared_hyphenators};
  std::vector<std::size_t> hyphenated;  // by setting, in a fresh context
  for (const Setting& s : settings) {
    const text::StyledParagraph p = paragraph(s.size, s.bold_size);
    const auto again = text::set_paragraph(p, s.settings, shared, diags);
    text::HyphenatorCache hyphenators;
    text::TextContext fresh{fallback, hyphenators};
    const auto first = text::set_paragraph(p, s.settings, fresh, diags);
    REQUIRE(again.size() == first.size());
    for (std::size_t l = 0; l < first.size(); ++l) {
      CHECK(again[l].width == first[l].width);
      REQUIRE(again[l].runs.size() == first[l].runs.size());
      for (std::size_t r = 0; r < first[l].runs.size(); ++r) {
        const text::GlyphRun& a = again[l].runs[r];
        const text::GlyphRun& b = first[l].runs[r];
        CHECK(a.size == b.size);
        CHECK(a.x == b.x);
        CHECK(a.face == b.face);
        REQUIRE(a.glyphs.size() == b.glyphs.size());
        for (std::size_t g = 0; g < b.glyphs.size(); ++g) {
          CHECK(a.glyphs[g].id == b.glyphs[g].id);
          CHECK(a.glyphs[g].x == b.glyphs[g].x);
          CHECK(a.glyphs[g].begin == b.glyphs[g].begin);
        }
      }
    }
    hyphenated.push_back(fresh.counts.hyphenated);
  }
  CHECK_FALSE(diags.has_errors());
  // The paragraph set with hyphens, then without at the same size and measure: only the
  // first has lines ending at a hyphen.
  CHECK(hyphenated[0] > 0);
  CHECK(hyphenated[2] == 0);
}

namespace {

/// The glyphs of `lines`, each with its line, run and place, to compare settings.
std::vector<std::tuple<std::size_t, std::size_t, std::uint32_t, double>> placed_glyphs(
    const std::vector<text::Line>& lines) {
  std::vector<std::tuple<std::size_t, std::size_t, std::uint32_t, double>> glyphs;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    for (std::size_t r = 0; r < lines[l].runs.size(); ++r) {
      const text::GlyphRun& run = lines[l].runs[r];
      for (const text::PlacedGlyph& glyph : run.glyphs) glyphs.emplace_back(l, r, glyph.id, run.x + glyph.x);
    }
  }
  return glyphs;
}

}  // namespace

TEST_CASE("a paragraph sets alike in a context that set others before and reuses their buffers", "[text]") {
  fonts::FontRegistry registry({});
  const fonts::Face& serif = face(registry, "Noto Serif");
  const auto paragraph_of = [&](const std::string& words) {
    text::StyledParagraph paragraph;
    paragraph.language = "fr";
    paragraph.append(words, {&serif, 10, {}, {}});
    return paragraph;
  };
  const text::StyledParagraph longer = paragraph_of(
      "Les anticorps monoclonaux reconnaissent une cible précise à la surface des cellules tumorales et "
      "aident le système immunitaire à les détruire, parfois pendant plusieurs mois après le traitement.");
  const text::StyledParagraph shorter = paragraph_of("Parlez-en à votre médecin traitant.");
  fonts::FontFallback no_fallback(registry, {});
  text::HyphenatorCache hyphenators;
  core::Diagnostics diags;
  const auto fresh = [&](const text::StyledParagraph& paragraph, double width) {
    text::TextContext context{no_fallback, hyphenators};
    return placed_glyphs(text::set_paragraph(paragraph, {width, text::Align::justify, true}, context, diags));
  };
  text::TextContext reused{no_fallback, hyphenators};
  for (const double width : {400.0, 150.0, 90.0}) {
    CHECK(placed_glyphs(text::set_paragraph(longer, {width, text::Align::justify, true}, reused, diags)) ==
          fresh(longer, width));
    CHECK(placed_glyphs(text::set_paragraph(shorter, {width, text::Align::justify, true}, reused, diags)) ==
          fresh(shorter, width));
  }
}

TEST_CASE("a cleared styled paragraph is a new one whatever it held", "[text]") {
  fonts::FontRegistry registry({});
  const fonts::Face& serif = face(registry, "Noto Serif");
  text::StyledParagraph used;
  used.language = "ar";
  used.direction = document::Direction::rtl;
  used.loc = {"ar.yaml", 3, 1};
  used.append("https://example.org/a-long-link", {&serif, 12, {}, "https://example.org/a-long-link", "en"});
  used.unhyphenatable.push_back({0, 5});
  used.left_to_right.push_back({0, 5});
  used.clear();
  CHECK(used.text.empty());
  CHECK(used.runs.empty());
  CHECK(used.unhyphenatable.empty());
  CHECK(used.left_to_right.empty());
  CHECK(used.loc.file.empty());
  used.append("texte", {&serif, 10, {}, {}});
  text::StyledParagraph fresh;
  fresh.append("texte", {&serif, 10, {}, {}});
  std::string used_key;
  std::string fresh_key;
  text::append_shaping_key(used_key, used);
  text::append_shaping_key(fresh_key, fresh);
  CHECK(used_key == fresh_key);
}
