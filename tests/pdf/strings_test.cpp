#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "pdf/pdf_probe.hpp"
#include "pdf/run_leafpress.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

// The translation workflow: export a PO file, translate it, import it, see what is left.

namespace fs = std::filesystem;
using namespace leafpress::testing;

namespace {

const fs::path kSource = LEAFPRESS_SOURCE_DIR;

/// A project folder with the shipped leaflet and fonts configuration, to change at will.
fs::path copy_project(const ScratchDir& dir) {
  fs::copy(kSource / "leaflets", dir.path() / "leaflets", fs::copy_options::recursive);
  fs::copy(kSource / "fonts", dir.path() / "fonts", fs::copy_options::recursive);
  return dir.path();
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

/// Every msgstr "" of an exported file filled with "DE: " and the msgid, as a translator
/// (or a machine) would return it.
std::string translate_everything(const std::string& po) {
  std::istringstream in(po);
  std::string out, source;
  bool in_source = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("msgid ", 0) == 0) {
      in_source = true;
      source = line.substr(7, line.size() - 8);
    } else if (in_source && line.rfind("\"", 0) == 0) {
      source += line.substr(1, line.size() - 2);
    } else if (line.rfind("msgstr ", 0) == 0 && !source.empty()) {
      in_source = false;
      out += "msgstr \"DE: " + source + "\"\n";
      continue;
    } else {
      in_source = false;
    }
    out += line + '\n';
  }
  return out;
}


/// `text` with its one occurrence of `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

/// `text` without the line starting at `start` (through its newline) after `after`.
std::string without_line_after(std::string text, const std::string& after, const std::string& start) {
  const auto anchor = text.find(after);
  REQUIRE(anchor != std::string::npos);
  const auto at = text.find(start, anchor);
  REQUIRE(at != std::string::npos);
  return text.erase(at, text.find('\n', at) + 1 - at);
}

}  // namespace

TEST_CASE("export writes every default-language string with its key and context", "[strings]") {
  ScratchDir dir;
  const fs::path project = copy_project(dir);
  const auto result = run_leafpress({"strings", "export", "leaflets/immunotherapy", "--lang", "de"}, project);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.out == "wrote immunotherapy.de.po (95 strings)\n");
  const std::string po = file_bytes(project / "immunotherapy.de.po");
  CHECK(count_of(po, "\nmsgctxt ") == 95);
  CHECK(po.find("\"Language: de\\n\"") != std::string::npos);
  CHECK(po.find("#. key: how.checkpoints.p2\n#. used as: paragraph\n#. keep the markup: *emphasis*, **strong**, "
                "[link text](address)\n#: leaflets/immunotherapy/fr.yaml:") != std::string::npos);
  CHECK(po.find("msgctxt \"how.checkpoints.p2\"\nmsgid \"\"\n\"Deux de ces freins") != std::string::npos);
  if (have_program("msgfmt")) {
    CHECK(run_process({"msgfmt", "--check", "-o", "/dev/null", (project / "immunotherapy.de.po").string()}).exit_code ==
          0);
  }
  // The same leaflet exports the same bytes: no dates.
  REQUIRE(run_leafpress({"strings", "export", "leaflets/immunotherapy", "--lang", "de", "--out", "again.po"}, project)
              .exit_code == 0);
  CHECK(file_bytes(project / "again.po") == po);
}

TEST_CASE("a translated PO file comes back as a strings file that builds", "[strings]") {
  ScratchDir dir;
  const fs::path project = copy_project(dir);
  REQUIRE(run_leafpress({"strings", "export", "leaflets/immunotherapy", "--lang", "de"}, project).exit_code == 0);
  write_file(project / "immunotherapy.de.po", translate_everything(file_bytes(project / "immunotherapy.de.po")));

  const auto imported = run_leafpress({"strings", "import", "immunotherapy.de.po", "--into", "leaflets/immunotherapy"}, project);
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK(imported.out == "wrote leaflets/immunotherapy/de.yaml (95 strings imported; 95 of 95 strings translated)\n");
  CHECK(imported.err.find("leaflet.yaml:4:12: warning: 'de' is not in the leaflet's languages, so it is not built") !=
        std::string::npos);
  const std::string yaml = file_bytes(project / "leaflets" / "immunotherapy" / "de.yaml");
  CHECK(yaml.find("cover:\n  title: \"DE: L'immunothérapie\"\n") != std::string::npos);
  CHECK(yaml.find("\n  kicker: \"DE: Guide pour les patients et leurs proches\"\n") != std::string::npos);
  CHECK(yaml.find("\ntranslated_from:\n  care.intro: \"") != std::string::npos);

  write_file(project / "leaflets" / "immunotherapy" / "leaflet.yaml",
        replaced(file_bytes(project / "leaflets" / "immunotherapy" / "leaflet.yaml"), "languages: [fr, en, es, ar]",
                 "languages: [fr, en, es, ar, de]"));
  const auto built = run_leafpress({"build", "leaflets/immunotherapy", "--lang", "de", "--format", "brochure", "--out", "out"}, project);
  INFO(built.err);
  REQUIRE(built.exit_code == 0);
  CHECK(built.err.empty());
  const std::string text = pdftotext(project / "out" / "immunotherapy.de.brochure.pdf");
  CHECK(text.find("DE: Guide pour les patients") != std::string::npos);

  const auto status = run_leafpress({"strings", "status", "--strict"}, project);
  CHECK(status.exit_code == 0);
  CHECK(status.out.find("immunotherapy        de               95        0         0\n") != std::string::npos);
}

TEST_CASE("status counts missing strings and finds translations whose source changed", "[strings]") {
  ScratchDir dir;
  const fs::path project = copy_project(dir);
  const fs::path leaflet = project / "leaflets" / "immunotherapy";
  REQUIRE(run_leafpress({"strings", "export", "leaflets/immunotherapy", "--lang", "en", "--out", "en.po"}, project)
              .exit_code == 0);
  REQUIRE(run_leafpress({"strings", "import", "en.po", "--into", "leaflets/immunotherapy"}, project).exit_code == 0);
  write_file(leaflet / "fr.yaml", replaced(file_bytes(leaflet / "fr.yaml"), "contact:\n  title: Contact\n",
                                      "contact:\n  title: Nous contacter\n"));
  write_file(leaflet / "en.yaml", without_line_after(file_bytes(leaflet / "en.yaml"), "\n  cases:\n", "    label: "));

  const auto status = run_leafpress({"strings", "status"}, project);
  INFO(status.err);
  CHECK(status.exit_code == 0);
  CHECK(status.out.find("immunotherapy        en               93        1         1\n") != std::string::npos);
  CHECK(run_leafpress({"strings", "status", "--strict"}, project).exit_code == 1);

  const auto again = run_leafpress({"strings", "export", "leaflets/immunotherapy", "--lang", "en", "--out", "en2.po"}, project);
  const std::string po = file_bytes(project / "en2.po");
  CHECK(po.find("#. OUTDATED: the source text changed after this was translated; check it\n#: "
                "leaflets/immunotherapy/fr.yaml:267\n#, fuzzy\nmsgctxt \"contact.title\"\nmsgid \"Nous contacter\"\nmsgstr \"Contact\"\n") != std::string::npos);
}

TEST_CASE("a broken PO file is reported at its line", "[strings]") {
  ScratchDir dir;
  const fs::path project = copy_project(dir);
  write_file(project / "bad.po",
        "msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n\"X-Leafpress-Leaflet: leaflets/immunotherapy\\n\"\n\n"
        "msgctxt \"cover.title\"\nmsgid \"L'immunothérapie\"\nmsgstr \"Die *Immuntherapie\"\n\n"
        "msgctxt \"cover.kicker\"\nmsgid \"Guide\nmsgstr \"Ratgeber\"\n");
  const auto result = run_leafpress({"strings", "import", "bad.po", "--into", "leaflets/immunotherapy"}, project);
  CHECK(result.exit_code == 1);
  // gettext's own parser, and its own words and line (msgfmt says the same).
  CHECK(result.err.find("bad.po:12: error: end-of-line within string\n") != std::string::npos);
  CHECK_FALSE(fs::exists(project / "leaflets" / "immunotherapy" / "de.yaml"));
}
