#include <catch2/catch.hpp>

#include "locale/catalog_yaml.hpp"
#include "locale/po_file.hpp"
#include "locale/xliff_file.hpp"

// PO and XLIFF files as the translation tools write them, and the strings files import writes.

using namespace leafpress;

namespace {

std::optional<locale::PoFile> parse_po(const std::string& text, core::Diagnostics& diags) {
  return locale::try_parse_po(text, "de.po", core::Limits{}, diags);
}

}  // namespace

TEST_CASE("libgettextpo reads headers with empty values, escapes, fuzzy, previous and obsolete messages", "[po]") {
  core::Diagnostics diags;
  const auto po = parse_po("msgid \"\"\nmsgstr \"\"\n\"Report-Msgid-Bugs-To: \\n\"\n\"Language: de\\n\"\n"
                           "\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                           "# translator's note\n#. key: a.b\n#: fr.yaml:12\n#, fuzzy\n#| msgid \"Old\"\n"
                           "msgctxt \"a.b\"\nmsgid \"New\"\nmsgstr \"\\x41\\101\\r\\t\\\"\"\n\n"
                           "#~ msgctxt \"gone\"\n#~ msgid \"Gone\"\n#~ msgstr \"Weg\"\n",
                           diags);
  REQUIRE(po);
  CHECK(diags.error_count() == 0);
  CHECK(po->header_field("Report-Msgid-Bugs-To").empty());
  CHECK(po->header_field("Language") == "de");
  REQUIRE(po->entries.size() == 2);
  const locale::PoEntry& entry = po->entries[0];
  CHECK(entry.context == "a.b");
  CHECK(entry.source == "New");
  CHECK(entry.translation == "AA\r\t\"");
  CHECK(entry.fuzzy);
  CHECK(entry.previous_source == "Old");
  CHECK(entry.translator_comments == "translator's note\n");
  CHECK(entry.comments == std::vector<std::string>{"key: a.b"});
  REQUIRE(entry.references.size() == 1);
  CHECK(entry.references[0].file == "fr.yaml");
  CHECK(entry.references[0].line == 12);
  CHECK(entry.loc.line == 13);  // its msgid line
  CHECK(po->entries[1].obsolete);
  CHECK(po->entries[1].translation == "Weg");
  CHECK(po->entries[1].loc.line == 17);
}

TEST_CASE("format_po writes what libgettextpo reads back", "[po]") {
  locale::PoFile po;
  po.header = {{"Language", "de"}, {"Content-Type", "text/plain; charset=UTF-8"}};
  locale::PoEntry entry;
  entry.comments = {"key: a.b", "used as: paragraph"};
  entry.translator_comments = "checked\n";
  entry.references = {{"leaflets/x/fr.yaml", 7}};
  entry.context = "a.b";
  entry.source = "Line one\nline \"two\"";
  entry.translation = "Zeile";
  entry.previous_source = "Line one";
  entry.fuzzy = true;
  po.entries.push_back(entry);
  const std::string text = locale::format_po(po, "title");
  CHECK(text.rfind("# title\nmsgid \"\"\n", 0) == 0);
  core::Diagnostics diags;
  const auto back = parse_po(text, diags);
  REQUIRE(back);
  REQUIRE(back->entries.size() == 1);
  const locale::PoEntry& read = back->entries[0];
  CHECK(read.source == entry.source);
  CHECK(read.translation == entry.translation);
  CHECK(read.previous_source == entry.previous_source);
  CHECK(read.translator_comments == entry.translator_comments);
  CHECK(read.comments == entry.comments);
  CHECK(read.fuzzy);
  CHECK(back->header_field("Language") == "de");
}

TEST_CASE("PO files that are not UTF-8, too big or broken are reported at their place", "[po]") {
  core::Diagnostics diags;
  CHECK_FALSE(parse_po("msgid \"\"\nmsgstr \"\\xE9\"\nmsgid \"caf\xE9\"\nmsgstr \"x\"\n", diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(core::format(diags.items()[0]).rfind("de.po:3:11: error: invalid UTF-8 byte sequence", 0) == 0);

  core::Diagnostics small;
  core::Limits limits;
  limits.max_file_bytes = 10;
  CHECK_FALSE(locale::try_parse_po("msgid \"abc\"\nmsgstr \"def\"\n", "de.po", limits, small));
  CHECK(core::format(small.items()[0]).rfind("de.po: error: file is 25 bytes, over the limit of 10 bytes", 0) == 0);
}

TEST_CASE("strings files escape every line break and control character", "[po]") {
  CHECK(locale::yaml_quoted("a\r\nb\x01\"\xE2\x80\xA8\xC2\x85") == "\"a\\r\\nb\\x01\\\"\\L\\N\"");
  CHECK(locale::comment_safe("x\ny\xE2\x80\xA9z") == "x?y?z");
}

TEST_CASE("mark-current adds fingerprints and keeps every other byte", "[po]") {
  const std::map<std::string, std::string> additions{{"a.b", "0123456789abcdef"}};
  const std::string hand = "# comment kept\na:\n  b: >-\n    folded text\n";
  CHECK(*locale::with_translated_from(hand, additions) ==
        hand + "\n# Fingerprints of the texts these strings were translated from: `leafpress strings status`\n"
               "# compares them with the default language to find outdated translations.\ntranslated_from:\n"
               "  a.b: \"0123456789abcdef\"\n");
  const std::string with_map = "a:\n  b: x\ntranslated_from:\n    a.c: \"fedcba9876543210\"\n";
  CHECK(*locale::with_translated_from(with_map, additions) ==
        "a:\n  b: x\ntranslated_from:\n    a.b: \"0123456789abcdef\"\n    a.c: \"fedcba9876543210\"\n");
  CHECK_FALSE(locale::with_translated_from("translated_from: {a.c: x}\n", additions));
  // A key the map has gets its new value in place; the map ends at the next top-level key.
  const std::string recorded = "translated_from:\n  a.a: \"1111111111111111\"\n  a.b: \"fuzzy\"\nz: after\n";
  CHECK(*locale::with_translated_from(recorded, additions) ==
        "translated_from:\n  a.a: \"1111111111111111\"\n  a.b: \"0123456789abcdef\"\nz: after\n");
}

TEST_CASE("XLIFF placeholders give back the markup exactly, nested or escaped", "[xliff]") {
  locale::PoFile po;
  for (const std::string text : {"*a **b** [c](https://x.example/)* d", "\\*literal\\* and [fr]{lang=fr}",
                                 "**Important**", "unbalanced * star"}) {
    locale::PoEntry entry;
    entry.context = "k" + std::to_string(po.entries.size());
    entry.source = text;
    entry.translation = text;
    po.entries.push_back(entry);
  }
  const std::string xliff = locale::format_xliff(po, "fr", "de", "leaflets/x");
  CHECK(xliff.find("<source><pc id=\"1\" dataRefStart=\"d1s\" dataRefEnd=\"d1e\" type=\"fmt\" subType=\"xlf:b\" "
                   "canDelete=\"no\">Important</pc></source>") != std::string::npos);
  CHECK(xliff.find("<source>unbalanced * star</source>") != std::string::npos);
  core::Diagnostics diags;
  const auto back = locale::try_parse_xliff(xliff, "de.xlf", core::Limits{}, diags);
  REQUIRE(back);
  REQUIRE(back->entries.size() == po.entries.size());
  for (std::size_t i = 0; i < po.entries.size(); ++i) {
    CHECK(back->entries[i].context == po.entries[i].context);
    CHECK(back->entries[i].source == po.entries[i].source);
    CHECK(back->entries[i].translation == po.entries[i].translation);
    CHECK_FALSE(back->entries[i].fuzzy);
  }
  CHECK(back->header_field("Language") == "de");
}
