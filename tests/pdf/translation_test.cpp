#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "pdf/pdf_probe.hpp"
#include "pdf/run_leafpress.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

// Translations through the tools translators use (gettext, translate-toolkit) and every
// hostile file `strings import` must refuse without touching the leaflet.

namespace fs = std::filesystem;
using namespace leafpress::testing;

namespace {

const fs::path kSource = LEAFPRESS_SOURCE_DIR;
const std::string kInto = "leaflets/immunotherapy";

ProcessResult run_tool(const std::vector<std::string>& args, const fs::path& cwd) {
  REQUIRE(have_program(args.front()));  // scripts/setup installs gettext and translate-toolkit
  const ProcessResult result = run_process(args, cwd.string());
  INFO(args.front() << ": " << result.err);
  REQUIRE(result.exit_code == 0);
  return result;
}

fs::path copy_project(const ScratchDir& dir) {
  fs::copy(kSource / "leaflets", dir.path() / "leaflets", fs::copy_options::recursive);
  fs::copy(kSource / "fonts", dir.path() / "fonts", fs::copy_options::recursive);
  return dir.path();
}

/// Every file of the leaflet's folder with its bytes: what "left untouched" compares.
std::map<std::string, std::string> leaflet_files(const fs::path& project) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::directory_iterator(project / "leaflets" / "immunotherapy")) {
    if (entry.is_regular_file()) files[entry.path().filename().string()] = file_bytes(entry.path());
  }
  return files;
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

/// A PO file with a header for `language` and the given messages.
std::string po_file(const std::string& language, const std::string& messages) {
  return "msgid \"\"\nmsgstr \"\"\n\"Language: " + language +
         "\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n" + messages;
}

/// The Spanish strings as a translator's PO file: the shipped translation, exported.
void export_spanish(const fs::path& project, const std::string& name) {
  REQUIRE(run_leafpress({"strings", "export", kInto, "--lang", "es", "--out", name}, project).exit_code == 0);
}

/// Runs an import that must fail: its exit code and message, and the leaflet untouched.
void check_refused(const fs::path& project, const std::vector<std::string>& args, const std::string& message) {
  const auto before = leaflet_files(project);
  std::vector<std::string> command{"strings", "import"};
  command.insert(command.end(), args.begin(), args.end());
  const auto result = run_leafpress(command, project);
  INFO(result.err);
  CHECK(result.exit_code == 1);
  CHECK(result.err.find(message) != std::string::npos);
  CHECK(result.out.empty());
  CHECK(leaflet_files(project) == before);
}

}  // namespace

TEST_CASE("exported PO and POT files pass msgfmt --check", "[strings][tools]") {
  ScratchDir dir;
  const fs::path project = copy_project(dir);
  export_spanish(project, "es.po");
  REQUIRE(run_leafpress({"strings", "export", kInto}, project).exit_code == 0);
  run_tool({"msgfmt", "--check", "-o", "/dev/null", "es.po"}, project);
  run_tool({"msgfmt", "--check", "-o", "/dev/null", "immunotherapy.pot"}, project);
  const std::string pot = file_bytes(project / "immunotherapy.pot");
  CHECK(count_of(pot, "\nmsgctxt ") == 95);
  CHECK(count_of(pot, "\nmsgstr \"\"\n\n") + 1 >= 95);
  CHECK(pot.find("\"Language: \\n\"") != std::string::npos);
  // msginit makes a translation from the template, as a translator would start one.
  run_tool({"msginit", "--no-translator", "-l", "de", "-i", "immunotherapy.pot", "-o", "de.po"}, project);
  const auto imported = run_leafpress({"strings", "import", "de.po", "--into", kInto}, project);
  CHECK(imported.exit_code == 0);
  CHECK(imported.out == "nothing to import: de.po has no translation; leaflets/immunotherapy/de.yaml is unchanged\n");
}

TEST_CASE("round trips through gettext and translate-toolkit keep every string", "[strings][tools]") {
  ScratchDir dir;
  const fs::path project = copy_project(dir);
  export_spanish(project, "es.po");
  const std::string original = file_bytes(project / "es.po");
  const auto reimport_and_compare = [&](const std::string& file) {
    const auto imported = run_leafpress({"strings", "import", file, "--into", kInto}, project);
    INFO(file << ": " << imported.err);
    REQUIRE(imported.exit_code == 0);
    CHECK(imported.out == "wrote leaflets/immunotherapy/es.yaml (95 strings imported; 95 of 95 strings translated)\n");
    REQUIRE(run_leafpress({"strings", "export", kInto, "--lang", "es", "--out", "again.po"}, project).exit_code == 0);
    CHECK(file_bytes(project / "again.po") == original);  // every key with its translation, unchanged
    fs::remove(project / "again.po");
  };

  SECTION("msgcat") {
    run_tool({"msgcat", "es.po", "-o", "msgcat.po"}, project);
    reimport_and_compare("msgcat.po");
  }
  SECTION("msgattrib") {
    run_tool({"msgattrib", "--no-obsolete", "--no-wrap", "es.po", "-o", "msgattrib.po"}, project);
    reimport_and_compare("msgattrib.po");
  }
  SECTION("po2xliff then xliff2po (msgctxt is lost: the key comment finds the key)") {
    run_tool({"po2xliff", "--progress=none", "es.po", "es.xlf"}, project);
    run_tool({"xliff2po", "--progress=none", "es.xlf", "back.po"}, project);
    REQUIRE(file_bytes(project / "back.po").find("msgctxt") == std::string::npos);
    // translate-toolkit writes "Report-Msgid-Bugs-To: \n", which crashed the old parser.
    REQUIRE(file_bytes(project / "back.po").find("\"Report-Msgid-Bugs-To: \\n\"") != std::string::npos);
    reimport_and_compare("back.po");
  }
  SECTION("msgmerge with a changed source: the changed string comes back fuzzy, with its previous msgid") {
    const fs::path fr = project / "leaflets" / "immunotherapy" / "fr.yaml";
    std::string french = file_bytes(fr);
    french.replace(french.find("votre équipe soignante."), 24, "votre équipe de soins.");
    write_file(fr, french);
    REQUIRE(run_leafpress({"strings", "export", kInto}, project).exit_code == 0);
    run_tool({"msgmerge", "--previous", "--quiet", "es.po", "immunotherapy.pot", "-o", "merged.po"}, project);
    const auto imported = run_leafpress({"strings", "import", "merged.po", "--into", kInto}, project);
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    CHECK(imported.out == "wrote leaflets/immunotherapy/es.yaml (95 strings imported, 1 of them fuzzy, kept as "
                          "outdated; 95 of 95 strings translated)\n");
    const auto status = run_leafpress({"strings", "status", kInto, "--lang", "es", "--keys"}, project);
    CHECK(status.out.find("immunotherapy        es               94        0         1\n  outdated  footer.note\n") !=
          std::string::npos);
    CHECK(run_leafpress({"strings", "status", kInto, "--strict"}, project).exit_code == 1);
    // Exported again over the translator's file: fuzzy, with "#|" for Poedit and Weblate.
    REQUIRE(run_leafpress({"strings", "export", kInto, "--lang", "es", "--out", "merged.po"}, project).exit_code == 0);
    const std::string again = file_bytes(project / "merged.po");
    CHECK(again.find("#, fuzzy\n#| msgid \"Ce document ne remplace pas l'avis de votre équipe soignante.\"\n"
                     "msgctxt \"footer.note\"\nmsgid \"Ce document ne remplace pas l'avis de votre équipe de soins.\"\n"
                     "msgstr \"") != std::string::npos);
    run_tool({"msgfmt", "--check", "-o", "/dev/null", "merged.po"}, project);
  }
}

TEST_CASE("re-export keeps translators' comments and refuses to overwrite unimported work", "[strings][tools]") {
  ScratchDir dir;
  const fs::path project = copy_project(dir);
  export_spanish(project, "es.po");
  std::string po = file_bytes(project / "es.po");
  po.replace(po.find("#. key: contact.title"), 0, "# Checked with the hospital's style guide.\n");
  // A string the leaflet no longer has, translated: kept as an obsolete message.
  po += "\nmsgctxt \"contact.fax\"\nmsgid \"Fax\"\nmsgstr \"Fax\"\n";
  write_file(project / "es.po", po);
  REQUIRE(run_leafpress({"strings", "export", kInto, "--lang", "es", "--out", "es.po"}, project).exit_code == 0);
  CHECK(file_bytes(project / "es.po").find("# Checked with the hospital's style guide.\n#. key: contact.title\n") !=
        std::string::npos);
  CHECK(file_bytes(project / "es.po").find("\n#~ msgctxt \"contact.fax\"\n#~ msgid \"Fax\"\n#~ msgstr \"Fax\"\n") !=
        std::string::npos);
  run_tool({"msgfmt", "--check", "-o", "/dev/null", "es.po"}, project);

  po = file_bytes(project / "es.po");
  po.replace(po.find("msgstr \"Contacto\""), 17, "msgstr \"Contáctenos\"");
  write_file(project / "es.po", po);
  const auto refused = run_leafpress({"strings", "export", kInto, "--lang", "es", "--out", "es.po"}, project);
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("es.po:") != std::string::npos);
  CHECK(refused.err.find(": error: 'contact.title' has a translation here that leaflets/immunotherapy/es.yaml translates differently; "
                         "exporting over this file would lose it\n") != std::string::npos);
  CHECK(file_bytes(project / "es.po") == po);
}

TEST_CASE("hand-written translations have fingerprints: a changed source shows as outdated", "[strings]") {
  ScratchDir dir;
  const fs::path project = copy_project(dir);
  CHECK(run_leafpress({"strings", "status", "--strict"}, project).exit_code == 0);
  const fs::path fr = project / "leaflets" / "immunotherapy" / "fr.yaml";
  std::string french = file_bytes(fr);
  french.replace(french.find("  title: Contact\n"), 17, "  title: Nous contacter\n");
  write_file(fr, french);
  const auto status = run_leafpress({"strings", "status", "--strict", "--diagnostics", "json"}, project);
  CHECK(status.exit_code == 1);
  const auto report = nlohmann::json::parse(status.out);
  std::map<std::string, nlohmann::json> by_language;
  for (const auto& entry : report.at("languages")) {
    if (entry.at("leaflet") == "immunotherapy") by_language[entry.at("language").get<std::string>()] = entry;
  }
  for (const std::string language : {"ar", "en", "es"}) {
    INFO(language);
    REQUIRE(by_language.count(language));
    const auto& entry = by_language.at(language);
    CHECK(entry.at("translated") == 94);
    CHECK(entry.at("missing").empty());
    CHECK(entry.at("outdated") == nlohmann::json::array({"contact.title"}));
    CHECK(entry.at("unrecorded").empty());
  }
}

TEST_CASE("mark-current records fingerprints and keeps the hand-written file", "[strings]") {
  ScratchDir dir;
  const fs::path project = copy_project(dir);
  const fs::path en = project / "leaflets" / "immunotherapy" / "en.yaml";
  const std::string shipped = file_bytes(en);
  const std::string body = shipped.substr(0, shipped.find("\n# Fingerprints of the texts"));
  write_file(en, body);
  const auto unrecorded = run_leafpress({"strings", "status", "--keys", "--lang", "en"}, project);
  CHECK(unrecorded.out.find("  no fingerprint  cover.title\n") != std::string::npos);
  CHECK(run_leafpress({"strings", "status", "--strict"}, project).exit_code == 1);
  const auto marked = run_leafpress({"strings", "mark-current"}, project);
  CHECK(marked.out == "recorded 95 fingerprints in leaflets/immunotherapy/en.yaml\n");
  CHECK(file_bytes(en) == shipped);
  CHECK(run_leafpress({"strings", "status", "--strict"}, project).exit_code == 0);
}

TEST_CASE("import merges by key and keeps what the file does not mention", "[strings][hostile]") {
  ScratchDir dir;
  const fs::path project = copy_project(dir);
  write_file(project / "one.po",
             po_file("es", "msgctxt \"contact.title\"\nmsgid \"Contact\"\nmsgstr \"Contáctenos\"\n"));
  const auto result = run_leafpress({"strings", "import", "one.po", "--into", kInto}, project);
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.out == "wrote leaflets/immunotherapy/es.yaml (1 strings imported; 95 of 95 strings translated)\n");
  const std::string yaml = file_bytes(project / "leaflets" / "immunotherapy" / "es.yaml");
  CHECK(yaml.find("contact:\n  title: \"Contáctenos\"\n") != std::string::npos);
  CHECK(yaml.find("  title: \"La inmunoterapia\"\n") != std::string::npos);
  CHECK(run_leafpress({"strings", "status", "--strict"}, project).exit_code == 0);
}

TEST_CASE("hostile translation files are refused and leave the leaflet untouched", "[strings][hostile]") {
  ScratchDir dir;
  const fs::path project = copy_project(dir);
  const std::string title = "msgctxt \"contact.title\"\nmsgid \"Contact\"\n";

  SECTION("no --into and no leaflet folder around: the header's path is not followed") {
    const std::string named = (project / "leaflets" / "immunotherapy").string();
    write_file(project / "evil.po", "msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n\"X-Leafpress-Leaflet: " + named +
                                        "\\n\"\n\n" + title + "msgstr \"Kontakt\"\n");
    check_refused(project, {"evil.po"},
                  "evil.po: error: no leaflet folder to import into: neither --into nor a leaflet.yaml in the current "
                  "folder or above\n  hint: the file says it was exported from '" + named +
                      "'; if that is the leaflet, import with --into " + named + "\n");
  }
  SECTION("inside the leaflet's folder, the folder is found by walking up") {
    write_file(project / "leaflets" / "immunotherapy" / "images" / "de.po", po_file("de", title + "msgstr \"Kontakt\"\n"));
    const auto result = run_leafpress({"strings", "import", "de.po"}, project / "leaflets" / "immunotherapy" / "images");
    INFO(result.err);
    CHECK(result.exit_code == 0);
    CHECK(fs::exists(project / "leaflets" / "immunotherapy" / "de.yaml"));
  }
  SECTION("the default language") {
    write_file(project / "fr.po", po_file("fr", title + "msgstr \"Contactez-nous\"\n"));
    check_refused(project, {"fr.po", "--into", kInto},
                  "fr.po: error: the file's language 'fr' is the leaflet's default language; importing it would "
                  "overwrite the source texts\n");
  }
  SECTION("a file that matches no key") {
    write_file(project / "other.po", po_file("es", "msgctxt \"nothing.here\"\nmsgid \"x\"\nmsgstr \"y\"\n"));
    check_refused(project, {"other.po", "--into", kInto},
                  "error: no message of the file matches a string of the leaflet; nothing is imported\n");
  }
  SECTION("a file that would drop a translation") {
    write_file(project / "drop.po", po_file("es", title + "msgstr \"\"\n"));
    check_refused(project, {"drop.po", "--into", kInto},
                  "drop.po:7:1: error: the file has no translation for 'contact.title', which "
                  "leaflets/immunotherapy/es.yaml translates; importing it would drop that translation\n");
    const auto replaced = run_leafpress({"strings", "import", "drop.po", "--into", kInto, "--replace"}, project);
    CHECK(replaced.exit_code == 0);
    CHECK(replaced.out == "wrote leaflets/immunotherapy/es.yaml (0 strings imported, 1 earlier translations dropped; "
                          "94 of 95 strings translated)\n");
  }
  SECTION("a changed link address") {
    write_file(project / "link.po", po_file("es", "msgctxt \"who.expect.p2\"\nmsgid \"x\"\nmsgstr \"Lea el [dossier]"
                                                  "(https://evil.example/).\"\n"));
    check_refused(project, {"link.po", "--into", kInto},
                  "link.po:7:1: error: the translation of 'who.expect.p2' links to https://evil.example/, the source to "
                  "https://www.inserm.fr/dossier/immunotherapie-cancer/\n");
  }
  SECTION("a link the source does not have") {
    write_file(project / "added.po", po_file("es", title + "msgstr \"[Contacto](https://evil.example/)\"\n"));
    check_refused(project, {"added.po", "--into", kInto},
                  "added.po:7:1: error: the translation of 'contact.title' links to https://evil.example/, the source "
                  "to none\n");
  }
  SECTION("unbalanced markup") {
    write_file(project / "markup.po", po_file("es", title + "msgstr \"**Contacto\"\n"));
    check_refused(project, {"markup.po", "--into", kInto}, "markup.po:7:1: error: unclosed '**' in string 'contact.title'");
  }
  SECTION("duplicate keys") {
    write_file(project / "dup.po", po_file("es", title + "msgstr \"Contacto\"\n\nmsgctxt \"contact.title\"\nmsgid "
                                                         "\"Contact!\"\nmsgstr \"Contactos\"\n"));
    check_refused(project, {"dup.po", "--into", kInto},
                  "dup.po:11:1: error: duplicate key 'contact.title' (its first message is at line 7)\n");
  }
  SECTION("Latin-1 bytes") {
    write_file(project / "latin1.po", po_file("es", title + "msgstr \"Contacto r\xE1pido\"\n"));
    check_refused(project, {"latin1.po", "--into", kInto}, "latin1.po:8:19: error: invalid UTF-8 byte sequence\n");
  }
  SECTION("escapes that make bytes which are not UTF-8") {
    write_file(project / "escape.po", po_file("es", title + "msgstr \"Contacto r\\341pido\"\n"));
    check_refused(project, {"escape.po", "--into", kInto},
                  "escape.po:7:1: error: the message is not UTF-8 once its escapes are read\n");
  }
  SECTION("a charset other than UTF-8") {
    std::string po = po_file("es", title + "msgstr \"Contacto\"\n");
    po.replace(po.find("charset=UTF-8"), 13, "charset=ISO-8859-1");
    write_file(project / "charset.po", po);
    check_refused(project, {"charset.po", "--into", kInto},
                  "charset.po: error: the PO file's charset is ISO-8859-1; leafpress reads UTF-8 only\n");
  }
  SECTION("a file over the size limit is refused before it is parsed") {
    write_file(project / "big.po", po_file("es", title + "msgstr \"" + std::string(5 * 1024 * 1024, 'a') + "\"\n"));
    check_refused(project, {"big.po", "--into", kInto},
                  "big.po: error: file is 5.0 MiB, over the limit of 4 MiB\n");
  }
  SECTION("a string over the string limit") {
    write_file(project / "long.po", po_file("es", title + "msgstr \"" + std::string(70 * 1024, 'a') + "\"\n"));
    check_refused(project, {"long.po", "--into", kInto}, "long.po:7:1: error: string longer than the limit of 64 KiB\n");
  }
  SECTION("plural forms") {
    write_file(project / "plural.po",
               po_file("es", title + "msgid_plural \"Contacts\"\nmsgstr[0] \"Contacto\"\nmsgstr[1] \"Contactos\"\n"));
    check_refused(project, {"plural.po", "--into", kInto}, "plural.po:7:1: error: plural forms are not used in leaflets\n");
  }
  SECTION("a header with no language") {
    write_file(project / "nolang.po", po_file("", title + "msgstr \"Contacto\"\n"));
    check_refused(project, {"nolang.po", "--into", kInto}, "nolang.po: error: the PO header has no 'Language' field\n");
  }
}

TEST_CASE("fuzzy entries are kept but stay outdated", "[strings][hostile]") {
  ScratchDir dir;
  const fs::path project = copy_project(dir);
  write_file(project / "fuzzy.po", po_file("es", "#, fuzzy\nmsgctxt \"contact.title\"\nmsgid \"Contact\"\nmsgstr \"Contactar\"\n"));
  const auto result = run_leafpress({"strings", "import", "fuzzy.po", "--into", kInto}, project);
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.out == "wrote leaflets/immunotherapy/es.yaml (1 strings imported, 1 of them fuzzy, kept as outdated; "
                      "95 of 95 strings translated)\n");
  CHECK(file_bytes(project / "leaflets" / "immunotherapy" / "es.yaml").find("  contact.title: \"fuzzy\"\n") !=
        std::string::npos);
  const auto status = run_leafpress({"strings", "status", "--lang", "es", "--keys", "--strict"}, project);
  CHECK(status.exit_code == 1);
  CHECK(status.out.find("es               94        0         1\n  outdated  contact.title\n") != std::string::npos);
}

TEST_CASE("standard PO escapes are read and every written value is escaped", "[strings][hostile]") {
  ScratchDir dir;
  const fs::path project = copy_project(dir);
  write_file(project / "escapes.po",
             po_file("es", "msgctxt \"contact.title\"\nmsgid \"Contact\"\nmsgstr \"\\x41\\101 \\\"Contacto\\\"\\r\"\n"));
  // A file name with a line break would otherwise end the YAML comment it is written into.
  write_file(project / "name\nkey: injected.po", file_bytes(project / "escapes.po"));
  const auto result = run_leafpress({"strings", "import", "name\nkey: injected.po", "--into", kInto}, project);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const std::string yaml = file_bytes(project / "leaflets" / "immunotherapy" / "es.yaml");
  CHECK(yaml.rfind("# immunotherapy: es strings, imported from name?key: injected.po by leafpress\n", 0) == 0);
  CHECK(yaml.find("  title: \"AA \\\"Contacto\\\"\\r\"\n") != std::string::npos);
  CHECK(run_leafpress({"check", kInto}, project).exit_code == 0);
}

TEST_CASE("XLIFF 2.1: export validates, keys are unit ids, markup is placeholders, import loses nothing",
          "[strings][tools][xliff]") {
  ScratchDir dir;
  const fs::path project = copy_project(dir);
  export_spanish(project, "es.po");
  REQUIRE(run_leafpress({"strings", "export", kInto, "--lang", "es", "--out", "es.xlf"}, project).exit_code == 0);
  REQUIRE(run_leafpress({"strings", "export", kInto, "--out", "template.xlf"}, project).exit_code == 0);
  const std::string schema = (kSource / "tests" / "pdf" / "xliff" / "xliff_core_2.rng").string();
  run_tool({"xmllint", "--noout", "--relaxng", schema, "es.xlf", "template.xlf"}, project);
  const std::string xliff = file_bytes(project / "es.xlf");
  CHECK(xliff.find("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"fr\" "
                   "trgLang=\"es\">") != std::string::npos);
  CHECK(count_of(xliff, "<unit id=\"") == 95);
  CHECK(xliff.find("<unit id=\"how.checkpoints.p2\">") != std::string::npos);
  CHECK(xliff.find("<note category=\"used as\">paragraph</note>") != std::string::npos);
  CHECK(xliff.find("<data id=\"d1e\">](https://www.inserm.fr/dossier/immunotherapie-cancer/)</data>") !=
        std::string::npos);
  CHECK(xliff.find("la protéine <pc id=\"1\" dataRefStart=\"d1s\" dataRefEnd=\"d1e\" type=\"fmt\" subType=\"xlf:b\" "
                   "canDelete=\"no\">CTLA-4</pc>") != std::string::npos);
  // No markup left in the text a translator edits: it is all in <originalData>.
  for (std::size_t at = xliff.find("<source>"); at != std::string::npos; at = xliff.find("<source>", at + 1)) {
    const std::string segment = xliff.substr(at, xliff.find("</segment>", at) - at);
    CHECK(segment.find('*') == std::string::npos);
    CHECK(segment.find("](") == std::string::npos);
  }
  CHECK(xliff.find("keep the markup") == std::string::npos);
  CHECK(file_bytes(project / "template.xlf").find("<target") == std::string::npos);

  // Imported back, the strings file exports the same PO file as before: nothing lost.
  const auto imported = run_leafpress({"strings", "import", "es.xlf", "--into", kInto}, project);
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK(imported.out == "wrote leaflets/immunotherapy/es.yaml (95 strings imported; 95 of 95 strings translated)\n");
  REQUIRE(run_leafpress({"strings", "export", kInto, "--lang", "es", "--out", "again.po"}, project).exit_code == 0);
  CHECK(file_bytes(project / "again.po") == file_bytes(project / "es.po"));
}

TEST_CASE("XLIFF: a tool moving placeholders moves the markup, and hostile files are refused", "[strings][hostile][xliff]") {
  ScratchDir dir;
  const fs::path project = copy_project(dir);
  const auto xliff = [](const std::string& units) {
    return "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" "
           "srcLang=\"fr\" trgLang=\"de\">\n<file id=\"f\">\n" + units + "</file>\n</xliff>\n";
  };
  const std::string link_data = "<originalData><data id=\"a\">[</data><data id=\"b\">](https://www.inserm.fr/dossier/"
                                "immunotherapie-cancer/)</data></originalData>";

  SECTION("placeholders where the translator put them") {
    write_file(project / "de.xlf",
               xliff("<unit id=\"who.expect.p2\">" + link_data + "<segment state=\"translated\"><source>x</source>"
                     "<target>Lesen Sie das <pc id=\"1\" dataRefStart=\"a\" dataRefEnd=\"b\">Dossier</pc> des Inserm."
                     "</target></segment></unit>\n"));
    const auto result = run_leafpress({"strings", "import", "de.xlf", "--into", kInto}, project);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(file_bytes(project / "leaflets" / "immunotherapy" / "de.yaml")
              .find("    p2: \"Lesen Sie das [Dossier](https://www.inserm.fr/dossier/immunotherapie-cancer/) des "
                    "Inserm.\"\n") != std::string::npos);
  }
  SECTION("a changed address in the original data") {
    std::string data = link_data;
    data.replace(data.find("https://www.inserm.fr"), 21, "https://evil.example");
    write_file(project / "de.xlf",
               xliff("<unit id=\"who.expect.p2\">" + data + "<segment state=\"translated\"><source>x</source>"
                     "<target>Das <pc id=\"1\" dataRefStart=\"a\" dataRefEnd=\"b\">Dossier</pc>.</target></segment>"
                     "</unit>\n"));
    check_refused(project, {"de.xlf", "--into", kInto},
                  "de.xlf:4: error: the translation of 'who.expect.p2' links to "
                  "https://evil.example/dossier/immunotherapie-cancer/, the source to "
                  "https://www.inserm.fr/dossier/immunotherapie-cancer/\n");
  }
  SECTION("a placeholder with no data") {
    write_file(project / "de.xlf",
               xliff("<unit id=\"contact.title\"><segment state=\"translated\"><source>Contact</source><target>"
                     "<pc id=\"1\" dataRefStart=\"x\" dataRefEnd=\"y\">Kontakt</pc></target></segment></unit>\n"));
    check_refused(project, {"de.xlf", "--into", kInto},
                  "de.xlf:4: error: placeholder <pc> refers to no data 'x' of its unit\n");
  }
  SECTION("entities: a DOCTYPE is refused before anything expands") {
    write_file(project / "de.xlf",
               "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>\n"
               "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"fr\" trgLang=\"de\">"
               "<file id=\"f\"><unit id=\"contact.title\"><segment><source>Contact</source><target>&b;</target>"
               "</segment></unit></file></xliff>\n");
    check_refused(project, {"de.xlf", "--into", kInto},
                  "de.xlf: error: the XLIFF file has a DOCTYPE; XLIFF needs none and leafpress reads none\n");
  }
  SECTION("an external entity") {
    write_file(project / "de.xlf",
               "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY e SYSTEM \"/etc/passwd\">]>\n"
               "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"fr\" trgLang=\"de\">"
               "<file id=\"f\"><unit id=\"contact.title\"><segment><source>Contact</source><target>&e;</target>"
               "</segment></unit></file></xliff>\n");
    check_refused(project, {"de.xlf", "--into", kInto}, "de.xlf: error: the XLIFF file has a DOCTYPE");
  }
  SECTION("XLIFF 1.2") {
    write_file(project / "de.xlf", "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" "
                                   "version=\"1.2\"><file/></xliff>\n");
    check_refused(project, {"de.xlf", "--into", kInto}, "de.xlf:2: error: expected an XLIFF 2 document");
  }
  SECTION("a split segment") {
    write_file(project / "de.xlf",
               xliff("<unit id=\"contact.title\"><segment><source>Con</source><target>Kon</target></segment>"
                     "<segment><source>tact</source><target>takt</target></segment></unit>\n"));
    check_refused(project, {"de.xlf", "--into", kInto},
                  "de.xlf:4: error: unit 'contact.title' has 2 segments; a leaflet's string is one\n");
  }
  SECTION("a duplicate unit id") {
    write_file(project / "de.xlf",
               xliff("<unit id=\"contact.title\"><segment state=\"translated\"><source>Contact</source><target>Kontakt"
                     "</target></segment></unit>\n<unit id=\"contact.title\"><segment state=\"translated\"><source>"
                     "Contact</source><target>Kontakte</target></segment></unit>\n"));
    check_refused(project, {"de.xlf", "--into", kInto},
                  "de.xlf:5: error: duplicate key 'contact.title' (its first message is at line 4)\n");
  }
  SECTION("no target language") {
    std::string text = xliff("<unit id=\"contact.title\"><segment><source>Contact</source><target>Kontakt</target>"
                             "</segment></unit>\n");
    text.erase(text.find(" trgLang=\"de\""), 13);
    write_file(project / "de.xlf", text);
    check_refused(project, {"de.xlf", "--into", kInto}, "de.xlf: error: the XLIFF file has no 'trgLang'\n");
  }
  SECTION("malformed XML") {
    write_file(project / "de.xlf", xliff("<unit id=\"contact.title\"><segment><source>Contact</source></unit>\n"));
    check_refused(project, {"de.xlf", "--into", kInto}, "de.xlf:4:");
  }
}

TEST_CASE("pofilter flags an added link as leafpress refuses it", "[strings][tools]") {
  ScratchDir dir;
  const fs::path project = copy_project(dir);
  export_spanish(project, "es.po");
  // pofilter's own reading of the shipped translation: it flags one string, where its URL
  // pattern takes the ")." after the French address into the URL; leafpress's markup
  // parser sees the same address in both.
  run_tool({"pofilter", "--progress=none", "-t", "urls", "es.po", "shipped.po"}, project);
  const std::string shipped = file_bytes(project / "shipped.po");
  CHECK(count_of(shipped, "# (pofilter) urls") == 1);
  CHECK(shipped.find("msgctxt \"contact.title\"") == std::string::npos);
  CHECK(run_leafpress({"strings", "import", "es.po", "--into", kInto}, project).exit_code == 0);

  std::string po = file_bytes(project / "es.po");
  const std::string title = "msgctxt \"contact.title\"\nmsgid \"Contact\"\nmsgstr \"Contacto\"\n";
  const auto at = po.find(title);
  REQUIRE(at != std::string::npos);
  po.replace(at, title.size(), "msgctxt \"contact.title\"\nmsgid \"Contact\"\nmsgstr \"[Contacto](https://evil.example/)\"\n");
  write_file(project / "es.po", po);
  run_tool({"pofilter", "--progress=none", "-t", "urls", "es.po", "flagged.po"}, project);
  const std::string flagged = file_bytes(project / "flagged.po");
  CHECK(count_of(flagged, "# (pofilter) urls") == 2);
  CHECK(flagged.find("msgctxt \"contact.title\"") != std::string::npos);
  const int line = static_cast<int>(std::count(po.begin(), po.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 2;
  check_refused(project, {"es.po", "--into", kInto},
                "es.po:" + std::to_string(line) + ":1: error: the translation of 'contact.title' links to "
                "https://evil.example/, the source to none\n");
}

TEST_CASE("check warns at an outdated or fuzzy translation, and --strict fails on it", "[strings]") {
  ScratchDir dir;
  const fs::path project = copy_project(dir);
  const fs::path leaflet = project / "leaflets" / "immunotherapy";
  std::string french = file_bytes(leaflet / "fr.yaml");
  french.replace(french.find("  title: Contact\n"), 17, "  title: Nous contacter\n");
  write_file(leaflet / "fr.yaml", french);
  const auto checked = run_leafpress({"check", kInto, "--format", "brochure"}, project);
  CHECK(checked.exit_code == 0);
  CHECK(checked.err.find("leaflets/immunotherapy/en.yaml:") != std::string::npos);
  CHECK(checked.err.find(": warning: the translation of 'contact.title' is outdated: the 'fr' text changed after it "
                         "was translated\n") != std::string::npos);
  CHECK(count_of(checked.err, "is outdated") == 3);  // en, es, ar
  CHECK(run_leafpress({"check", kInto, "--format", "brochure", "--strict"}, project).exit_code == 1);

  // Once someone has checked the translations, --replace records them as current.
  const std::string english = file_bytes(leaflet / "en.yaml");
  CHECK(run_leafpress({"strings", "mark-current", "--lang", "en"}, project).out.empty());  // nothing unrecorded
  const auto marked = run_leafpress({"strings", "mark-current", "--lang", "en", "--replace"}, project);
  CHECK(marked.out == "recorded 1 fingerprints in leaflets/immunotherapy/en.yaml\n");
  const std::string after = file_bytes(leaflet / "en.yaml");
  CHECK(after.size() == english.size());  // one fingerprint changed in place, nothing else
  CHECK(std::mismatch(after.begin(), after.end(), english.begin()).first - after.begin() ==
        static_cast<std::ptrdiff_t>(english.find("  contact.title: \"") + 18));
  const auto status = run_leafpress({"strings", "status", "--keys"}, project);
  CHECK(status.out.find("immunotherapy        en               95        0         0\n") != std::string::npos);
  CHECK(status.out.find("immunotherapy        es               94        0         1\n  outdated  contact.title\n") !=
        std::string::npos);
}
