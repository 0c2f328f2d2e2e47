#include "locale/locale_facts.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/scoped_env.hpp"
#include "support/scratch_dir.hpp"

using namespace leafpress;
namespace fs = std::filesystem;

namespace {

/// The one entry the cache folder holds.
fs::path only_entry(const fs::path& folder) {
  fs::path found;
  int count = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    found = entry.path();
    ++count;
  }
  REQUIRE(count == 1);
  return found;
}

}  // namespace

TEST_CASE("a language's locale facts are ICU's, whether asked or kept", "[locale]") {
  const testing::ScratchDir dir;
  const testing::ScopedEnv cache("LEAFPRESS_CACHE_DIR", (dir.path() / "cache").string());
  for (const char* language : {"fr", "fr-CA", "de", "en", "ar", "fa", "he", "bn", "zh-Hant"}) {
    INFO(language);
    const locale::LocaleFacts asked = locale::ask_icu(language);
    CHECK(locale::locale_facts(language) == asked);  // asked, then kept
    CHECK(locale::locale_facts(language) == asked);  // read back
  }
  const locale::LocaleFacts french = locale::ask_icu("fr");
  CHECK(french.quote_open == U'\u00AB');
  CHECK(french.group_separator == U'\u202F');
  CHECK(french.numbering == "latn");
  CHECK(french.numbering_zero == U'0');
  const locale::LocaleFacts arabic = locale::ask_icu("ar");
  CHECK(arabic.numbering == "arab");
  CHECK(arabic.numbering_zero == U'\u0660');
  CHECK(locale::ask_icu("fa").numbering_zero == U'\u06F0');
}

TEST_CASE("a damaged locale facts entry is not read: ICU is asked again and the entry mended", "[locale]") {
  const testing::ScratchDir dir;
  const fs::path folder = dir.path() / "cache";
  const testing::ScopedEnv cache("LEAFPRESS_CACHE_DIR", folder.string());
  const locale::LocaleFacts asked = locale::ask_icu("ar");
  REQUIRE(locale::locale_facts("ar") == asked);
  const fs::path entry = only_entry(folder);
  const auto damage = [&](const std::string& bytes) {
    std::ofstream(entry, std::ios::binary | std::ios::trunc) << bytes;
    CHECK(locale::locale_facts("ar") == asked);
  };
  damage("");
  damage("leafpress-locale-facts-1\n");
  damage("leafpress-locale-facts-1\n201d\n201c\n2019\n2018\n66c\n660\narab");       // no final newline
  damage("leafpress-locale-facts-1\n201d\n201c\n2019\n2018\n66c\nd800\narab\n");    // a surrogate
  damage("leafpress-locale-facts-1\n201d\n201c\n2019\n2018\n66c\n110000\narab\n");  // beyond Unicode
  damage("leafpress-locale-facts-1\n201d\n201c\n2019\n2018\n66c\n660\nAR AB\n");    // not a name
  damage("leafpress-locale-facts-1\n201d\n201c\n2019\n2018\n66c\n660\narab\nmore\n");
  // An entry that parses is believed: what is read is what was written.
  std::ofstream(entry, std::ios::binary | std::ios::trunc)
      << "leafpress-locale-facts-1\n201d\n201c\n2019\n2018\n66c\n660\narab\n";
  const locale::LocaleFacts kept = locale::locale_facts("ar");
  CHECK(kept.quote_open == U'\u201D');
  CHECK(kept.group_separator == U'\u066C');
  CHECK(kept.numbering == "arab");
  CHECK(kept.numbering_zero == U'\u0660');
}

TEST_CASE("with the cache off, or ICU_DATA set, locale facts are asked every time and nothing is kept", "[locale]") {
  const testing::ScratchDir dir;
  const fs::path folder = dir.path() / "cache";
  {
    const testing::ScopedEnv cache("LEAFPRESS_CACHE_DIR", "off");
    CHECK(locale::locale_facts("de") == locale::ask_icu("de"));
  }
  {
    const testing::ScopedEnv cache("LEAFPRESS_CACHE_DIR", folder.string());
    const testing::ScopedEnv data("ICU_DATA", (dir.path() / "icu").string());
    CHECK(locale::locale_facts("de") == locale::ask_icu("de"));
  }
  CHECK_FALSE(fs::exists(folder));
}
