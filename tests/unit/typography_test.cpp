#include "locale/typography.hpp"

#include <catch2/catch.hpp>
#include <map>

#include "locale/locale_facts.hpp"
#include "locale/localize.hpp"

using namespace leafpress;
using document::Span;

// Expected strings spell invisible characters as escapes: U+00A0 no-break space, U+202F
// narrow no-break space, U+2019 apostrophe, U+2013 en dash, U+2014 em dash, U+2026 ellipsis
// (plain literals: C++20 gives u8"" the type char8_t, and GCC encodes \u escapes as UTF-8).

namespace {

/// The text set, its spans joined (a URL, address or telephone number is a span of its own).
std::string set(std::string_view language, const std::string& text) {
  std::string out;
  for (const Span& span : locale::apply_typography({Span{text}}, locale::typography_rules(language))) out += span.text;
  return out;
}

std::vector<Span> set_spans(std::string_view language, const std::vector<Span>& spans) {
  return locale::apply_typography(spans, locale::typography_rules(language));
}

}  // namespace

TEST_CASE("quotation marks come from ICU's locale data", "[typography]") {
  CHECK(locale::typography_rules("fr").quote_open == U'\u00AB');
  CHECK(locale::typography_rules("de").quote_open == U'\u201E');
  CHECK(locale::typography_rules("de").nested_quote_close == U'\u2018');
  CHECK(locale::typography_rules("en-GB").quote_close == U'\u201D');
  CHECK(locale::typography_rules("fr-CA").digit_group_separator == U'\u00A0');
  CHECK(locale::typography_rules("fr").digit_group_separator == U'\u202F');
  CHECK_FALSE(locale::typography_rules("en").digit_group_separator);
}

TEST_CASE("French: spaces before high punctuation and inside guillemets", "[typography]") {
  CHECK(set("fr", "Il m'a dit : « courage ! »") == "Il m\u2019a dit\u00A0: «\u202Fcourage\u202F!\u202F»");
  CHECK(set("fr", "Il dit \"courage\" ; elle, \"non\".") ==
        "Il dit «\u202Fcourage\u202F»\u202F; elle, «\u202Fnon\u202F».");
  CHECK(set("fr", "Pourquoi? Parce que!") == "Pourquoi\u202F? Parce que\u202F!");
  CHECK(set("fr", "«courage»") == "«\u202Fcourage\u202F»");
  CHECK(set("fr", "Note: voir") == "Note\u00A0: voir");
  CHECK(set("fr", "Quoi ?!") == "Quoi\u202F?!");
  CHECK(set("fr-CH", "Vraiment ?") == "Vraiment\u202F?");
}

TEST_CASE("French: a colon or mark inside a word, time or address is not punctuation", "[typography]") {
  CHECK(set("fr", "à 10:30, le ratio 1;2") == "à 10:30, le ratio 1;2");
  CHECK(set("fr", "voir https://example.org/a?b=1;c:d ou contact@inserm.fr !") ==
        "voir https://example.org/a?b=1;c:d ou contact@inserm.fr\u202F!");
  CHECK(set("fr", "Lien : https://example.org/x-1...2 - fin.") ==
        "Lien\u00A0: https://example.org/x-1...2 \u2013 fin.");
  CHECK(set("fr", "(voir www.inca.fr/l'avis) !") == "(voir www.inca.fr/l'avis)\u202F!");
}

TEST_CASE("French: numbers, percent and units", "[typography]") {
  CHECK(set("fr", "380 000 cas") == "380\u202F000 cas");
  CHECK(set("fr", "1 234 567 et 12 345,5") == "1\u202F234\u202F567 et 12\u202F345,5");
  CHECK(set("fr", "environ 17-20 %") == "environ 17\u201320\u202F%");
  CHECK(set("fr", "20%") == "20\u202F%");
  CHECK(set("fr", "5 mg, 38 °C, 2 h, 58 ans") == "5\u00A0mg, 38\u00A0°C, 2\u00A0h, 58 ans");
  CHECK(set("fr", "il 3 m'a") == "il 3 m\u2019a");
  // A telephone number starts with 0 and is never broken; "12 3456" and "1234 567" are not
  // grouped thousands.
  CHECK(set("fr", "appelez le 0 805 123 124") == "appelez le 0\u00A0805\u00A0123\u00A0124");
  CHECK(set("fr", "12 3456 et 1234 567") == "12 3456 et 1234 567");
}

TEST_CASE("ranges take an en dash, identifiers keep their hyphen", "[typography]") {
  CHECK(set("en", "about 17-20% of 1-2 people, pages 10-12") ==
        "about 17\u201320% of 1\u20132 people, pages 10\u201312");
  CHECK(set("en", "PD-1, CTLA-4, CAR-T, anti-PD-L1, COVID-19") == "PD-1, CTLA-4, CAR-T, anti-PD-L1, COVID-19");
  CHECK(set("en", "on 2024-01-15, -5 to -10") == "on 2024-01-15, -5 to -10");
  CHECK(set("fr", "les anti-CTLA-4") == "les anti-CTLA-4");
}

TEST_CASE("spaced hyphens become the language's dash, typed dashes stay", "[typography]") {
  CHECK(set("fr", "avant - après") == "avant \u2013 après");
  CHECK(set("de", "vorher - nachher") == "vorher \u2013 nachher");
  CHECK(set("es", "antes - después") == "antes \u2013 después");
  CHECK(set("en-GB", "before - after") == "before \u2013 after");
  CHECK(set("en", "before - after") == "before\u2014after");
  CHECK(set("en", "before\u2014after, — A patient") == "before\u2014after, — A patient");
}

TEST_CASE("ellipses", "[typography]") {
  CHECK(set("fr", "Et puis...") == "Et puis\u2026");
  CHECK(set("fr", "Et puis... ?") == "Et puis\u2026\u202F?");
  CHECK(set("en", "Wait.... or .. no") == "Wait.... or .. no");
}

TEST_CASE("English: curly quotes, apostrophes, no space before punctuation", "[typography]") {
  CHECK(set("en", "the \"brakes\", couldn't, patients'") == "the \u201Cbrakes\u201D, couldn\u2019t, patients\u2019");
  CHECK(set("en", "\"she said \"no\" today\"") == "\u201Cshe said \u2018no\u2019 today\u201D");
  CHECK(set("en", "(\"quoted\")") == "(\u201Cquoted\u201D)");
  CHECK(set("en", "Why ? Because : yes !") == "Why? Because: yes!");
  CHECK(set("en", "380,000 and 380 000") == "380,000 and 380 000");
  CHECK(set("en", "17-20% or 20 % or 5 mg") == "17\u201320% or 20\u00A0% or 5\u00A0mg");
}

TEST_CASE("Spanish, German, Italian, Portuguese: quotes from ICU, no-break spaces in numbers", "[typography]") {
  CHECK(set("es", "Dijo \"sí\" y \"a \"b\" c\".") == "Dijo «sí» y «a \u201Cb\u201D c».");
  CHECK(set("es", "¿\"Qué\"? un 20 % de 380 000") == "¿«Qué»? un 20\u00A0% de 380\u202F000");
  CHECK(set("de", "Er sagte \"ja\", das geht's, 20 %") == "Er sagte \u201Eja\u201C, das geht\u2019s, 20\u00A0%");
  CHECK(set("de", "\"außen \"innen\"\"") == "\u201Eaußen \u201Ainnen\u2018\u201C");
  CHECK(set("de", "380 000 Fälle") == "380\u202F000 Fälle");
  CHECK(set("it", "l'\"immunoterapia\"") == "l\u2019«immunoterapia»");
  CHECK(set("pt", "a \"imunoterapia\"") == "a \u201Cimunoterapia\u201D");
  CHECK(set("pt-PT", "380 000") == "380\u00A0000");
}

TEST_CASE("Arabic: ICU's quotes, CLDR's digits, percent kept with its number", "[typography]") {
  CHECK(set("ar", "قال \"نعم\"") == "قال \u201Dنعم\u201C");
  // CLDR's digits for ar are Arabic-Indic: typed digits take them, the same as page and
  // list numbers. Right to left, a number's groups are joined so that bidi keeps them in order.
  CHECK(locale::typography_rules("ar").zero_digit == U'\u0660');
  CHECK(set("ar", "380 000 و 20 % و ٢٠ ٪") == "٣٨٠\u00A0٠٠٠ و ٢٠\u00A0% و ٢٠\u00A0٪");
  CHECK(set("ar", "الرقم 0 805 123 124 مجاني") == "الرقم ٠\u00A0٨٠٥\u00A0١٢٣\u00A0١٢٤ مجاني");
  // Words with Latin letters and addresses keep the digits they were typed with.
  CHECK(set("ar", "مضادات PD-1 و COVID-19 في https://x.org/2024 سنة 2024") ==
        "مضادات PD-1 و COVID-19 في https://x.org/2024 سنة ٢٠٢٤");
  // A leaflet choosing Western digits for Arabic (digits: {ar: latn}) keeps them.
  locale::TypographyRules western = locale::typography_rules("ar");
  western.zero_digit = U'0';
  CHECK(locale::apply_typography({Span{"380 000"}}, western).at(0).text == "380\u00A0000");
  CHECK(locale::numbering_zero("arabext") == U'\u06F0');
  CHECK(locale::numbering_zero("latn") == U'0');
  CHECK_FALSE(locale::numbering_zero("roman"));
  CHECK_FALSE(locale::numbering_zero("nonsense"));
  CHECK(locale::locale_facts("he").numbering == "latn");
  CHECK(locale::typography_rules("fa").zero_digit == U'\u06F0');
}

TEST_CASE("already-correct text is left alone and the rules are idempotent", "[typography]") {
  const std::string correct =
      "L\u2019équipe «\u202Fdit\u202F»\u00A0: 17\u201320\u202F% de 380\u202F000\u2026 oui\u00A0!";
  CHECK(set("fr", correct) == correct);
  CHECK(set("en", "\u201CIt\u2019s\u201D \u2018fine\u2019\u2026") == "\u201CIt\u2019s\u201D \u2018fine\u2019\u2026");
  for (const std::string language : {"fr", "en", "en-GB", "de", "es", "ar"}) {
    for (const std::string text :
         {"Il m'a dit : « courage ! » et \"non\"...", "about 17-20 % of 380 000, 1 234 567 people - PD-1 ?",
          "«x» \"a \"b\" c\" 5 mg https://x.org/a?b:c 20%"}) {
      const std::string once = set(language, text);
      CHECK(set(language, once) == once);
    }
  }
}

TEST_CASE("rules see across span boundaries and keep every span's styles", "[typography]") {
  const std::vector<Span> in{{"Il dit \"", false, false, ""}, {"courage", false, true, ""}, {"\" !", false, false, ""}};
  const auto out = set_spans("fr", in);
  CHECK(out == std::vector<Span>{{"Il dit «\u202F", false, false, ""},
                                 {"courage", false, true, ""},
                                 {"\u202F»\u202F!", false, false, ""}});

  const std::vector<Span> ranged{{"de 17", false, false, ""}, {"-", true, false, ""}, {"20 ", false, false, ""},
                                 {"%", false, true, ""}};
  CHECK(set_spans("fr", ranged) == std::vector<Span>{{"de 17", false, false, ""},
                                                     {"\u2013", true, false, ""},
                                                     {"20\u202F", false, false, ""},
                                                     {"%", false, true, ""}});
}

TEST_CASE("link URLs are never touched, link text is set like the rest", "[typography]") {
  const std::string url = "https://www.inserm.fr/l'avis-1-2...\"x\"";
  const std::vector<Span> in{{"voir le ", false, false, ""}, {"dossier de l'Inserm", false, false, url},
                             {" !", false, false, ""}};
  CHECK(set_spans("fr", in) == std::vector<Span>{{"voir le ", false, false, ""},
                                                 {"dossier de l\u2019Inserm", false, false, url},
                                                 {"\u202F!", false, false, ""}});
  const std::vector<Span> bare{{"https://example.org/a-1-2...b", false, false, "https://example.org/a-1-2...b"}};
  std::vector<Span> bare_set = bare;
  bare_set[0].left_to_right = true;
  CHECK(set_spans("fr", bare) == bare_set);
}

TEST_CASE("telephone numbers keep their hyphens and spaces, as one left-to-right span", "[typography]") {
  // Hebrew: the hyphen stays a hyphen (an en dash let bidi show 1234567–03).
  const auto hebrew = set_spans("he", {Span{"\u05D4\u05EA\u05E7\u05E9\u05E8\u05D5 03-1234567."}});
  REQUIRE(hebrew.size() == 3);
  CHECK(hebrew[1].text == "03-1234567");
  CHECK(hebrew[1].left_to_right);
  CHECK_FALSE(hebrew[0].left_to_right);
  CHECK(hebrew[2].text == ".");
  const auto french = set_spans("fr", {Span{"appelez le +33 1 23 45 67 89 ou le 0 805 123 124 !"}});
  REQUIRE(french.size() == 5);
  CHECK(french[1].text == "+33\u00A01\u00A023\u00A045\u00A067\u00A089");
  CHECK(french[3].text == "0\u00A0805\u00A0123\u00A0124");
  CHECK(french[1].left_to_right);
  CHECK(french[3].left_to_right);
  CHECK(set("en", "call 555-123-4567 or (030) 1234-5678") == "call 555-123-4567 or (030)\u00A01234-5678");
  CHECK(set_spans("en", {Span{"call (030) 1234-5678"}}).at(1).text == "(030)\u00A01234-5678");
  // Ranges, dates, decimals and grouped thousands are not telephone numbers.
  CHECK(set("en", "in 2020-2024, on 2024-01-15 and 15.01.2024, 3.14159265, 1,000,000,000") ==
        "in 2020\u20132024, on 2024-01-15 and 15.01.2024, 3.14159265, 1,000,000,000");
  CHECK(set_spans("fr", {Span{"1 000 000 000 cas"}}).size() == 1);
  CHECK(set_spans("en", {Span{"NCT01234567"}}).size() == 1);
  // Setting twice gives the same spans as once.
  CHECK(set_spans("fr", french) == french);
  // A long run of digits and brackets is read in linear time, and is no telephone number.
  std::string digits;
  for (int i = 0; i < 200000; ++i) digits += "(1";
  CHECK(set_spans("fr", {Span{digits}}).size() == 1);
}

TEST_CASE("URLs and e-mail addresses are left-to-right spans of their own", "[typography]") {
  const auto arabic = set_spans("ar", {Span{"\u0632\u0648\u0631\u0648\u0627 https://www.inserm.fr/ \u0623\u0648 info@inserm.fr."}});
  REQUIRE(arabic.size() == 5);
  CHECK(arabic[1].text == "https://www.inserm.fr/");
  CHECK(arabic[1].left_to_right);
  CHECK(arabic[3].text == "info@inserm.fr");
  CHECK(arabic[3].left_to_right);
  CHECK_FALSE(arabic[4].left_to_right);
}

TEST_CASE("Hebrew abbreviations take gershayim and geresh, quotations the locale's marks", "[typography]") {
  // מחו"ל (abroad) and ג' (the third) as typed on a Hebrew keyboard; "הבלמים" is a quotation.
  CHECK(set("he", "\u05DE\u05D7\u05D5\"\u05DC \u05D2' \"\u05D4\u05D1\u05DC\u05DE\u05D9\u05DD\"") ==
        "\u05DE\u05D7\u05D5\u05F4\u05DC \u05D2\u05F3 \u201D\u05D4\u05D1\u05DC\u05DE\u05D9\u05DD\u201D");
}

TEST_CASE("every fixture language quotes with CLDR's marks, opening by position", "[typography]") {
  // The engines fixture's 23 languages (tests/engines/languages): "word" after a space, at
  // the start and after an opening bracket, each with the language's own marks (CLDR 42).
  const std::map<std::string, std::pair<std::string, std::string>> marks = {
      {"ar", {"\u201D", "\u201C"}}, {"bn", {"\u201C", "\u201D"}}, {"de", {"\u201E", "\u201C"}},
      {"el", {"\u00AB", "\u00BB"}}, {"en", {"\u201C", "\u201D"}}, {"es", {"\u00AB", "\u00BB"}},
      {"fa", {"\u00AB", "\u00BB"}}, {"he", {"\u201D", "\u201D"}}, {"hi", {"\u201C", "\u201D"}},
      {"ja", {"\u300C", "\u300D"}}, {"ko", {"\u201C", "\u201D"}}, {"pl", {"\u201E", "\u201D"}},
      {"pt", {"\u201C", "\u201D"}}, {"ro", {"\u201E", "\u201D"}}, {"ru", {"\u00AB", "\u00BB"}},
      {"ta", {"\u201C", "\u201D"}}, {"th", {"\u201C", "\u201D"}}, {"tr", {"\u201C", "\u201D"}},
      {"uk", {"\u00AB", "\u00BB"}}, {"ur", {"\u201D", "\u201C"}}, {"vi", {"\u201C", "\u201D"}},
      {"zh", {"\u201C", "\u201D"}}};
  for (const auto& [language, pair] : marks) {
    INFO(language);
    const auto& [open, close] = pair;
    CHECK(set(language, "\"a\" b \"c\" (\"d\")") == open + "a" + close + " b " + open + "c" + close + " (" + open + "d" + close + ")");
  }
}

TEST_CASE("a straight quote after a CJK character opens a quotation when none is open", "[typography]") {
  CHECK(set("zh", "\u677E\u5F00\u7684\"\u5239\u8F66\"\u3002") == "\u677E\u5F00\u7684\u201C\u5239\u8F66\u201D\u3002");
  CHECK(set("zh", "\u8BF4\uFF1A\"\u597D\"") == "\u8BF4\uFF1A\u201C\u597D\u201D");
  CHECK(set("ja", "\u3044\u308F\u3086\u308B\"\u30D6\u30EC\u30FC\u30AD\"\u3067\u3059") ==
        "\u3044\u308F\u3086\u308B\u300C\u30D6\u30EC\u30FC\u30AD\u300D\u3067\u3059");
  CHECK(set("th", "\u0E27\u0E48\u0E32\"\u0E40\u0E1A\u0E23\u0E01\"\u0E02\u0E2D\u0E07") ==
        "\u0E27\u0E48\u0E32\u201C\u0E40\u0E1A\u0E23\u0E01\u201D\u0E02\u0E2D\u0E07");
  CHECK(set("en", "(\"yes\")") == "(\u201Cyes\u201D)");
  CHECK(set("de", "\"Ja\", sagte er") == "\u201EJa\u201C, sagte er");
}

TEST_CASE("localize sets each string in the typography of the language it is written in", "[typography]") {
  document::Document doc;
  doc.default_language = "fr";
  doc.title = {"cover.title", {"leaflet.yaml", 3, 8}};
  doc.blocks.push_back({document::ParagraphBlock<document::TextRef>{{"what.p1", {"leaflet.yaml", 9, 16}}}, {}});
  doc.catalogs["fr"] = {"fr", "fr.yaml", {{"cover.title", {"Titre", {}}}, {"what.p1", {"Pourquoi ?", {}}}}};
  doc.catalogs["en"] = {"en", "en.yaml", {{"cover.title", {"The \"brakes\" ?", {}}}}};
  core::Diagnostics diags;
  const auto en = locale::localize(doc, "en", diags);
  CHECK(en.title == "The \u201Cbrakes\u201D?");
  // The missing string falls back to French and keeps French spacing.
  const auto& paragraph = std::get<document::ParagraphBlock<document::RichText>>(en.blocks.at(0).content);
  CHECK(paragraph.text.plain() == "Pourquoi\u202F?");
}
