#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "pdf/pdf_probe.hpp"
#include "pdf/run_leafpress.hpp"
#include "support/image_fixtures.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

// Diagnostics as CI tools read them: JSON, SARIF 2.1.0 and GitHub workflow commands, each
// problem once with its rule, place (start and end), language and formats, and nothing a
// YAML file holds able to forge a log line or break the document.

namespace fs = std::filesystem;
using namespace leafpress::testing;
using nlohmann::json;

namespace {

const fs::path kSource = LEAFPRESS_SOURCE_DIR;
const fs::path kLeaflet = kSource / "leaflets" / "immunotherapy";
const fs::path kCorpus = kSource / "tests" / "errors";

fs::path copy_leaflet(const fs::path& to) {
  fs::copy(kLeaflet, to, fs::copy_options::recursive);
  return to;
}

void append(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary | std::ios::app) << text;
}

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

/// Checks `log` against what SARIF 2.1.0 requires (OASIS SARIF v2.1.0, §3.13 sarifLog,
/// §3.14 run, §3.18/§3.19 tool and toolComponent, §3.27 result, §3.28 location, §3.29
/// physicalLocation, §3.30 region, §3.49 reportingDescriptor); returns the problems found.
std::vector<std::string> sarif_problems(const json& log) {
  std::vector<std::string> problems;
  auto need = [&](bool ok, const std::string& what) {
    if (!ok) problems.push_back(what);
    return ok;
  };
  if (!need(log.is_object(), "the log is an object")) return problems;
  need(log.value("version", "") == "2.1.0", "version is \"2.1.0\" (§3.13.2)");
  need(log.contains("$schema") && log["$schema"].is_string(), "$schema names the schema (§3.13.3)");
  if (!need(log.contains("runs") && log["runs"].is_array(), "runs is an array (§3.13.4)")) return problems;
  for (const json& run : log["runs"]) {
    if (!need(run.contains("tool") && run["tool"].contains("driver"), "run.tool.driver (§3.14.6, §3.18.2)")) continue;
    const json& driver = run["tool"]["driver"];
    need(driver.contains("name") && driver["name"].is_string() && !driver["name"].get<std::string>().empty(),
         "driver.name (§3.19.8)");
    std::vector<std::string> rule_ids;
    for (const json& rule : driver.value("rules", json::array())) {
      if (need(rule.contains("id") && rule["id"].is_string(), "rule.id (§3.49.3)")) rule_ids.push_back(rule["id"]);
    }
    need(std::set<std::string>(rule_ids.begin(), rule_ids.end()).size() == rule_ids.size(), "rule ids are unique");
    if (run.contains("columnKind")) {
      const std::string kind = run["columnKind"];
      need(kind == "utf16CodeUnits" || kind == "unicodeCodePoints", "columnKind (§3.14.17)");
    }
    const json bases = run.value("originalUriBaseIds", json::object());
    for (const auto& [name, base] : bases.items()) {
      need(base.contains("uri") && base["uri"].get<std::string>().ends_with("/"),
           "originalUriBaseIds." + name + ".uri ends with '/' (§3.14.14)");
    }
    if (!need(run.contains("results") && run["results"].is_array(), "run.results")) continue;
    for (const json& result : run["results"]) {
      need(result.contains("message") && result["message"].contains("text") &&
               result["message"]["text"].is_string(),
           "result.message.text (§3.27.11, §3.11.8)");
      const std::string level = result.value("level", "warning");
      need(level == "none" || level == "note" || level == "warning" || level == "error", "result.level (§3.27.10)");
      if (result.contains("ruleIndex")) {
        const auto index = result["ruleIndex"].get<std::size_t>();
        need(index < rule_ids.size() && rule_ids[index] == result.value("ruleId", ""),
             "ruleIndex points at the rule ruleId names (§3.27.6)");
      }
      for (const json& location : result.value("locations", json::array())) {
        const json& physical = location.value("physicalLocation", json::object());
        need(physical.contains("artifactLocation") && physical["artifactLocation"].contains("uri"),
             "physicalLocation.artifactLocation.uri (§3.29.3, §3.4.3)");
        const std::string uri = physical["artifactLocation"].value("uri", "");
        need(std::all_of(uri.begin(), uri.end(), [](char c) { return c > ' ' && c < 0x7F; }),
             "the uri is a URI reference: no spaces, controls or raw non-ASCII (RFC 3986)");
        if (!physical.contains("region")) continue;
        const json& region = physical["region"];
        const int start_line = region.value("startLine", 0);
        const int start_column = region.value("startColumn", 1);
        const int end_line = region.value("endLine", start_line);
        const int end_column = region.value("endColumn", start_column);
        need(start_line >= 1 && start_column >= 1, "region starts at line and column 1 or more (§3.30.5)");
        need(end_line > start_line || (end_line == start_line && end_column >= start_column),
             "region ends at or after its start (§3.30.7)");
      }
    }
  }
  return problems;
}

}  // namespace

TEST_CASE("JSON diagnostics carry their rule, start and end, and the documents", "[cli][diagnostics]") {
  ScratchDir dir;
  const fs::path leaflet = copy_leaflet(dir.path() / "immunotherapy");
  append(leaflet / "en.yaml", "leftover: An old sentence nobody uses.\n");
  const int line = static_cast<int>(line_count(file_bytes(leaflet / "en.yaml")));
  const auto result = run_leafpress({"check", leaflet.string(), "--lang=en", "--diagnostics=json"});
  CHECK(result.exit_code == 0);
  CHECK(leafpress::testing::without_notes(result.err).empty());
  const json report = json::parse(result.out);
  CHECK(report["schema_version"] == 2);
  CHECK(report["tool"]["name"] == "leafpress");
  // Besides the warning, notes say what the build did (the brochure set smaller to make 4
  // pages): they carry their own severity.
  std::vector<json> problems;
  std::size_t notes = 0;
  for (const json& each : report["diagnostics"]) {
    if (each["severity"] == "note") ++notes;
    else problems.push_back(each);
  }
  CHECK(notes > 0);
  CHECK(report["warnings"] == 1);
  CHECK(report["notes"] == notes);
  REQUIRE(problems.size() == 1);
  const json& d = problems.front();
  CHECK(d["rule"] == "LP0303");
  CHECK(d["rule_name"] == "unused-string");
  CHECK(d["severity"] == "warning");
  CHECK(d["file"] == (leaflet / "en.yaml").string());
  CHECK(d["line"] == line);
  CHECK(d["column"] == 11);
  CHECK(d["end_line"] == line);
  CHECK(d["end_column"] == 11 + static_cast<int>(std::string("An old sentence nobody uses.").size()));
  CHECK(d["languages"] == json::array());
  CHECK(d["formats"] == json::array());
  CHECK(d["message"] == "string 'leftover' is not used by the leaflet");
  CHECK(d["hint"] == "remove it from " + (leaflet / "en.yaml").string() + ", or use it in leaflet.yaml");
  REQUIRE(report["documents"].size() == 3);
  CHECK(report["documents"][0]["language"] == "en");
  CHECK(report["documents"][0]["format"] == "brochure");
  CHECK(report["documents"][0]["file"].is_null());
  CHECK(report["documents"][0]["pages"].get<int>() >= 4);
  CHECK(report["errors"] == 0);
  CHECK(report["warnings"] == 1);
}

TEST_CASE("a problem found in every format is reported once, with its language and formats", "[cli][diagnostics]") {
  ScratchDir dir;
  const fs::path leaflet = copy_leaflet(dir.path() / "immunotherapy");
  // The cover is in every format: its missing translation is found three times.
  const std::string en = file_bytes(leaflet / "en.yaml");
  std::ofstream(leaflet / "en.yaml", std::ios::binary)
      << replace_once(en, "  subtitle: How your immune system can fight cancer\n", "");
  const auto text = run_leafpress({"check", leaflet.string(), "--lang", "en"});
  CHECK(text.exit_code == 0);
  const std::string message = "warning: string 'cover.subtitle' is missing from";
  const auto first = text.err.find(message);
  REQUIRE(first != std::string::npos);
  CHECK(text.err.find(message, first + 1) == std::string::npos);

  const auto result = run_leafpress({"check", leaflet.string(), "--lang", "en", "--diagnostics", "json"});
  const json report = json::parse(result.out);
  std::size_t found = 0;
  for (const json& d : report["diagnostics"]) {
    if (d["rule"] != "LP0304") continue;
    ++found;
    CHECK(d["languages"] == json::array({"en"}));
    CHECK(d["formats"] == json::array({"brochure", "trifold", "booklet"}));
  }
  CHECK(found == 1);
  CHECK(report["warnings"] == 1);
}

TEST_CASE("the error corpus as SARIF 2.1.0: the structure the standard requires, every result with a rule",
          "[cli][diagnostics]") {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(kCorpus)) {
    if (entry.is_directory()) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 5);
  for (const fs::path& folder : cases) {
    const std::string name = folder.filename().string();
    SECTION(name) {
      const auto result =
          run_leafpress({"check", name, "--diagnostics", "sarif", "--fonts", (kSource / "fonts").string()}, kCorpus);
      CHECK(result.exit_code == 1);
      const json log = json::parse(result.out);
      CHECK(sarif_problems(log) == std::vector<std::string>{});
      const json& results = log["runs"][0]["results"];
      CHECK_FALSE(results.empty());
      for (const json& r : results) {
        INFO(r.dump());
        // Every message of the corpus belongs to a rule of its own, not the catch-all.
        CHECK(r["ruleId"] != "LP0000");
        CHECK(r["ruleId"] == log["runs"][0]["tool"]["driver"]["rules"][r["ruleIndex"].get<std::size_t>()]["id"]);
        const json& location = r["locations"][0]["physicalLocation"];
        CHECK(location["artifactLocation"]["uri"].get<std::string>().starts_with(name + "/"));
        CHECK(location["artifactLocation"]["uriBaseId"] == "SRCROOT");
      }
    }
  }
}

TEST_CASE("SARIF regions count code points and end where the value ends", "[cli][diagnostics]") {
  const auto result =
      run_leafpress({"check", "unknown_keys", "--diagnostics", "sarif", "--fonts", (kSource / "fonts").string()}, kCorpus);
  const json log = json::parse(result.out);
  CHECK(log["runs"][0]["columnKind"] == "unicodeCodePoints");
  bool seen = false;
  for (const json& r : log["runs"][0]["results"]) {
    if (r["message"]["text"] != "unknown key 'colours' in 'theme'") continue;
    seen = true;
    const json& region = r["locations"][0]["physicalLocation"]["region"];
    CHECK(region["startLine"] == 4);
    CHECK(region["startColumn"] == 3);
    CHECK(region["endLine"] == 4);
    CHECK(region["endColumn"] == 3 + 7);  // "colours"
    CHECK(r["ruleId"] == "LP0201");
    CHECK(r["level"] == "error");
    CHECK(r["properties"]["hint"] == "did you mean 'colors'?");
  }
  CHECK(seen);
}

TEST_CASE("control characters in a YAML key cannot forge a log line in any format", "[cli][diagnostics]") {
  ScratchDir dir;
  const fs::path leaflet = copy_leaflet(dir.path() / "immunotherapy");
  // A double-quoted key may hold any character as an escape: a new line that would start a
  // workflow command of its own, an ANSI colour and a bidi override.
  append(leaflet / "en.yaml", "\"x\\n::error file=evil.yaml::forged\\e[31m\\u202E\": text\n");
  const std::string forged = "\n::error file=evil.yaml::forged";

  const auto text = run_leafpress({"check", leaflet.string(), "--lang", "en"});
  CHECK(text.exit_code == 1);
  CHECK(text.err.find(forged) == std::string::npos);
  CHECK(text.err.find('\x1b') == std::string::npos);
  CHECK(text.err.find("\\n::error file=evil.yaml::forged\\x1B[31m\\u{202E}") != std::string::npos);

  const auto github = run_leafpress({"check", leaflet.string(), "--lang", "en", "--diagnostics", "github"});
  CHECK(github.exit_code == 1);
  std::istringstream lines(github.out);
  std::size_t commands = 0;
  for (std::string line; std::getline(lines, line);) {
    INFO(line);
    CHECK((line.starts_with("::error ") || line.starts_with("::warning ")));
    CHECK(line.find('\x1b') == std::string::npos);
    ++commands;
  }
  CHECK(commands == 1);
  CHECK(github.out.find(",title=LP0299 wrong-type::expected a key name") != std::string::npos);

  for (const char* format : {"json", "sarif"}) {
    const auto result = run_leafpress({"check", leaflet.string(), "--lang", "en", "--diagnostics", format});
    CHECK(result.out.find('\x1b') == std::string::npos);
    CHECK(result.out.find("\\\\n::error file=evil.yaml") != std::string::npos);  // "\n" shown, as text
    CHECK_NOTHROW(json::parse(result.out));
  }
}

TEST_CASE("GitHub workflow commands escape '%', ':' and ',' in properties and '%' and new lines in the message",
          "[cli][diagnostics]") {
  ScratchDir dir;
  const fs::path leaflet = copy_leaflet(dir.path() / "a,b:c%d");
  append(leaflet / "en.yaml", "leftover: 100% unused\n");
  const auto result = run_leafpress({"check", leaflet.string(), "--lang", "en", "--diagnostics", "github"});
  CHECK(result.exit_code == 0);
  const int line = static_cast<int>(line_count(file_bytes(leaflet / "en.yaml")));
  const std::string file = (leaflet / "en.yaml").string();
  std::string in_property;
  std::string in_message;
  for (const char c : file) {
    in_property += c == '%' ? "%25" : c == ':' ? "%3A" : c == ',' ? "%2C" : std::string(1, c);
    in_message += c == '%' ? "%25" : std::string(1, c);
  }
  // The hint goes on a line of the annotation of its own: an escaped new line, not a real one.
  // Notices (what the build did on its own) are left aside.
  std::string annotations;
  std::istringstream lines(result.out);
  for (std::string each; std::getline(lines, each);) {
    if (each.rfind("::notice ", 0) != 0) annotations += each + "\n";
  }
  CHECK(annotations == "::warning file=" + in_property + ",line=" + std::to_string(line) + ",col=11,endLine=" +
                          std::to_string(line) +
                          ",endColumn=21,title=LP0303 unused-string::string 'leftover' is not used by the "
                          "leaflet%0Ahint: remove it from " + in_message + ", or use it in leaflet.yaml\n");

}

TEST_CASE("a folder name that is not UTF-8 leaves every format readable", "[cli][diagnostics]") {
  ScratchDir dir;
  const fs::path leaflet = copy_leaflet(dir.path() / "caf\xE9");  // Latin-1 'é': invalid UTF-8
  append(leaflet / "en.yaml", "leftover: unused\n");
  const auto text = run_leafpress({"check", leaflet.string(), "--lang", "en"});
  CHECK(text.err.find("caf\\xE9/en.yaml:") != std::string::npos);
  const auto as_json = run_leafpress({"check", leaflet.string(), "--lang", "en", "--diagnostics", "json"});
  const json report = json::parse(as_json.out);
  CHECK(report["diagnostics"][0]["file"].get<std::string>().ends_with("caf\\xE9/en.yaml"));
  const auto sarif = run_leafpress({"check", leaflet.string(), "--lang", "en", "--diagnostics", "sarif"});
  const json log = json::parse(sarif.out);
  CHECK(sarif_problems(log) == std::vector<std::string>{});
  CHECK(log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .get<std::string>()
            .ends_with("caf%E9/en.yaml"));
}

TEST_CASE("links: mailto and tel become live links, --link-schemes widens the list, XMP keeps out controls",
          "[cli][links]") {
  ScratchDir dir;
  const fs::path leaflet = copy_leaflet(dir.path() / "immunotherapy");
  std::string en = file_bytes(leaflet / "en.yaml");
  // The cover title with a control character, an escape and a NUL: the XMP must stay XML.
  en = replace_once(en, "  title: Immunotherapy\n", "  title: \"Immuno\\x01the\\erapy\\0\"\n");
  en = replace_once(en, "  p1: >-\n", "  p1: >-\n    Write to [us](mailto:care@example.org) or [call](tel:+33123456789).\n");
  std::ofstream(leaflet / "en.yaml", std::ios::binary) << en;
  const fs::path out = dir.path() / "out";
  const auto built = run_leafpress({"build", leaflet.string(), "--lang=en", "--format=brochure", "--out=" + out.string()});
  REQUIRE(built.exit_code == 0);
  const fs::path pdf = out / "immunotherapy.en.brochure.pdf";
  const auto xmp = run_process({"mutool", "show", "-b", pdf.string(), "trailer/Root/Metadata"});
  REQUIRE(xmp.exit_code == 0);
  CHECK(xmp.out.find("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Immunotherapy</rdf:li>") != std::string::npos);
  // XML 1.0 §2.2: no C0 control but tab, line feed and carriage return, even as a reference.
  CHECK(std::none_of(xmp.out.begin(), xmp.out.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r';
  }));
  CHECK(xmp.out.find("&#") == std::string::npos);
  const auto links = run_process({"qpdf", "--qdf", "--object-streams=disable", pdf.string(), "-"});
  CHECK(links.out.find("/URI (mailto:care@example.org)") != std::string::npos);
  CHECK(links.out.find("/URI (tel:+33123456789)") != std::string::npos);

  // An FTP link is refused by default and allowed when the list names it.
  en = replace_once(en, "mailto:care@example.org", "ftp://files.example.org/leaflet.pdf");
  std::ofstream(leaflet / "en.yaml", std::ios::binary) << en;
  const auto refused = run_leafpress({"check", leaflet.string(), "--lang", "en"});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("error: link target 'ftp://files.example.org/leaflet.pdf' uses the scheme 'ftp', which is "
                         "not allowed in string 'intro.p1'") != std::string::npos);
  const auto allowed = run_leafpress({"check", leaflet.string(), "--lang", "en", "--link-schemes", "https,tel,FTP"});
  CHECK(allowed.exit_code == 0);
  CHECK(run_leafpress({"check", leaflet.string(), "--link-schemes", "https,java script"}).exit_code == 2);
}

TEST_CASE("a picture's low resolution, found in every language, is reported once per format", "[cli][diagnostics]") {
  ScratchDir dir;
  const fs::path leaflet = copy_leaflet(dir.path() / "immunotherapy");
  std::ofstream(leaflet / "images" / "checkpoint.png", std::ios::binary)
      << make_png(140, 45, [](unsigned x, unsigned) { return Rgba{static_cast<std::uint8_t>(x), 90, 200, 255}; });
  // The brochure, the booklet and the tri-fold's cover print it at different sizes: a
  // warning each, not one for each of the 4 languages as well.
  const auto text = run_leafpress({"check", leaflet.string()});
  CHECK(text.exit_code == 0);
  for (const std::string format : {"brochure", "booklet", "trifold"}) {
    INFO(format);
    const std::string said = "ppi where the " + format + " prints it";
    const auto first = text.err.find(said);
    REQUIRE(first != std::string::npos);
    CHECK(text.err.find(said, first + 1) == std::string::npos);
  }
  const json report = json::parse(run_leafpress({"check", leaflet.string(), "--diagnostics", "json"}).out);
  std::vector<json> warnings;
  for (const json& d : report["diagnostics"]) {
    if (d["severity"] != "note") warnings.push_back(d);  // notes: the brochure set smaller to make 4 pages
  }
  REQUIRE(warnings.size() == 3);
  for (const json& d : warnings) {
    CHECK(d["rule"] == "LP0601");
    CHECK(d["languages"] == json::array({"fr", "en", "es", "ar"}));
    CHECK(d["formats"].size() == 1);
  }
}

TEST_CASE("'pages:' sets a brochure's page count, and text over it is an error at the key saying by how much",
          "[cli][diagnostics][makeup]") {
  ScratchDir dir;
  const fs::path leaflet = copy_leaflet(dir.path() / "immunotherapy");
  const std::string yaml = file_bytes(leaflet / "leaflet.yaml");
  // Six pages: the text of four spread over them, no blank page, every page numbered.
  std::ofstream(leaflet / "leaflet.yaml", std::ios::binary) << replace_once(yaml, "page:\n", "page:\n  pages: 6\n");
  const auto six = run_leafpress({"build", leaflet.string(), "--lang=en", "--format=brochure", "--out",
                                  (dir.path() / "out").string()});
  INFO(six.err);
  REQUIRE(six.exit_code == 0);
  const fs::path pdf = dir.path() / "out" / "immunotherapy.en.brochure.pdf";
  CHECK(leafpress::testing::pdfinfo(pdf).at("Pages") == "6");
  const std::string text = leafpress::testing::pdftotext(pdf);
  for (const std::string number : {"2/6", "6/6"}) CHECK(text.find(number) != std::string::npos);
  // Two pages cannot hold it: an error at 'pages:' (its line and column), in points and lines.
  std::ofstream(leaflet / "leaflet.yaml", std::ios::binary) << replace_once(yaml, "page:\n", "page:\n  pages: 2\n");
  const auto two = run_leafpress({"check", leaflet.string(), "--lang=en", "--format=brochure"});
  CHECK(two.exit_code == 1);
  const int line = static_cast<int>(line_count(yaml.substr(0, yaml.find("page:\n")))) + 2;
  CHECK(two.err.find("leaflet.yaml:" + std::to_string(line) + ":10: error: the text does not fit in the 2 pages asked for: ") !=
        std::string::npos);
  CHECK(two.err.find(" pt (about ") != std::string::npos);
  CHECK(two.err.find(" lines) over, from the block at ") != std::string::npos);
}

TEST_CASE("a note says what the build did on its own, in every report, and counts as no warning",
          "[cli][diagnostics][makeup]") {
  // The English brochure is set at 102 % of its sizes to make 6 pages.
  ScratchDir out;
  const auto human = run_leafpress(
      {"build", kLeaflet.string(), "--lang=en", "--format=brochure", "--strict", "--out", out.path().string()});
  CHECK(human.exit_code == 0);  // --strict: a note is no warning
  CHECK(human.err.find(": note: the en brochure set at ") != std::string::npos);
  CHECK(human.out.find("0 errors, 0 warnings, 1 note") != std::string::npos);
  const auto sarif = json::parse(
      run_leafpress({"check", kLeaflet.string(), "--lang=en", "--format=brochure", "--diagnostics=sarif"}).out);
  const json& results = sarif["runs"][0]["results"];
  REQUIRE(results.size() == 1);
  CHECK(results[0]["level"] == "note");  // SARIF 2.1.0 §3.27.10
  CHECK(results[0]["ruleId"] == "LP0506");
  const auto github =
      run_leafpress({"check", kLeaflet.string(), "--lang=en", "--format=brochure", "--diagnostics=github"});
  CHECK(github.out.rfind("::notice ", 0) == 0);
}
