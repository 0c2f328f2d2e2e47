#include "core/cache_pruning.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <string>

#include "support/scratch_dir.hpp"

using namespace leafpress;
namespace fs = std::filesystem;
using Clock = std::chrono::system_clock;

namespace {

/// Sets `file`'s access and modification times, not following a link.
void set_times(const fs::path& file, Clock::time_point accessed, Clock::time_point modified) {
  const auto spec = [](Clock::time_point at) {
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch());
    return timespec{static_cast<time_t>(seconds.count()), 0};
  };
  const timespec times[2] = {spec(accessed), spec(modified)};
  REQUIRE(::utimensat(AT_FDCWD, file.c_str(), times, AT_SYMLINK_NOFOLLOW) == 0);
}

}  // namespace

TEST_CASE("the cache folder loses the entries unused for a month and nothing else", "[core]") {
  testing::ScratchDir dir;
  const fs::path cache = dir.path() / "cache";
  const Clock::time_point now = Clock::now();
  const auto days = [&](int n) { return now - std::chrono::days(n); };
  const std::string hex32 = "0123456789abcdef0123456789abcdef";
  const auto entry = [&](const std::string& name, Clock::time_point accessed, Clock::time_point modified) {
    const fs::path file = dir.write("cache/" + name, "bytes");
    set_times(file, accessed, modified);
    return file;
  };
  const fs::path old = entry("words-" + hex32 + ".bin", days(40), days(40));
  const fs::path old_short = entry("system-fonts-0123456789abcdef.txt", days(31), days(90));
  const fs::path old_temporary = entry(".yaml-" + hex32 + ".bin.Ab3xYz", days(35), days(35));
  const fs::path read_lately = entry("hyphenation-points-" + hex32 + ".bin", days(2), days(300));
  const fs::path written_lately = entry("font-" + hex32 + ".bin", days(60), days(1));
  const fs::path not_ours = entry("notes.txt", days(400), days(400));
  const fs::path not_ours_either = entry("words-" + hex32.substr(0, 20) + ".bin", days(400), days(400));
  const fs::path upper = entry("font-" + std::string(32, 'A') + ".bin", days(400), days(400));
  fs::create_symlink(old, cache / ("face-" + std::string(32, 'b') + ".txt"));

  CHECK(core::prune_cache_folder(cache, {}, now) == 3);
  CHECK_FALSE(fs::exists(old));
  CHECK_FALSE(fs::exists(old_short));
  CHECK_FALSE(fs::exists(old_temporary));
  for (const fs::path& kept : {read_lately, written_lately, not_ours, not_ours_either, upper}) CHECK(fs::exists(kept));
  CHECK(fs::is_symlink(cache / ("face-" + std::string(32, 'b') + ".txt")));  // a link is not ours to remove

  // Looked through at most once a day: the stamp says when.
  const fs::path again = entry("picture-" + hex32 + ".bin", days(45), days(45));
  CHECK(core::prune_cache_folder(cache, {}, now + std::chrono::hours(23)) == 0);
  CHECK(fs::exists(again));
  CHECK(core::prune_cache_folder(cache, {}, now + std::chrono::hours(25)) == 1);
  CHECK_FALSE(fs::exists(again));
}

TEST_CASE("a missing cache folder or a stamp that is not a file prunes nothing and fails nothing", "[core]") {
  testing::ScratchDir dir;
  CHECK(core::prune_cache_folder(dir.path() / "absent") == 0);
  const fs::path old = dir.write("cache/words-0123456789abcdef0123456789abcdef.bin", "bytes");
  set_times(old, Clock::now() - std::chrono::days(40), Clock::now() - std::chrono::days(40));
  fs::create_directory(dir.path() / "cache" / "pruned");
  CHECK(core::prune_cache_folder(dir.path() / "cache") == 0);
  CHECK(fs::exists(old));
}
