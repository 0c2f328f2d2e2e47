#include <catch2/catch.hpp>

#include <filesystem>

#include "core/atomic_file.hpp"
#include "core/color.hpp"
#include "core/diagnostics.hpp"
#include "core/hash.hpp"
#include "core/read_file.hpp"
#include "core/utf8.hpp"
#include "support/scratch_dir.hpp"

using namespace leafpress;

TEST_CASE("invalid UTF-8 is found at its first bad byte", "[core]") {
  CHECK_FALSE(core::find_invalid_utf8("immunothérapie – 17–20 %").has_value());
  CHECK(core::find_invalid_utf8("ab\xC3") == 2u);          // truncated sequence
  CHECK(core::find_invalid_utf8("a\xC0\xAF") == 1u);       // overlong '/'
  CHECK(core::find_invalid_utf8("\xED\xA0\x80") == 0u);    // UTF-16 surrogate
  CHECK(core::find_invalid_utf8("\xF4\x90\x80\x80") == 0u);  // past U+10FFFF
}

TEST_CASE("UTF-8 text becomes UTF-16BE, with surrogate pairs above the BMP", "[core]") {
  std::string out;
  core::append_utf16be(out, "é\xF0\x9F\x99\x82");  // é, U+1F642
  CHECK(out == std::string("\x00\xE9\xD8\x3D\xDE\x42", 6));
}

TEST_CASE("hex colours parse and anything else is refused", "[core]") {
  CHECK(core::try_parse_hex_color("#0B6E75") == core::Rgb{11 / 255.0, 110 / 255.0, 117 / 255.0});
  CHECK_FALSE(core::try_parse_hex_color("0B6E75"));
  CHECK_FALSE(core::try_parse_hex_color("#0B6E7"));
  CHECK_FALSE(core::try_parse_hex_color("#GGGGGG"));
}

TEST_CASE("diagnostics print like a compiler's", "[core]") {
  core::Diagnostics diags;
  diags.error({"leaflets/x/fr.yaml", 12, 9}, "unknown key 'colour' in 'theme'", "did you mean 'colors'?");
  diags.warning({"leaflets/x/en.yaml", 0, 0}, "something");
  REQUIRE(diags.items().size() == 2);
  CHECK(core::format(diags.items()[0]) ==
        "leaflets/x/fr.yaml:12:9: error: unknown key 'colour' in 'theme'\n  hint: did you mean 'colors'?");
  CHECK(core::format(diags.items()[1]) == "leaflets/x/en.yaml: warning: something");
  CHECK(diags.error_count() == 1);
  CHECK(diags.warning_count() == 1);
}

TEST_CASE("an atomic write replaces the file and leaves no temporary behind", "[core]") {
  const testing::ScratchDir dir;
  const auto target = dir.path() / "a.pdf";
  core::write_file_atomically(target, "first");
  core::write_file_atomically(target, "second");
  CHECK(core::try_read_file(target) == std::string("second"));
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("an atomic write into a missing folder fails and says where", "[core]") {
  const testing::ScratchDir dir;
  const auto target = dir.path() / "missing" / "a.pdf";
  CHECK_THROWS_WITH(core::write_file_atomically(target, "x"), Catch::Contains(target.string()));
}

TEST_CASE("fingerprints depend on every byte and nothing else", "[core]") {
  core::Fingerprint a, b, c;
  a.add("leaflet");
  b.add("leaflet");
  c.add("leaflet!");
  CHECK(a.digest() == b.digest());
  CHECK(a.digest() != c.digest());
}
