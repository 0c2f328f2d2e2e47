#include <catch2/catch.hpp>

#include "locale/combining_marks.hpp"
#include "locale/inline_markup.hpp"
#include "locale/localize.hpp"

using namespace leafpress;
using document::Span;

namespace {

std::vector<Span> parse(const std::string& text, core::Diagnostics& diags) {
  return locale::parse_inline_markup(text, {"fr.yaml", 3, 7}, "what.p1", diags).spans;
}

}  // namespace

TEST_CASE("inline markup gives styled spans", "[locale]") {
  core::Diagnostics diags;
  const auto spans = parse("Les *freins* du **système**, voir [Inserm](https://www.inserm.fr/).", diags);
  CHECK_FALSE(diags.has_errors());
  CHECK(spans == std::vector<Span>{{"Les ", false, false, ""},
                                   {"freins", true, false, ""},
                                   {" du ", false, false, ""},
                                   {"système", false, true, ""},
                                   {", voir ", false, false, ""},
                                   {"Inserm", false, false, "https://www.inserm.fr/"},
                                   {".", false, false, ""}});
}

TEST_CASE("white space collapses and escapes stay literal", "[locale]") {
  core::Diagnostics diags;
  CHECK(parse("  a\n  b\t\\*c\\* \\[d]  ", diags) == std::vector<Span>{{"a b *c* [d]", false, false, ""}});
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("unclosed markers and broken links are errors at the string", "[locale]") {
  core::Diagnostics diags;
  parse("un **gras sans fin", diags);
  parse("voir [ce site](pas une adresse)", diags);
  REQUIRE(diags.items().size() == 2);
  CHECK(core::format(diags.items()[0]) ==
        "fr.yaml:3:7: error: unclosed '**' in string 'what.p1'\n  hint: close it, or write \\* for a literal asterisk");
  CHECK(core::format(diags.items()[1]) ==
        "fr.yaml:3:7: error: malformed link in string 'what.p1'\n  hint: write links as [text](https://example.org), "
        "or \\[ for a literal bracket");
}

TEST_CASE("a string missing from a language falls back with a warning naming key and file", "[locale]") {
  document::Document doc;
  doc.default_language = "fr";
  doc.title = {"cover.title", {"leaflet.yaml", 3, 8}};
  doc.blocks.push_back({document::ParagraphBlock<document::TextRef>{{"what.p1", {"leaflet.yaml", 9, 16}}}, {}});
  doc.catalogs["fr"] = {"fr", "x/fr.yaml", {{"cover.title", {"Titre", {}}}, {"what.p1", {"Bonjour", {}}}}};
  doc.catalogs["en"] = {"en", "x/en.yaml", {{"cover.title", {"Title", {}}}}};
  core::Diagnostics diags;
  const auto en = locale::localize(doc, "en", diags);
  CHECK(en.title == "Title");
  const auto& paragraph = std::get<document::ParagraphBlock<document::RichText>>(en.blocks.at(0).content);
  CHECK(paragraph.text.plain() == "Bonjour");
  REQUIRE(diags.items().size() == 1);
  CHECK(core::format(diags.items()[0]) ==
        "leaflet.yaml:9:16: warning: string 'what.p1' is missing from x/en.yaml; using the 'fr' text\n"
        "  hint: add 'what.p1' to x/en.yaml");
}

TEST_CASE("a bracketed span with a language tag marks a passage in another language", "[locale]") {
  core::Diagnostics diags;
  const auto spans = parse("le « [chimeric antigen receptor]{lang=en} » en anglais", diags);
  CHECK_FALSE(diags.has_errors());
  CHECK(spans == std::vector<Span>{{"le « ", false, false, "", ""},
                                   {"chimeric antigen receptor", false, false, "", "en"},
                                   {" » en anglais", false, false, "", ""}});
  core::Diagnostics bad;
  parse("[words]{lang=}", bad);
  REQUIRE(bad.items().size() == 1);
  CHECK(bad.items()[0].message == "malformed language span in string 'what.p1'");
}

TEST_CASE("runs of more than 30 combining marks are errors, cut to 30", "[locale]") {
  // 30000 accents on one letter took HarfBuzz 13 s to position (each mark searches back
  // for its base across the marks before it).
  std::string accents;
  for (int i = 0; i < 40; ++i) accents += "\xCC\x81";  // U+0301
  core::Diagnostics diags;
  const std::string cut = locale::limit_combining_marks("e" + accents + " ok e\xCC\x81", {"fr.yaml", 3, 7}, "what.p1", diags);
  CHECK(cut == "e" + accents.substr(0, 60) + " ok e\xCC\x81");
  REQUIRE(diags.items().size() == 1);
  CHECK(core::format(diags.items()[0]) ==
        "fr.yaml:3:7: error: 40 combining marks in a row in string 'what.p1'\n"
        "  hint: Unicode's Stream-Safe Text Format (UAX #15) allows at most 30; remove the extra ones");

  core::Diagnostics none;
  // Thirty is fine, and decomposed Vietnamese stacks two.
  CHECK(locale::limit_combining_marks("a" + accents.substr(0, 60) + " Vie\xCC\x82\xCC\xA3t", {}, "k", none) ==
        "a" + accents.substr(0, 60) + " Vie\xCC\x82\xCC\xA3t");
  CHECK_FALSE(none.has_errors());
}

TEST_CASE("a string used many times is read once and counted at each use against the text limit", "[locale]") {
  document::Document doc;
  doc.default_language = "en";
  doc.title = {"t", {"leaflet.yaml", 2, 8}};
  document::ListBlock<document::TextRef> list;
  for (int line = 4; line < 4 + 40; ++line) list.items.push_back({"p", {"leaflet.yaml", line, 5}});
  doc.blocks.push_back({list, {"leaflet.yaml", 4, 3}});
  // 1000 bytes with an unclosed '*': one error, however often the string is used.
  doc.catalogs["en"] = {"en", "x/en.yaml", {{"t", {"T", {"x/en.yaml", 1, 4}}},
                                            {"p", {"*" + std::string(999, 'a'), {"x/en.yaml", 2, 4}}}}};
  core::Limits limits;
  limits.max_pages = 1;  // 128 KiB of text: the 132nd use of a 1000-byte string crosses it
  core::Diagnostics diags;
  const auto en = locale::localize(doc, "en", diags, limits);
  const auto& items = std::get<document::ListBlock<document::RichText>>(en.blocks.at(0).content).items;
  REQUIRE(items.size() == 40);
  CHECK(items.back().plain() == items.front().plain());
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message == "unclosed '*' in string 'p'");

  for (int line = 44; line < 4 + 200; ++line) list.items.push_back({"p", {"leaflet.yaml", line, 5}});
  doc.blocks.at(0).content = list;
  core::Diagnostics over;
  const auto cut = locale::localize(doc, "en", over, limits);
  const auto& cut_items = std::get<document::ListBlock<document::RichText>>(cut.blocks.at(0).content).items;
  REQUIRE(cut_items.size() == 200);
  CHECK(cut_items[130].plain() == items.front().plain());
  CHECK_FALSE(cut_items[130].plain().empty());
  CHECK(cut_items[131].plain().empty());
  CHECK(cut_items.back().plain().empty());
  REQUIRE(over.items().size() == 2);
  CHECK(core::format(over.items()[1]) ==
        "leaflet.yaml:135:5: error: the leaflet's text comes to more than 128 KiB here, more than 1 page can hold\n"
        "  hint: each use of a string counts its text again; use long strings fewer times, or raise the limit with "
        "--max-pages");
}
