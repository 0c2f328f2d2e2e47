#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>

#include "load/load_leaflet.hpp"
#include "load/schema.hpp"
#include "load/yaml_prescan.hpp"
#include "load/csv_rows.hpp"
#include "load/yaml_syntax_hints.hpp"
#include "document/variables.hpp"
#include "support/scratch_dir.hpp"

using namespace leafpress;

namespace {

const char* kStrings = "cover:\n  title: Titre\nwhat:\n  p1: Un paragraphe.\n";

std::vector<std::string> messages(const core::Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.items()) out.push_back(core::format(d));
  return out;
}

/// Loads a leaflet made of `leaflet_yaml` and a fr.yaml, returning what was reported,
/// with the scratch folder's path replaced by "DIR".
std::vector<std::string> load_errors(const std::string& leaflet_yaml, const std::string& fr_yaml = kStrings) {
  const testing::ScratchDir dir;
  dir.write("x/leaflet.yaml", leaflet_yaml);
  dir.write("x/fr.yaml", fr_yaml);
  core::Diagnostics diags;
  load::load_leaflet(dir.path() / "x", diags);
  auto out = messages(diags);
  const std::string prefix = dir.path().string();
  for (auto& line : out) {
    for (std::size_t at; (at = line.find(prefix)) != std::string::npos;) line.replace(at, prefix.size(), "DIR");
  }
  return out;
}

}  // namespace

TEST_CASE("the shipped leaflet loads with its blocks and languages", "[load]") {
  core::Diagnostics diags;
  const auto doc = load::load_leaflet(LEAFPRESS_SOURCE_DIR "/leaflets/immunotherapy", diags);
  INFO(messages(diags).size());
  REQUIRE(doc);
  CHECK_FALSE(diags.has_errors());
  CHECK(doc->default_language == "fr");
  CHECK(doc->languages == std::vector<std::string>{"fr", "en", "es", "ar"});
  CHECK(doc->blocks.size() > 20);
  CHECK(doc->catalogs.at("en").strings.count("cover.title") == 1);
}

TEST_CASE("strings files read on several threads give what reading them in turn gives", "[load]") {
  const testing::ScratchDir dir;
  dir.write("x/leaflet.yaml", "default_language: fr\nlanguages: [fr, en, de, es, ar, it]\ntitle: cover.title\n"
                              "content:\n  - paragraph: what.p1\n");
  dir.write("x/fr.yaml", kStrings);
  dir.write("x/en.yaml", "cover:\n  title: [Title]\nwhat:\n  p1: A paragraph.\n");
  dir.write("x/es.yaml", "cover:\n  title: Título\nwhat:\n  p1: 'unclosed\n");
  dir.write("x/ar.yaml", "cover:\n  title: عنوان\nwhat:\n  p1: فقرة.\n  p9: زائد\n");
  dir.write("x/it.yaml", "cover: {title: 3, sub: {a: [1]}}\nwhat:\n  p1: Un paragrafo.\n");
  for (const bool strict : {false, true}) {
    core::Diagnostics one_thread(strict);
    const auto alone = load::load_leaflet(dir.path() / "x", one_thread, {}, {}, 1);
    const auto said = messages(one_thread);
    // de.yaml is missing, en.yaml and it.yaml hold lists, es.yaml does not parse: each in
    // its file's turn.
    REQUIRE(said.size() >= 4);
    CHECK(said[0].find("en.yaml:2:10: error") != std::string::npos);
    CHECK(said[1].find("missing strings file") != std::string::npos);
    CHECK(said[2].find("es.yaml:") != std::string::npos);
    for (const unsigned threads : {2u, 3u, 8u}) {
      core::Diagnostics several(strict);
      const auto together = load::load_leaflet(dir.path() / "x", several, {}, {}, threads);
      CHECK(messages(several) == said);
      CHECK(together.has_value() == alone.has_value());
    }
  }
  // With every file sound, each language's strings are there, however many threads read them.
  dir.write("x/leaflet.yaml", "default_language: fr\nlanguages: [fr, ar]\ntitle: cover.title\n"
                              "content:\n  - paragraph: what.p1\n");
  dir.write("x/ar.yaml", "cover:\n  title: عنوان\nwhat:\n  p1: فقرة.\n");
  core::Diagnostics diags;
  const auto doc = load::load_leaflet(dir.path() / "x", diags, {}, {}, 2);
  CHECK(messages(diags).empty());
  REQUIRE(doc);
  CHECK(doc->catalogs.at("ar").strings.at("cover.title").text == "عنوان");
  CHECK(doc->catalogs.at("fr").strings.at("what.p1").text == "Un paragraphe.");
}

TEST_CASE("a minimal leaflet loads", "[load]") {
  CHECK(load_errors("default_language: fr\ntitle: cover.title\ncontent:\n  - paragraph: what.p1\n").empty());
}

TEST_CASE("malformed YAML is reported at its place", "[load]") {
  CHECK(load_errors("default_language: fr\ntitle: [cover.title\n") ==
        std::vector<std::string>{"DIR/x/leaflet.yaml:2:8: error: malformed YAML: '[' opens a list that is not closed\n"
                                 "  hint: close it with ']'; if the '[' is text, put the value in quotes: "
                                 "title: \"[cover.title\""});
}

namespace {

/// explain_syntax_error's answer for yaml-cpp's `message` at 0-based `line`/`column`, as
/// "line:column: message | hint" with 1-based places.
std::string explained(std::string_view yaml, int line, int column, std::string_view message) {
  const load::SyntaxError e = load::explain_syntax_error(yaml, line, column, message);
  return std::to_string(e.line + 1) + ":" + std::to_string(e.column + 1) + ": " + e.message + " | " + e.hint;
}

}  // namespace

TEST_CASE("YAML syntax errors name the common mistake and its fix", "[load]") {
  // Each place and message is the one yaml-cpp reports for the text.
  CHECK(explained("a:\n  p: Note: x\n", 1, 9, "illegal map value") ==
        "2:10: malformed YAML: ': ' inside the value of 'p', where YAML expects text to end or a new key to start | "
        "put the whole value in quotes: p: \"Note: x\"");
  CHECK(explained("- paragraph: Voir \"ceci\": x\n", 0, 25, "illegal map value") ==
        "1:26: malformed YAML: ': ' inside the value of 'paragraph', where YAML expects text to end or a new key to "
        "start | put the whole value in quotes: - paragraph: 'Voir \"ceci\": x'");
  CHECK(explained("a:\n  t: x\n\tp: y\n", 2, 0, "illegal tab when looking for indentation").starts_with(
      "3:1: malformed YAML: a tab in the indentation | YAML indents with spaces only"));
  CHECK(explained("a:\n\tt: x\n", 1, 2, "illegal map value").starts_with("2:1: malformed YAML: a tab in the indentation"));
  CHECK(explained("a:\n  t: x\n p: y\n", 2, 1, "end of map not found") ==
        "3:2: malformed YAML: 'p' is indented by 1 space, which lines it up with nothing above it | "
        "indent it by 2 spaces, as 't' on line 2, or no spaces, as 'a' on line 1");
  CHECK(explained("a:\n  t: x\n   p: y\n", 2, 4, "illegal map value") ==
        "3:4: malformed YAML: 'p' is indented more than 't' on line 2, which has a value already | keys of one map "
        "start in the same column: indent 'p' by 2 spaces, as 't'; or, if this line goes on with the text above, put "
        "that text in quotes");
  CHECK(explained("a:\n  p: 'l'eau'\n", 1, 8, "end of map not found") ==
        "2:9: malformed YAML: text after the closing quote of the value of 'p' | a ' inside a '...' value is written "
        "twice (''); or quote the value the other way: p: \"l'eau\"");
  CHECK(explained("a:\n  p: x\n  - y\n", 2, 2, "end of map not found") ==
        "3:3: malformed YAML: a list item among the keys of a map | a key holds one value or a list: to give 'p' a "
        "list, leave nothing after its ':' and write the items below it");
  CHECK(explained("a:\n  p: @x\n", 1, 5, "unknown token") ==
        "2:6: malformed YAML: a value cannot start with '@' | YAML reserves '@'; put the value in quotes: p: \"@x\"");
  // What it cannot explain keeps yaml-cpp's words and place.
  CHECK(explained("a: !<x\n", 0, 3, "end of verbatim tag not found") ==
        "1:4: malformed YAML: end of verbatim tag not found | ");
  CHECK(explained("", 5, 0, "illegal map value") == "6:1: malformed YAML: illegal map value | ");
}

TEST_CASE("a quoted string never closed is an error, not the rest of the file", "[load]") {
  core::Limits limits;
  const auto problem = load::prescan_yaml("a:\n  t: \"Titre\n  p: x\n", limits);
  REQUIRE(problem);
  CHECK(problem->offset == 8);
  CHECK(problem->message == "malformed YAML: the \" here is never closed");
  CHECK_FALSE(load::prescan_yaml("a: \"x\"", limits));
  CHECK_FALSE(load::prescan_yaml("a: 'it''s'", limits));
  CHECK_FALSE(load::prescan_yaml("a: \"two\n  lines\"\n", limits));
  CHECK(load::prescan_yaml("a: 'x''", limits));
}

TEST_CASE("unknown keys get a did-you-mean hint", "[load]") {
  CHECK(load_errors("default_language: fr\ntitle: cover.title\ntheme:\n  colours: {}\ncontent:\n  - paragraph: what.p1\n") ==
        std::vector<std::string>{"DIR/x/leaflet.yaml:4:3: error: unknown key 'colours' in 'theme'\n"
                                 "  hint: did you mean 'colors'?"});
}

TEST_CASE("an unknown block kind names the kinds there are", "[load]") {
  CHECK(load_errors("default_language: fr\ntitle: cover.title\ncontent:\n  - paragraf: what.p1\n  - chart: x\n") ==
        std::vector<std::string>{
            "DIR/x/leaflet.yaml:4:5: error: unknown block kind 'paragraf'\n  hint: did you mean 'paragraph'?",
            "DIR/x/leaflet.yaml:5:5: error: unknown block kind 'chart'\n  hint: block kinds are: title, heading, "
            "paragraph, list, quote, callout, figures, sources, contact, figure, qr, table"});
}

TEST_CASE("wrong types say what was expected and what came", "[load]") {
  CHECK(load_errors("default_language: fr\ntitle: cover.title\npage:\n  columns: many\n  margins:\n    top: 2cm\n"
                    "theme:\n  colors:\n    accent: teal\ncontent:\n  - heading: what.p1\n    level: 7\n") ==
        std::vector<std::string>{
            "DIR/x/leaflet.yaml:4:12: error: expected a whole number from 1 to 3 for 'columns', got 'many'",
            "DIR/x/leaflet.yaml:6:10: error: expected a length such as '20mm', '0.5in' or '12pt' for 'top', got '2cm'",
            "DIR/x/leaflet.yaml:9:13: error: expected a colour such as '#0B6E75' or 'cmyk(100%, 0%, 35%, 45%)' for "
            "'accent', got 'teal'\n  hint: '#RRGGBB' gives red, green and blue in hexadecimal; cmyk() gives the four "
            "inks in percent",
            "DIR/x/leaflet.yaml:12:12: error: expected a whole number from 1 to 3 for 'level', got '7'"});
}

TEST_CASE("prose where a key belongs is explained", "[load]") {
  CHECK(load_errors("default_language: fr\ntitle: cover.title\ncontent:\n  - paragraph: Hello, world\n") ==
        std::vector<std::string>{"DIR/x/leaflet.yaml:4:16: error: expected a string key for 'paragraph', got "
                                 "'Hello, world'\n  hint: keys look like 'what.p1'; the words themselves go in the "
                                 "<lang>.yaml files"});
}

TEST_CASE("required keys and strings of the default language must exist", "[load]") {
  CHECK(load_errors("title: cover.title\ncontent:\n  - paragraph: what.p2\n") ==
        std::vector<std::string>{"DIR/x/leaflet.yaml:1:1: error: missing key 'default_language' in 'leaflet'"});
  CHECK(load_errors("default_language: fr\ntitle: cover.title\ncontent:\n  - paragraph: what.p2\n") ==
        std::vector<std::string>{"DIR/x/leaflet.yaml:4:16: error: no string 'what.p2' in DIR/x/fr.yaml (the default "
                                 "language)\n  hint: add 'what.p2' to DIR/x/fr.yaml"});
}

TEST_CASE("a listed language without its strings file is an error at the listing", "[load]") {
  CHECK(load_errors("default_language: fr\nlanguages: [fr, de]\ntitle: cover.title\ncontent:\n  - paragraph: what.p1\n") ==
        std::vector<std::string>{"DIR/x/leaflet.yaml:2:17: error: missing strings file 'DIR/x/de.yaml' for language 'de'"});
}

TEST_CASE("strings files hold strings or maps of strings", "[load]") {
  CHECK(load_errors("default_language: fr\ntitle: cover.title\ncontent:\n  - paragraph: what.p1\n",
                    "cover:\n  title: Titre\n  title: Encore\nwhat:\n  p1: [a, b]\n") ==
        std::vector<std::string>{
            "DIR/x/fr.yaml:3:3: error: duplicate key 'cover.title'",
            "DIR/x/fr.yaml:5:7: error: expected a string or a map of strings for 'what.p1', got a list",
            "DIR/x/leaflet.yaml:4:16: error: no string 'what.p1' in DIR/x/fr.yaml (the default language)\n"
            "  hint: add 'what.p1' to DIR/x/fr.yaml"});
}

TEST_CASE("invalid UTF-8 is reported at its line and column", "[load]") {
  CHECK(load_errors("default_language: fr\ntitle: co\xFFver\n") ==
        std::vector<std::string>{"DIR/x/leaflet.yaml:2:10: error: invalid UTF-8 byte sequence\n  hint: save the file "
                                 "as UTF-8"});
}

TEST_CASE("a folder without leaflet.yaml is named", "[load]") {
  const testing::ScratchDir dir;
  core::Diagnostics diags;
  CHECK_FALSE(load::load_leaflet(dir.path(), diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message == "no leaflet.yaml in this folder");
}

TEST_CASE("language tags and string keys have the expected shape", "[load]") {
  CHECK(load::is_language_tag("fr"));
  CHECK(load::is_language_tag("pt-BR"));
  CHECK(load::is_language_tag("zh-Hant"));
  CHECK_FALSE(load::is_language_tag("leaflet"));
  CHECK_FALSE(load::is_language_tag("FR"));
  CHECK(load::is_string_key("what.p1"));
  CHECK(load::is_string_key("how.cart.steps.collect"));
  CHECK_FALSE(load::is_string_key("what..p1"));
  CHECK_FALSE(load::is_string_key("Hello world"));
}

TEST_CASE("a title that is not a key is reported once, not again as a missing string", "[load]") {
  CHECK(load_errors("default_language: fr\ntitle: [a, b]\ncontent:\n  - paragraph: what.p1\n") ==
        std::vector<std::string>{"DIR/x/leaflet.yaml:2:8: error: expected a string key for 'title', got a list"});
}

namespace {

/// What prescan_yaml refuses in `yaml` as "line:col: message" (1-based), or "" for nothing.
std::string prescan(const std::string& yaml, core::Limits limits = {}) {
  const auto problem = load::prescan_yaml(yaml, limits);
  if (!problem) return "";
  const auto before = yaml.substr(0, problem->offset);
  const auto line = 1 + std::count(before.begin(), before.end(), '\n');
  const auto column = problem->offset - (before.rfind('\n') == std::string::npos ? 0 : before.rfind('\n') + 1) + 1;
  return std::to_string(line) + ":" + std::to_string(column) + ": " + problem->message;
}

}  // namespace

TEST_CASE("the pre-scan lets through what leaflets are written with", "[load]") {
  // Brackets, asterisks and quotes inside plain, folded and quoted strings are text.
  CHECK(prescan("p1: See [our website](https://example.org) for *more*.\n"
                "p2: >-\n  [not a list] *not an alias* {nor a map}\n  \"unbalanced\n"
                "p3: \"a *quoted* [string]\"\n"
                "p4: 'it''s [fine]'\n"
                "p5: a plain string\n  going on [over] *lines*\n"
                "p6: |\n  - literal\n  - lines\n"
                "list: [a, 'b, c', \"d]\", {e: f}]\n"
                "k: v # a comment with *stars* and [brackets\n") == "");
}

TEST_CASE("the pre-scan counts nesting up to the limit, and refuses one level more", "[load]") {
  core::Limits limits;
  limits.max_nesting = 3;
  CHECK(prescan("a:\n  b:\n    c: [x]\n", limits) == "3:8: maps and lists nested deeper than 3 levels");
  CHECK(prescan("a:\n  b:\n    c: x\n", limits) == "");
  CHECK(prescan("- - [x]\n", limits) == "");
  CHECK(prescan("- - - x\n", limits) == "");
  CHECK(prescan("- - - - x\n", limits) == "1:7: maps and lists nested deeper than 3 levels");
  // A list under a key at the key's column is a level: map, list, map, list.
  CHECK(prescan("a:\n- b\n", limits) == "");
  CHECK(prescan("a:\n- b:\n  - c\n", limits) == "3:3: maps and lists nested deeper than 3 levels");
  // A key: value entry of a list is a map: map, list, map, list.
  CHECK(prescan("x: [a: b]\n", limits) == "");
  CHECK(prescan("x: [a: [b]]\n", limits) == "1:8: maps and lists nested deeper than 3 levels");
  CHECK(prescan("? [[x]]\n: y\n", limits) == "");
}

TEST_CASE("the pre-scan refuses aliases and long strings at their place", "[load]") {
  CHECK(prescan("a: &x [1]\nb: *x\n") == "2:4: YAML aliases are not allowed in leaflet files, found '*x'");
  CHECK(prescan("a: [&x 1, *x]\n") == "1:11: YAML aliases are not allowed in leaflet files, found '*x'");
  CHECK(prescan("- &a x\n- *a\n") == "2:3: YAML aliases are not allowed in leaflet files, found '*a'");
  core::Limits limits;
  limits.max_string_bytes = 10;
  CHECK(prescan("p: 0123456789\n", limits) == "");
  CHECK(prescan("p: 0123456789a\n", limits) == "1:4: string longer than the limit of 10 bytes");
  CHECK(prescan("p: \"0123456789\"\n", limits) == "1:4: string longer than the limit of 10 bytes");
  CHECK(prescan("p: 01234\n  56789\n", limits) == "1:4: string longer than the limit of 10 bytes");
  CHECK(prescan("p: |\n  0123456789\n", limits) == "1:4: string longer than the limit of 10 bytes");
  CHECK(prescan("p: [0123456789a]\n", limits) == "1:5: string longer than the limit of 10 bytes");
}

TEST_CASE("yaml-cpp's own readings are checked in the tree it builds", "[load]") {
  // yaml-cpp reads each ':' line under an empty ':' value as a map one level deeper.
  std::string deep;
  for (int i = 0; i < 70; ++i) deep += ":\n";
  core::Diagnostics diags;
  CHECK_FALSE(load::parse_yaml_text(deep, "f.yaml", diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message == "maps and lists nested deeper than 64 levels");
}

TEST_CASE("margins must leave room for text on the page", "[load]") {
  // Margins wider than the page laid text out at a negative width, off the page, with
  // only overflow warnings (found with tests/fuzz, pipeline_fuzz).
  const std::string rest = "title: cover.title\ncontent:\n  - paragraph: what.p1\n";
  CHECK(load_errors("default_language: fr\npage:\n  margins: {inside: 1000pt, outside: 1000pt}\n" + rest) ==
        std::vector<std::string>{"DIR/x/leaflet.yaml:3:12: error: the margins leave a text frame of -1405 x 712 pt on "
                                 "the A4 page\n  hint: leave at least 144 pt (51 mm) each way; the page is 595 x 842 pt"});
  CHECK(load_errors("default_language: fr\npage:\n  margins: {top: 400pt, bottom: 300pt}\n" + rest) ==
        std::vector<std::string>{"DIR/x/leaflet.yaml:3:12: error: the margins leave a text frame of 481 x 142 pt on "
                                 "the A4 page\n  hint: leave at least 144 pt (51 mm) each way; the page is 595 x 842 pt"});
  CHECK(load_errors("default_language: fr\npage:\n  margins: {top: 348pt, bottom: 349pt, inside: 225pt, outside: 225pt}\n" +
                    rest)
            .empty());
}

TEST_CASE("print: asks for a press file, alone it has the defaults, lengths in any unit", "[load][press]") {
  const testing::ScratchDir dir;
  dir.write("x/fr.yaml", kStrings);
  auto load = [&](const std::string& print) {
    dir.write("x/leaflet.yaml", "default_language: fr\ntitle: cover.title\n" + print + "content:\n  - paragraph: what.p1\n");
    core::Diagnostics diags;
    auto doc = load::load_leaflet(dir.path() / "x", diags);
    CHECK(messages(diags).empty());
    REQUIRE(doc);
    return *doc;
  };
  CHECK_FALSE(load("").print);
  const auto defaults = load("print:\n");
  REQUIRE(defaults.print);
  CHECK(defaults.print->bleed == Approx(core::mm(3)));
  CHECK(defaults.print->crop_marks);
  CHECK_FALSE(defaults.print->profile);
  CHECK(defaults.print->loc.line == 3);
  CHECK(defaults.print->rendering_intent == document::RenderingIntent::relative_colorimetric);
  const auto set = load("print:\n  bleed: 0.125in\n  crop_marks: false\n  rendering_intent: perceptual\n");
  REQUIRE(set.print);
  CHECK(set.print->bleed == Approx(9));
  CHECK_FALSE(set.print->crop_marks);
  CHECK(set.print->rendering_intent == document::RenderingIntent::perceptual);

  // A printing condition without a profile names nothing the file can claim; an unknown
  // intent is an error at its value.
  dir.write("x/leaflet.yaml", "default_language: fr\ntitle: cover.title\nprint:\n  output_condition: FOGRA39\n"
                              "  rendering_intent: colorimetric\ncontent:\n  - paragraph: what.p1\n");
  core::Diagnostics diags;
  load::load_leaflet(dir.path() / "x", diags);
  const auto said = messages(diags);
  REQUIRE(said.size() == 2);
  CHECK(said[0].find("leaflet.yaml:5:21: error: unknown rendering intent 'colorimetric'\n  hint: use "
                     "relative_colorimetric (the default), perceptual, saturation or absolute_colorimetric") !=
        std::string::npos);
  CHECK(said[1].find("leaflet.yaml:4:21: warning: output_condition is used only with an icc_profile") !=
        std::string::npos);
}

TEST_CASE("a leaflet held in memory loads as its folder does", "[load]") {
  const std::string leaflet = "default_language: fr\ntitle: cover.title\ncontent:\n  - paragraph: what.p2\n";
  core::Diagnostics diags;
  CHECK_FALSE(load::load_leaflet_from_files("mem/x/", {{"leaflet.yaml", leaflet}, {"fr.yaml", kStrings}}, diags));
  CHECK(messages(diags) == std::vector<std::string>{"mem/x/leaflet.yaml:4:16: error: no string 'what.p2' in mem/x/fr.yaml "
                                                    "(the default language)\n  hint: add 'what.p2' to mem/x/fr.yaml"});
  CHECK(load_errors(leaflet) == std::vector<std::string>{"DIR/x/leaflet.yaml:4:16: error: no string 'what.p2' in "
                                                         "DIR/x/fr.yaml (the default language)\n  hint: add 'what.p2' to "
                                                         "DIR/x/fr.yaml"});

  // Files that are not <lang>.yaml, or that sit in a folder of their own, are not strings.
  core::Diagnostics ok_diags;
  const auto ok = load::load_leaflet_from_files(
      "mem/x", {{"leaflet.yaml", "default_language: fr\ntitle: cover.title\ncontent:\n  - paragraph: what.p1\n"},
                {"fr.yaml", kStrings}, {"notes.yaml", "not: [a, language"}, {"sub/en.yaml", "x: y"}},
      ok_diags);
  REQUIRE(ok);
  CHECK(ok->name == "x");
  CHECK(ok->languages == std::vector<std::string>{"fr"});
  CHECK(ok_diags.items().empty());

  core::Diagnostics empty_diags;
  CHECK_FALSE(load::load_leaflet_from_files("mem/x", {}, empty_diags));
  CHECK(messages(empty_diags) == std::vector<std::string>{"mem/x: error: no leaflet.yaml in this folder\n  hint: a leaflet "
                                                          "folder holds leaflet.yaml and one <lang>.yaml per language"});
}

TEST_CASE("a leaflet held in memory is held to the same limits", "[load]") {
  const std::string leaflet = "default_language: fr\ntitle: cover.title\ncontent:\n  - paragraph: what.p1\n";
  core::Limits limits;
  limits.max_file_bytes = 60;
  core::Diagnostics diags;
  CHECK_FALSE(load::load_leaflet_from_files("m", {{"leaflet.yaml", leaflet}, {"fr.yaml", kStrings}}, diags, limits));
  CHECK(messages(diags) ==
        std::vector<std::string>{"m/leaflet.yaml: error: file is 72 bytes, over the limit of 60 bytes\n  hint: leaflet "
                                 "files are small; raise the limit with --max-file-bytes if this one must be this big"});

  core::Diagnostics alias_diags;
  CHECK_FALSE(load::load_leaflet_from_files("m", {{"leaflet.yaml", leaflet}, {"fr.yaml", kStrings + std::string("x: *a\n")}},
                                            alias_diags));
  REQUIRE(alias_diags.items().size() == 1);
  CHECK(core::format(alias_diags.items()[0]).starts_with(
      "m/fr.yaml:5:4: error: YAML aliases are not allowed in leaflet files, found '*a'"));

  // Only the languages asked for and the default one are parsed: a broken en.yaml is not read.
  core::Diagnostics only_diags;
  const auto only = load::load_leaflet_from_files(
      "m", {{"leaflet.yaml", leaflet}, {"fr.yaml", kStrings}, {"en.yaml", "cover: [broken"}}, only_diags, {}, {"fr"});
  REQUIRE(only);
  CHECK(only->languages == std::vector<std::string>{"en", "fr"});
  CHECK(only->catalogs.count("en") == 0);
}

TEST_CASE("booklet: creep is a length from 0 to 1 mm a sheet", "[load][formats]") {
  const std::string rest = "title: cover.title\ncontent:\n  - paragraph: what.p1\n";
  CHECK(load_errors("default_language: fr\nbooklet:\n  creep: 0.1mm\n" + rest).empty());
  CHECK(load_errors("default_language: fr\nbooklet:\n  creep: 2mm\n" + rest) ==
        std::vector<std::string>{"DIR/x/leaflet.yaml:3:10: error: expected a creep of 0 to 1mm a sheet, got '2mm'\n"
                                 "  hint: creep is about the paper's thickness: 0.1mm for 100 g/m² paper"});
}

namespace {

const char* kThemedLeaflet = "default_language: fr\ntitle: cover.title\ncontent:\n  - paragraph: what.p1\ntheme:\n";

/// Loads x/leaflet.yaml (kThemedLeaflet then `theme`) beside the other `files` of the scratch
/// folder; returns the document (or nullopt) and what was reported, the folder as "DIR".
std::pair<std::optional<document::Document>, std::vector<std::string>> load_themed(
    const std::string& theme, const std::vector<std::pair<std::string, std::string>>& files,
    core::Limits limits = {}) {
  const testing::ScratchDir dir;
  dir.write("x/leaflet.yaml", kThemedLeaflet + theme);
  dir.write("x/fr.yaml", kStrings);
  for (const auto& [name, content] : files) dir.write(name, content);
  core::Diagnostics diags;
  auto doc = load::load_leaflet(dir.path() / "x", diags, limits);
  auto out = messages(diags);
  const std::string prefix = dir.path().string();
  for (auto& line : out) {
    for (std::size_t at; (at = line.find(prefix)) != std::string::npos;) line.replace(at, prefix.size(), "DIR");
  }
  return {std::move(doc), out};
}

}  // namespace

TEST_CASE("a shared theme file sets what the leaflet does not override", "[load]") {
  const auto [doc, errors] = load_themed(
      "  extends: ../themes/hospital.yaml\n  palette:\n    sand: \"#EEDDCC\"\n  sizes:\n    title: 28\n",
      {{"themes/group.yaml", "palette:\n  blue: \"#123456\"\n  sand: \"#000000\"\nsizes:\n  body: 11\n  title: 40\n"
                             "colors:\n  accent_light: sand\n"},
       {"themes/hospital.yaml", "extends: group.yaml\nfonts:\n  heading: Noto Serif\ncolors:\n  accent: blue\n"}});
  INFO(errors.size());
  REQUIRE(doc);
  CHECK(errors.empty());
  CHECK(doc->theme.body_size == 11);    // the group's
  CHECK(doc->theme.title_size == 28);   // the leaflet's, over the group's
  CHECK(doc->theme.heading_font.name == "Noto Serif");  // the hospital's
  CHECK(core::to_string(doc->theme.accent) == "#123456");  // the group's palette, named by the hospital
  // The leaflet's own shade of a palette colour reaches the colours its theme files name.
  CHECK(core::to_string(doc->theme.accent_light) == "#EEDDCC");
}

TEST_CASE("a theme may be a theme file alone", "[load]") {
  const auto [doc, errors] = load_themed(" ../themes/t.yaml\n", {{"themes/t.yaml", "sizes:\n  body: 9\n"}});
  REQUIRE(doc);
  CHECK(doc->theme.body_size == 9);
}

TEST_CASE("theme file problems are reported in the file that has them", "[load]") {
  CHECK(load_themed("  extends: ../themes/nope.yaml\n", {}).second ==
        std::vector<std::string>{"DIR/x/leaflet.yaml:6:12: error: no theme file 'DIR/themes/nope.yaml'\n  hint: the path "
                                 "is relative to the folder of leaflet.yaml; shared themes usually live in the "
                                 "leaflets' folder, as ../themes/hospital.yaml"});
  CHECK(load_themed("  extends: ../themes/t.txt\n", {{"themes/t.txt", "sizes: {}\n"}}).second.at(0).starts_with(
      "DIR/x/leaflet.yaml:6:12: error: expected the path of a theme file such as '../themes/hospital.yaml', got "
      "'../themes/t.txt'"));
  CHECK(load_themed("  extends: ../themes/a.yaml\n",
                    {{"themes/a.yaml", "extends: b.yaml\n"}, {"themes/b.yaml", "sizes:\n  body: 9\nextends: a.yaml\n"}})
            .second == std::vector<std::string>{"DIR/themes/b.yaml:3:10: error: theme file 'DIR/themes/a.yaml' extends "
                                                "itself\n  hint: a theme file may extend another, but never one that "
                                                "extends it back"});
  CHECK(load_themed("  extends: ../themes/a.yaml\n", {{"themes/a.yaml", "sizes:\n  bdoy: 9\ncolors:\n  accent: bleu\n"
                                                                          "palette:\n  blue: \"#0000FF\"\n"}})
            .second == std::vector<std::string>{
                           "DIR/themes/a.yaml:2:3: error: unknown key 'bdoy' in 'sizes'\n  hint: did you mean 'body'?",
                           "DIR/themes/a.yaml:4:11: error: no colour named 'bleu' in the theme's palette for 'accent'\n"
                           "  hint: did you mean 'blue'?"});
}

TEST_CASE("a theme file outside the leaflets' folder is refused unless allowed", "[load]") {
  const testing::ScratchDir outside;
  outside.write("evil.yaml", "sizes:\n  body: 9\n");
  const std::string link = "themes/evil.yaml";
  const testing::ScratchDir dir;
  dir.write("x/leaflet.yaml", std::string(kThemedLeaflet) + "  extends: ../themes/evil.yaml\n");
  dir.write("x/fr.yaml", kStrings);
  std::filesystem::create_directories(dir.path() / "themes");
  std::filesystem::create_symlink(outside.path() / "evil.yaml", dir.path() / link);
  core::Diagnostics diags;
  CHECK_FALSE(load::load_leaflet(dir.path() / "x", diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(core::format(diags.items()[0]).find("error: theme file '../themes/evil.yaml' leads outside the folder of the "
                                            "leaflets") != std::string::npos);
  core::Limits allow;
  allow.allow_outside = true;
  core::Diagnostics allowed;
  const auto doc = load::load_leaflet(dir.path() / "x", allowed, allow);
  REQUIRE(doc);
  CHECK(doc->theme.body_size == 9);
}

TEST_CASE("CSV fields follow RFC 4180 and keep their places", "[load]") {
  core::Diagnostics diags;
  const auto rows = load::parse_csv("\xEF\xBB\xBFvariant,name\r\nnord,\"Nord, \"\"centre\"\"\"\r\n\r\nsud,\"two\nlines\"\n",
                                    "h.csv", diags);
  REQUIRE(rows);
  REQUIRE(rows->size() == 3);
  CHECK((*rows)[1][1].text == "Nord, \"centre\"");
  CHECK((*rows)[1][1].line == 2);
  CHECK((*rows)[1][1].column == 6);
  CHECK((*rows)[2][1].text == "two\nlines");
  CHECK((*rows)[2][0].line == 4);
  CHECK((*rows)[2][1].end_column == 7);
  CHECK(diags.items().empty());

  core::Diagnostics open;
  CHECK_FALSE(load::parse_csv("variant,name\nnord,\"Nord\n", "h.csv", open));
  CHECK(messages(open) == std::vector<std::string>{"h.csv:2:6: error: the '\"' of this field is never closed\n  hint: "
                                                   "end the field with '\"'; a '\"' inside a quoted field is written "
                                                   "twice (\"\")"});
}

TEST_CASE("placeholders are {name} with a variable's name, and are filled in as text", "[load]") {
  const auto found = document::find_placeholders("Appelez le {hospital.phone} ou {x}, pas {a b} ni ]{lang=en} ni {}");
  REQUIRE(found.size() == 2);
  CHECK(found[0].name == "hospital.phone");
  CHECK(found[0].offset == 11);
  CHECK(found[1].name == "x");
  CHECK(document::placeholder_names("{b} {a} {b}") == std::vector<std::string>{"a", "b", "b"});
  const std::map<std::string, std::string, std::less<>> values{{"hospital.phone", "*01*"}};
  CHECK(document::fill_placeholders("Tél. {hospital.phone}, {other}.", values) == "Tél. *01*, {other}.");
}

TEST_CASE("finding placeholders takes linear time in hostile text", "[load]") {
  const std::string braces = std::string(1 << 20, '{') + "}";
  const auto start = std::chrono::steady_clock::now();
  CHECK(document::find_placeholders(braces).empty());
  CHECK(document::find_placeholders(std::string(1 << 20, '{') + "a}").size() == 1);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}
