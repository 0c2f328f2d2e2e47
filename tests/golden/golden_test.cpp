#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/read_file.hpp"
#include "support/process.hpp"

// The middle stages' output, compared through the text back end (`leafpress dump`): a
// change in shaping, line breaking or layout shows up here as a readable diff.
// LEAFPRESS_UPDATE_GOLDEN=1 rewrites the expected files on purpose.

namespace fs = std::filesystem;
using leafpress::testing::run_process;

TEST_CASE("the sample leaflet lays out exactly as recorded", "[golden]") {
  const fs::path golden = fs::path(LEAFPRESS_SOURCE_DIR) / "tests" / "golden";
  for (const std::string language : {"en", "fr"}) {
    SECTION(language) {
      const auto result = run_process({LEAFPRESS_BINARY, "dump", "sample", "--lang", language}, golden.string());
      REQUIRE(result.exit_code == 0);
      CHECK(leafpress::testing::without_notes(result.err).empty());
      const fs::path expected_file = golden / ("sample." + language + ".txt");
      if (const char* update = std::getenv("LEAFPRESS_UPDATE_GOLDEN"); update && std::string(update) == "1") {
        std::ofstream(expected_file, std::ios::binary) << result.out;
      }
      const auto expected = leafpress::core::try_read_file(expected_file);
      REQUIRE(expected);
      CHECK(result.out == *expected);
    }
  }
}

TEST_CASE("every script's glyphs are set exactly as recorded", "[golden]") {
  // The glyph contract per script: each run's glyphs, where they stand and which bytes of the
  // text they stand for, for the engines fixture (tests/engines/languages) in every language.
  const fs::path source = fs::path(LEAFPRESS_SOURCE_DIR);
  const fs::path fixture = source / "tests" / "engines" / "languages";
  const fs::path golden = source / "tests" / "golden" / "scripts";
  std::vector<std::string> languages;
  for (const auto& entry : fs::directory_iterator(fixture)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".yaml" && name != "leaflet.yaml") languages.push_back(entry.path().stem().string());
  }
  std::sort(languages.begin(), languages.end());
  REQUIRE(languages.size() >= 20);
  const bool update = [] {
    const char* value = std::getenv("LEAFPRESS_UPDATE_GOLDEN");
    return value && std::string(value) == "1";
  }();
  if (update) fs::create_directories(golden);
  for (const std::string& language : languages) {
    INFO(language);
    const auto result = run_process({LEAFPRESS_BINARY, "dump", fixture.string(), "--lang", language, "--format", "brochure"},
                                    source.string());
    REQUIRE(result.exit_code == 0);
    const fs::path expected_file = golden / (language + ".txt");
    if (update) std::ofstream(expected_file, std::ios::binary) << result.out;
    const auto expected = leafpress::core::try_read_file(expected_file);
    REQUIRE(expected);
    CHECK(result.out == *expected);
  }
}
