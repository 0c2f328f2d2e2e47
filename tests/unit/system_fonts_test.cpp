#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "fonts/system_fonts.hpp"
#include "support/scoped_env.hpp"
#include "support/scratch_dir.hpp"

using namespace leafpress;
namespace fs = std::filesystem;

namespace {

const fs::path kNotoSans = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";

struct Answers {
  std::vector<fonts::SystemFace> sans, missing, outlineless;
  bool loaded = false;
  bool operator==(const Answers& other) const {
    return sans == other.sans && missing == other.missing && outlineless == other.outlineless;
  }
};

Answers ask() {
  fonts::SystemFonts fonts;
  Answers answers{fonts.scalable("Noto Sans"), fonts.scalable("No Such Family"), fonts.without_outlines(), false};
  answers.loaded = fonts.loaded_fontconfig();
  return answers;
}

void age(const fs::path& folder) {
  fs::last_write_time(folder, fs::last_write_time(folder) - std::chrono::seconds(10));
}

}  // namespace

TEST_CASE("fontconfig's answers are remembered only while the font folders stay as they were", "[fonts]") {
  if (!fs::exists(kNotoSans)) {
    WARN("Noto Sans is not installed (scripts/setup installs fonts-noto-core)");
    return;
  }
  const testing::ScratchDir dir;
  const testing::ScopedEnv cache("LEAFPRESS_CACHE_DIR", (dir.path() / "cache").string());
  const testing::ScopedEnv data("XDG_DATA_HOME", (dir.path() / "data").string());
  const testing::ScopedEnv fontconfig_cache("XDG_CACHE_HOME", (dir.path() / "fontconfig-cache").string());
  fs::create_directories(dir.path() / "data");

  const Answers first = ask();
  CHECK(first.loaded);
  REQUIRE_FALSE(first.sans.empty());
  CHECK(first.missing.empty());
  const Answers second = ask();  // from the cache entry
  CHECK_FALSE(second.loaded);
  CHECK(second == first);

  Answers without_cache;
  {
    const testing::ScopedEnv off("LEAFPRESS_CACHE_DIR", "off");
    without_cache = ask();
  }
  CHECK(without_cache.loaded);
  CHECK(without_cache == first);

  // A font folder appears, holding one more Noto Sans: fontconfig is asked again, and its
  // answer is not remembered while the folder is fresh enough to change again unseen.
  const fs::path added = dir.path() / "data" / "fonts";
  fs::create_directories(added);
  fs::copy_file(kNotoSans, added / "Copy.ttf");
  const Answers fresh = ask();
  CHECK(fresh.loaded);
  CHECK(fresh.sans.size() == first.sans.size() + 1);
  CHECK(ask().loaded);
  age(added);
  const Answers settled = ask();
  CHECK(settled.loaded);
  CHECK(settled == fresh);
  const Answers remembered = ask();
  CHECK_FALSE(remembered.loaded);
  CHECK(remembered == fresh);

  // The file goes: the folder changed, and fontconfig no longer lists it.
  fs::remove(added / "Copy.ttf");
  const Answers removed = ask();
  CHECK(removed.loaded);
  CHECK(removed == first);

  // A damaged entry is not read.
  age(added);
  ask();
  CHECK_FALSE(ask().loaded);
  for (const auto& entry : fs::directory_iterator(dir.path() / "cache")) {
    if (entry.path().filename().string().starts_with("system-fonts-")) fs::resize_file(entry.path(), 100);
  }
  const Answers damaged = ask();
  CHECK(damaged.loaded);
  CHECK(damaged == first);
}
