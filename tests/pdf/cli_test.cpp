#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "pdf/pdf_probe.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

// The command line as a user and a CI pipeline meet it: exit codes, what is written where,
// and what happens to earlier output when the input breaks.

namespace fs = std::filesystem;
using namespace leafpress::testing;

namespace {

const fs::path kSource = LEAFPRESS_SOURCE_DIR;
const fs::path kLeaflet = kSource / "leaflets" / "immunotherapy";

ProcessResult run_leafpress(std::vector<std::string> args, const fs::path& cwd = kSource) {
  args.insert(args.begin(), LEAFPRESS_BINARY);
  return run_process(args, cwd.string(), {"SOURCE_DATE_EPOCH=1700000000"});
}

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  if (!fs::exists(dir)) return names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

/// A copy of the shipped leaflet at `dir/name`, to break at will.
fs::path copy_leaflet(const ScratchDir& dir, const std::string& name) {
  const fs::path copy = dir.path() / name;
  fs::copy(kLeaflet, copy, fs::copy_options::recursive);
  return copy;
}

void append(const fs::path& file, const std::string& text) {
  std::string content = file_bytes(file) + text;
  std::ofstream(file, std::ios::binary) << content;
}

}  // namespace

TEST_CASE("version and help answer and exit 0", "[cli]") {
  const auto version = run_leafpress({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.rfind("leafpress ", 0) == 0);

  const auto help = run_leafpress({"--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("leafpress build [LEAFLET_DIR...]") != std::string::npos);
  CHECK(help.out.find("leafpress check LEAFLET_DIR...") != std::string::npos);
}

TEST_CASE("usage errors exit 2 and say what was wrong", "[cli]") {
  const auto unknown = run_leafpress({"frobnicate"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("frobnicate") != std::string::npos);

  const auto no_value = run_leafpress({"build", "--lang"});
  CHECK(no_value.exit_code == 2);
  CHECK(no_value.err.find("--lang") != std::string::npos);

  const auto unknown_option = run_leafpress({"build", "--colour"});
  CHECK(unknown_option.exit_code == 2);
  CHECK(unknown_option.err.find("--colour") != std::string::npos);

  const auto bad_limit = run_leafpress({"build", "--max-pages", "0"});
  CHECK(bad_limit.exit_code == 2);
  CHECK(first_line(bad_limit.err) == "leafpress: --max-pages needs a whole number of at least 1, got '0'");
  CHECK(run_leafpress({"check", kLeaflet.string(), "--max-file-bytes", "4MB"}).exit_code == 2);
}

TEST_CASE("the limits are on the command line, with their defaults in --help", "[cli]") {
  const auto help = run_leafpress({"--help"});
  for (const char* line : {"  --max-pages N         pages of one PDF (default: 500)",
                           "  --max-file-bytes N    size of one YAML file (default: 4194304, 4 MiB)",
                           "  --max-string-bytes N  bytes one string takes in its file (default: 65536, 64 KiB)",
                           "  --max-nesting N       maps and lists inside each other in a YAML file (default: 64)",
                           "  --allow-outside       read files that are symlinks leading outside the leaflet's"}) {
    CHECK(help.out.find(line) != std::string::npos);
  }
  // The shipped leaflet fits well inside every default, and inside tighter limits too.
  ScratchDir out;
  const auto tight = run_leafpress({"build", kLeaflet.string(), "--lang", "en", "--out", out.path().string(),
                                    "--max-pages", "8", "--max-file-bytes", "65536", "--max-string-bytes", "4096",
                                    "--max-nesting", "8"});
  INFO(tight.err);
  CHECK(tight.exit_code == 0);
}

TEST_CASE("check validates and writes nothing", "[cli]") {
  ScratchDir cwd;
  const auto result = run_leafpress({"check", kLeaflet.string()}, cwd.path());
  CHECK(result.exit_code == 0);
  CHECK(names_in(cwd.path()).empty());
}

TEST_CASE("a language list builds only the languages asked for", "[cli]") {
  ScratchDir out;
  const auto result = run_leafpress({"build", kLeaflet.string(), "--lang", "en", "--out", out.path().string()});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(names_in(out.path()) == std::vector<std::string>{"immunotherapy.en.pdf"});
}

TEST_CASE("asking for a language the leaflet does not define is an error", "[cli]") {
  ScratchDir out;
  const auto result = run_leafpress({"build", kLeaflet.string(), "--lang", "xx", "--out", out.path().string()});
  CHECK(result.exit_code == 1);
  CHECK(first_line(result.err).find("leaflet.yaml") != std::string::npos);
  CHECK(first_line(result.err).find("error: the leaflet has no language 'xx'") != std::string::npos);
  CHECK(names_in(out.path()).empty());
}

TEST_CASE("broken strings keep the earlier PDF intact and leave no partial file", "[cli]") {
  ScratchDir dir;
  const fs::path leaflet = copy_leaflet(dir, "immunotherapy");
  const fs::path out = dir.path() / "out";
  REQUIRE(run_leafpress({"build", leaflet.string(), "--out", out.string()}).exit_code == 0);
  const std::string before = file_bytes(out / "immunotherapy.fr.pdf");

  append(leaflet / "fr.yaml", "broken: [unclosed\n");
  const auto result = run_leafpress({"build", leaflet.string(), "--out", out.string()});
  CHECK(result.exit_code == 1);
  CHECK(first_line(result.err).find("fr.yaml:") != std::string::npos);
  CHECK(first_line(result.err).find(": error: malformed YAML") != std::string::npos);
  CHECK(file_bytes(out / "immunotherapy.fr.pdf") == before);
  for (const auto& name : names_in(out)) CHECK(name.rfind("immunotherapy.", 0) == 0);  // no temporary files
}

TEST_CASE("one broken leaflet does not stop the others", "[cli]") {
  ScratchDir dir;
  const fs::path good = copy_leaflet(dir, "good");
  const fs::path bad = copy_leaflet(dir, "bad");
  append(bad / "leaflet.yaml", "  - frobnicate: what.p1\n");
  const fs::path out = dir.path() / "out";
  const auto result = run_leafpress({"build", bad.string(), good.string(), "--lang", "en", "--out", out.string()});
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("bad/leaflet.yaml:") != std::string::npos);
  CHECK(result.err.find("unknown block kind 'frobnicate'") != std::string::npos);
  CHECK(names_in(out) == std::vector<std::string>{"good.en.pdf"});
}
