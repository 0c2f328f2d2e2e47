#include "text/compiled_patterns.hpp"

#include <hyphen.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "core/c_handle.hpp"
#include "support/scratch_dir.hpp"
#include "text/hyphenate.hpp"

using namespace leafpress;

namespace {

using Dict = core::CHandle<HyphenDict, hnj_hyphen_free>;

const std::filesystem::path kEnglish = std::filesystem::path(text::kSystemHyphenationDir) / "hyph_en_US.dic";
const std::filesystem::path kFrench = std::filesystem::path(text::kSystemHyphenationDir) / "hyph_fr.dic";

/// libhyphen's odd/even digits for each letter of each word.
std::vector<std::string> hyphens(HyphenDict* dict, const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const std::string& word : words) {
    std::vector<char> marks(word.size() + 5, '\0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    hnj_hyphen_hyphenate2(dict, word.c_str(), static_cast<int>(word.size()), marks.data(), nullptr, &rep, &pos, &cut);
    if (rep) {
      for (std::size_t i = 0; i < word.size(); ++i) std::free(rep[i]);
      std::free(rep);
      std::free(pos);
      std::free(cut);
    }
    out.emplace_back(marks.data());
  }
  return out;
}

}  // namespace

TEST_CASE("compiled patterns read back hyphenate exactly as libhyphen's own", "[hyphenate]") {
  const std::vector<std::string> words = {"immunotherapy", "lymphocytes", "treatment", "inflammation",
                                          "checkpoint", "hyphenation", "antibodies", "chemotherapy"};
  for (const auto& file : {kEnglish, kFrench}) {
    INFO(file);
    const Dict loaded(hnj_hyphen_load(file.c_str()));
    REQUIRE(loaded);
    const std::string bytes = text::serialize_patterns(*loaded);
    const text::PatternMachine read = text::deserialize_patterns(bytes);
    REQUIRE(read);
    CHECK(text::serialize_patterns(*read) == bytes);
    CHECK(hyphens(read.get(), words) == hyphens(loaded.get(), words));
  }
}

TEST_CASE("damaged compiled patterns are refused, never followed", "[hyphenate]") {
  const Dict loaded(hnj_hyphen_load(kEnglish.c_str()));
  REQUIRE(loaded);
  const std::string bytes = text::serialize_patterns(*loaded);
  // Cut anywhere: refused.
  for (std::size_t size = 0; size < bytes.size(); size += 1 + size / 3) {
    const text::PatternMachine read = text::deserialize_patterns(std::string_view(bytes).substr(0, size));
    CHECK_FALSE(read);
  }
  // A string's terminating NUL that is not one: the charset's, at the end of its fixed-size
  // field, or the one that ends the bytes, behind which the last strings end: refused, since
  // libhyphen would read past it.
  const std::size_t cset = bytes.find(std::string_view(loaded->cset));
  REQUIRE(cset != std::string::npos);
  std::string unterminated = bytes;
  unterminated[cset + sizeof loaded->cset - 1] = 'x';
  CHECK_FALSE(text::deserialize_patterns(unterminated));
  unterminated = bytes;
  unterminated.back() = 'x';
  CHECK_FALSE(text::deserialize_patterns(unterminated));
  CHECK_FALSE(text::deserialize_patterns(bytes + "x"));
  CHECK_FALSE(text::deserialize_patterns("not a cache"));
  // A huge number where a count, an offset or a state number stands (the levels' and the
  // first states' fields, from byte 64 on): refused, not allocated or followed.
  int refused = 0;
  for (std::size_t at = 64; at + 4 <= bytes.size() && refused < 20; at += 4) {
    std::string damaged = bytes;
    const std::int32_t huge = 0x7fffff00;
    std::memcpy(damaged.data() + at, &huge, sizeof huge);
    if (!text::deserialize_patterns(damaged)) ++refused;
  }
  CHECK(refused == 20);
}

TEST_CASE("the pattern cache keeps a compiled copy of a dictionary file", "[hyphenate]") {
  const testing::ScratchDir dir;
  ::setenv("LEAFPRESS_CACHE_DIR", (dir.path() / "cache").c_str(), 1);
  const text::PatternMachine first = text::load_patterns(kEnglish);
  REQUIRE(first);
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path() / "cache")) {
    CHECK(entry.path().filename().string().rfind("hyphen-", 0) == 0);
    ++files;
  }
  CHECK(files == 1);
  const text::PatternMachine second = text::load_patterns(kEnglish);  // read from the cache
  REQUIRE(second);
  CHECK(text::serialize_patterns(*second) == text::serialize_patterns(*first));
  ::setenv("LEAFPRESS_CACHE_DIR", "off", 1);
  CHECK(text::pattern_cache_folder() == std::nullopt);
  ::unsetenv("LEAFPRESS_CACHE_DIR");
}

TEST_CASE("a dictionary changed in the last seconds is compiled again, not taken from the cache", "[hyphenate]") {
  namespace fs = std::filesystem;
  const testing::ScratchDir dir;
  ::setenv("LEAFPRESS_CACHE_DIR", (dir.path() / "cache").c_str(), 1);
  const auto entries = [&] {
    std::size_t files = 0;
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir.path() / "cache", ec); !ec && it != fs::directory_iterator(); ++it) ++files;
    return files;
  };
  // Compared by what they do: libhyphen leaves some fields of a state it does not use
  // (replindex without a replacement) as malloc left them.
  const std::vector<std::string> words = {"immunotherapy", "lymphocytes", "traitement", "immunothérapie",
                                          "inflammation", "chimiothérapie", "hyphenation", "anticorps"};
  const auto compiled = [&](const fs::path& file) {
    const Dict loaded(hnj_hyphen_load(file.c_str()));
    REQUIRE(loaded);
    return hyphens(loaded.get(), words);
  };
  const auto marks = [&](const text::PatternMachine& machine) { return hyphens(machine.get(), words); };
  REQUIRE(compiled(kEnglish) != compiled(kFrench));
  const fs::path dic = dir.path() / "hyph_xx.dic";
  fs::copy_file(kEnglish, dic);
  // Just written: its change time cannot vouch for its bytes yet.
  const text::PatternMachine fresh = text::load_patterns(dic);
  REQUIRE(fresh);
  CHECK(marks(fresh) == compiled(kEnglish));
  CHECK(entries() == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  const text::PatternMachine settled = text::load_patterns(dic);
  REQUIRE(settled);
  CHECK(entries() == 1);
  CHECK(marks(text::load_patterns(dic)) == compiled(kEnglish));  // from the cache
  // Rewritten in place with other patterns: the copy of the old bytes is not taken.
  {
    std::ifstream in(kFrench, std::ios::binary);
    std::ofstream out(dic, std::ios::binary | std::ios::trunc);
    out << in.rdbuf();
  }
  const text::PatternMachine changed = text::load_patterns(dic);
  REQUIRE(changed);
  CHECK(marks(changed) == compiled(kFrench));
  CHECK(entries() == 1);
  ::unsetenv("LEAFPRESS_CACHE_DIR");
}

TEST_CASE("a compiled copy's states are read when first used, and damaged ones hyphenate as the dictionary does",
          "[hyphenate]") {
  namespace fs = std::filesystem;
  const testing::ScratchDir dir;
  ::setenv("LEAFPRESS_CACHE_DIR", (dir.path() / "cache").c_str(), 1);
  const auto fresh = text::Hyphenator::try_load(kEnglish, "en");  // compiles the copy and keeps it
  REQUIRE(fresh);
  const auto expected = fresh->hyphenation_points("immunotherapy");
  REQUIRE_FALSE(expected.empty());
  {
    const text::PatternMachine read = text::load_patterns(kEnglish);
    REQUIRE(read.first_level());
    CHECK(read.first_level()->states == nullptr);  // not read yet
    REQUIRE(read.get());
    CHECK(read.first_level()->states != nullptr);
  }

  // The first state's string now lies past the end: its levels still read, its states not.
  fs::path entry;
  for (const auto& found : fs::directory_iterator(dir.path() / "cache")) entry = found.path();
  std::string bytes;
  {
    std::ifstream in(entry, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::int32_t levels = 0;
  std::memcpy(&levels, bytes.data() + 20, sizeof levels);  // after the 20-byte magic
  const std::size_t level_size = 9 * sizeof(std::int32_t) + sizeof(HyphenDict::cset);
  const std::size_t first_state = 20 + 3 * sizeof(std::int32_t) + static_cast<std::size_t>(levels) * level_size;
  const std::int32_t past_end = 0x7FFFFFF0;
  std::memcpy(bytes.data() + first_state, &past_end, sizeof past_end);
  std::ofstream(entry, std::ios::binary | std::ios::trunc) << bytes;

  const text::PatternMachine damaged = text::load_patterns(kEnglish);
  CHECK(damaged.first_level());
  CHECK_FALSE(damaged.get());
  const auto again = text::Hyphenator::try_load(kEnglish, "en");
  REQUIRE(again);
  CHECK(again->hyphenation_points("immunotherapy") == expected);
  ::unsetenv("LEAFPRESS_CACHE_DIR");
}
