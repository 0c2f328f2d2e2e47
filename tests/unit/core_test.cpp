#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "core/atomic_file.hpp"
#include "core/color.hpp"
#include "core/diagnostics.hpp"
#include "core/hash.hpp"
#include "core/limits.hpp"
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

TEST_CASE("stale temporary files of a target are removed; live, newer and other files are not", "[core]") {
  namespace fs = std::filesystem;
  const testing::ScratchDir dir;
  const fs::path target = dir.path() / "x.fr.pdf";
  const auto stale = dir.write(".x.fr.pdf.a1B2c3", "half a PDF");
  const auto locked = dir.write(".x.fr.pdf.d4E5f6", "being written");
  const auto other = dir.write(".x.en.pdf.g7H8i9", "another target's");
  const auto not_ours = dir.write(".x.fr.pdf.old", "a user's file");
  const auto long_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (const auto& file : {stale, locked, other, not_ours}) fs::last_write_time(file, long_ago);
  const auto fresh = dir.write(".x.fr.pdf.j0K1l2", "written after the run began");

  // A live writer holds a lock on its temporary file for as long as it writes.
  const int fd = ::open(locked.c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  REQUIRE(::flock(fd, LOCK_EX) == 0);
  CHECK(core::remove_stale_temporaries(target, long_ago + std::chrono::minutes(1)) == 1);
  ::close(fd);

  CHECK_FALSE(fs::exists(stale));
  CHECK(fs::exists(locked));
  CHECK(fs::exists(other));
  CHECK(fs::exists(not_ours));
  CHECK(fs::exists(fresh));
}

TEST_CASE("sizes in messages are short and exact where they can be", "[core]") {
  CHECK(core::format_bytes(300) == "300 bytes");
  CHECK(core::format_bytes(64 * 1024) == "64 KiB");
  CHECK(core::format_bytes(1536) == "1.5 KiB");
  CHECK(core::format_bytes(4 * 1024 * 1024) == "4 MiB");
  CHECK(core::format_bytes(100 * 1024 * 1024 + 9) == "100.0 MiB");
}
