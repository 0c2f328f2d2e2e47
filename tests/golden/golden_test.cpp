#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

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
      CHECK(result.err.empty());
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
