#include "core/kept_table.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/atomic_file.hpp"
#include "core/hash.hpp"
#include "support/scoped_env.hpp"
#include "support/scratch_dir.hpp"
#include "text/remembered_positions.hpp"

using namespace leafpress;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMagic = "leafpress test table 1";

std::map<std::string, std::string> some_entries(int count) {
  std::map<std::string, std::string> entries;
  for (int i = 0; i < count; ++i) {
    entries["key " + std::to_string(i * 7919)] =
        std::string(static_cast<std::size_t>(i % 13), static_cast<char>('a' + i % 26));
  }
  return entries;
}

std::string table_bytes(const std::map<std::string, std::string>& entries) {
  std::vector<std::pair<std::string_view, std::string_view>> views(entries.begin(), entries.end());
  return core::kept_table_bytes(kMagic, views);
}

}  // namespace

TEST_CASE("a kept table finds each of its keys and no other", "[core]") {
  const testing::ScratchDir dir;
  const auto entries = some_entries(500);
  const fs::path file = dir.write("table.bin", table_bytes(entries));
  const auto table = core::KeptTable::open(file, kMagic, 1 << 20);
  REQUIRE(table);
  CHECK(table->size() == entries.size());
  for (const auto& [key, value] : entries) {
    const auto found = table->find(key);
    REQUIRE(found);
    CHECK(*found == value);
    CHECK(reinterpret_cast<std::uintptr_t>(found->data()) % 4 == 0);
  }
  CHECK_FALSE(table->find("key 1"));
  CHECK_FALSE(table->find(""));
  CHECK(table->entries().size() == entries.size());
  CHECK_FALSE(core::KeptTable::open(file, "leafpress test table 2", 1 << 20));  // another format
  CHECK_FALSE(core::KeptTable::open(file, kMagic, 100));                        // over the limit
  CHECK_FALSE(core::KeptTable::open(dir.path() / "absent.bin", kMagic, 1 << 20));
}

TEST_CASE("a damaged or cut kept table never gives a wrong value", "[core]") {
  const testing::ScratchDir dir;
  const auto entries = some_entries(12);
  const std::string bytes = table_bytes(entries);
  const fs::path file = dir.path() / "table.bin";
  std::size_t lost = 0;  // keys not found after a flip
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x41);
    core::write_cache_entry(file, damaged);
    const auto table = core::KeptTable::open(file, kMagic, 1 << 20);
    for (const auto& [key, value] : entries) {
      const auto found = table ? table->find(key) : std::nullopt;
      if (found) {
        CHECK(*found == value);
      } else {
        ++lost;
      }
    }
    if (table) {
      for (const auto& [key, value] : table->entries()) CHECK(entries.at(std::string(key)) == value);
    }
  }
  CHECK(lost >= bytes.size() / 2);  // a flipped byte of a record loses that record at least
  for (std::size_t size = 0; size < bytes.size(); size += 7) {
    core::write_cache_entry(file, bytes.substr(0, size));
    if (const auto table = core::KeptTable::open(file, kMagic, 1 << 20)) {
      for (const auto& [key, value] : entries) {
        if (const auto found = table->find(key)) CHECK(*found == value);
      }
    }
  }
}

TEST_CASE("positions are kept across runs in the cache folder, and checked against the text", "[text]") {
  const testing::ScratchDir dir;
  const testing::ScopedEnv cache("LEAFPRESS_CACHE_DIR", (dir.path() / "cache").string());
  fs::create_directories(dir.path() / "cache");
  const std::string text = "une immunothérapie";
  const auto kept = [&](const std::string& key, std::string_view of) {
    auto remembered = text::RememberedPositions::kept_in_cache("test-positions", "test 1");
    remembered.key() = key;
    const auto [positions, known] = remembered.slot(of);
    return known ? std::optional<std::vector<std::size_t>>(*positions) : std::nullopt;
  };
  {
    auto first = text::RememberedPositions::kept_in_cache("test-positions", "test 1");
    first.key() = "fr:" + text;
    auto [positions, known] = first.slot(text);
    CHECK_FALSE(known);
    *positions = {4, 12, 19};
    first.key() = "fr:not kept";
    CHECK_FALSE(first.slot(text, false).second);  // across_runs false: not kept
  }                                               // written back here
  CHECK(kept("fr:" + text, text) == std::vector<std::size_t>{4, 12, 19});

  // A second run adds its own and keeps the first's.
  {
    auto second = text::RememberedPositions::kept_in_cache("test-positions", "test 1");
    second.key() = "en:cancer";
    auto [positions, known] = second.slot("cancer");
    CHECK_FALSE(known);
    *positions = {3, 6};
  }
  CHECK(kept("en:cancer", "cancer") == std::vector<std::size_t>{3, 6});
  CHECK(kept("fr:" + text, text) == std::vector<std::size_t>{4, 12, 19});
  // Another format keeps nothing of this one's.
  {
    auto other = text::RememberedPositions::kept_in_cache("test-positions", "test 2");
    other.key() = "en:cancer";
    CHECK_FALSE(other.slot("cancer").second);
  }
  // Last, as these probes leave their slots unfilled, which a caller never does.
  CHECK_FALSE(kept("fr:not kept", text));
  CHECK_FALSE(kept("fr:" + text, "une"));  // positions past the text are not used
}

TEST_CASE("kept positions that do not ascend or split a character are not used", "[text]") {
  const testing::ScratchDir dir;
  const testing::ScopedEnv cache("LEAFPRESS_CACHE_DIR", (dir.path() / "cache").string());
  fs::create_directories(dir.path() / "cache");
  const std::string text = "thérapie";  // 'é' is bytes 2 and 3
  const auto entry_with = [&](std::vector<std::uint32_t> positions) {
    std::string value(reinterpret_cast<const char*>(positions.data()), positions.size() * sizeof(std::uint32_t));
    const std::string key = core::content_digest("k");  // the entry keys positions by the key's fingerprint
    const std::vector<std::pair<std::string_view, std::string_view>> entries{{key, value}};
    {
      auto made = text::RememberedPositions::kept_in_cache("test-positions", "test 1");
      made.key() = "probe";
      made.slot(text);  // finds the file name, writes nothing worth keeping
    }
    for (const auto& file : fs::directory_iterator(dir.path() / "cache")) {
      core::write_cache_entry(file.path(), core::kept_table_bytes("test 1", entries));
    }
    auto remembered = text::RememberedPositions::kept_in_cache("test-positions", "test 1");
    remembered.key() = "k";
    return remembered.slot(text).second;
  };
  CHECK(entry_with({2, 4}));
  CHECK_FALSE(entry_with({4, 2}));   // descending
  CHECK_FALSE(entry_with({2, 2}));   // repeated
  CHECK_FALSE(entry_with({3}));      // inside 'é'
  CHECK_FALSE(entry_with({2, 99}));  // past the text
}
