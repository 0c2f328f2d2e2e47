#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "support/image_fixtures.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

// Memory stays bounded whatever the input: the two cases that took gigabytes (10 pictures of
// 8000 x 5000 pixels from 1.2 MB of files; a 60 KB string at 4 pt used 370 times) end with an
// error naming the figure or the use that crosses the budget, inside an address space of
// 1.5 GB (ulimit -v 1500000), with one job or two.

namespace fs = std::filesystem;
using namespace leafpress::testing;

#if defined(LEAFPRESS_CHECKED_BUILD)
// AddressSanitizer reserves terabytes of address space for its shadow memory: no ulimit -v.
TEST_CASE("memory budgets under ulimit -v (not in sanitizer builds)", "[hostile][memory]") { SUCCEED(); }
#else

namespace {

const fs::path kFonts = fs::path(LEAFPRESS_SOURCE_DIR) / "fonts";

/// `leafpress build x` in `dir` with the address space limited to 1.5 GB.
ProcessResult build_in_1500_mb(const ScratchDir& dir, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args{"bash", "-c", "ulimit -v 1500000 && exec \"$@\"", "bash", LEAFPRESS_BINARY, "build",
                                "x", "--out", "out", "--fonts", kFonts.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_process(args, dir.path().string());
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace

TEST_CASE("ten pictures of 40 million pixels stop at the decoded-pixel budget, within 1.5 GB", "[hostile][memory]") {
  ScratchDir dir;
  const std::string png = make_png(8000, 5000, [](unsigned x, unsigned) {
    return Rgba{static_cast<std::uint8_t>(x % 251), 100, 50, 255};
  });
  std::string blocks;
  for (int i = 0; i < 10; ++i) {
    dir.write("x/images/p" + std::to_string(i) + ".png", png);
    blocks += "  - figure: images/p" + std::to_string(i) + ".png\n    alt: a\n";
  }
  dir.write("x/leaflet.yaml", "default_language: en\ntitle: t\nformat: [brochure, trifold]\ncontent:\n" + blocks);
  dir.write("x/en.yaml", "t: Pictures\na: A picture\n");
  const std::string expected =
      "x/leaflet.yaml:9:13: error: image 'images/p2.png' would bring the leaflet's decoded pictures to 120,000,000 "
      "pixels, over the limit of 100,000,000";
  for (const char* jobs : {"1", "2"}) {
    INFO("-j " << jobs);
    const auto result = build_in_1500_mb(dir, {"-j", jobs});
    CHECK(result.exit_code == 1);
    REQUIRE_FALSE(lines_of(result.err).empty());
    CHECK(lines_of(result.err).front() == expected);
    CHECK_FALSE(fs::exists(dir.path() / "out" / "x.en.brochure.pdf"));
  }
  // Two of them fit the budget: the leaflet is built, in both formats, within 1.5 GB.
  dir.write("x/leaflet.yaml", "default_language: en\ntitle: t\nformat: [brochure, trifold]\ncontent:\n" +
                                  blocks.substr(0, blocks.find("  - figure: images/p2.png")));
  const auto two = build_in_1500_mb(dir);
  INFO(two.err);
  CHECK(two.exit_code == 0);
  CHECK(fs::exists(dir.path() / "out" / "x.en.trifold.pdf"));
}

TEST_CASE("a 60 KB string used 370 times at 4 pt stops at the text budget, within 1.5 GB", "[hostile][memory]") {
  ScratchDir dir;
  std::string words;
  while (words.size() < 60000) words += "immunotherapy ";
  dir.write("x/fr.yaml", "t: Titre\np: " + words + "\n");
  std::string blocks;
  for (int i = 0; i < 370; ++i) blocks += "  - paragraph: p\n";
  dir.write("x/leaflet.yaml", "default_language: fr\ntitle: t\ntheme:\n  sizes:\n    body: 4\ncontent:\n" + blocks);
  for (const char* jobs : {"1", "2"}) {
    INFO("-j " << jobs);
    const auto result = build_in_1500_mb(dir, {"-j", jobs});
    CHECK(result.exit_code == 1);
    // The 70th paragraph (line 6 + 70) crosses 4 MiB: 70 x 60,004 bytes.
    CHECK(lines_of(result.err) ==
          std::vector<std::string>{"x/leaflet.yaml:76:16: error: the leaflet's text comes to more than 4 MiB here, "
                                   "over the limit of one document",
                                   "  hint: each use of a string counts its text again; use long strings fewer "
                                   "times, or raise the limit with --max-text-bytes"});
  }
}

#endif
