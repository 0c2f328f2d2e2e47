#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/process.hpp"

// Each folder under tests/errors is a broken leaflet. Its YAML files say, in comments of the
// form "# expect: <line>", every line `leafpress check` must print for it, in order
// (leaflet.yaml's expectations first, then the strings files' in name order).

namespace fs = std::filesystem;
using leafpress::testing::run_process;

namespace {

const fs::path kCorpus = fs::path(LEAFPRESS_SOURCE_DIR) / "tests" / "errors";

std::vector<std::string> expectations(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
    const bool a_leaflet = a.filename() == "leaflet.yaml";
    const bool b_leaflet = b.filename() == "leaflet.yaml";
    return a_leaflet != b_leaflet ? a_leaflet : a < b;
  });
  std::vector<std::string> lines;
  const std::string marker = "# expect: ";
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    for (std::string line; std::getline(in, line);) {
      if (const auto at = line.find(marker); at != std::string::npos) lines.push_back(line.substr(at + marker.size()));
    }
  }
  return lines;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("every broken leaflet gets exactly its expected diagnostics and exit code 1", "[errors]") {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(kCorpus)) {
    if (entry.is_directory()) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 5);
  for (const fs::path& folder : cases) {
    const std::string name = folder.filename().string();
    SECTION(name) {
      const auto expected = expectations(folder);
      REQUIRE_FALSE(expected.empty());
      // The project's font folder, as a leaflet under leaflets/ finds it.
      const auto result = run_process(
          {LEAFPRESS_BINARY, "check", name, "--fonts", (kCorpus.parent_path().parent_path() / "fonts").string()},
          kCorpus.string());
      CHECK(result.exit_code == 1);
      CHECK(split_lines(result.err) == expected);
      CHECK(result.out.empty());
    }
  }
}
