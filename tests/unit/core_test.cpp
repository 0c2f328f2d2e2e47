#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <filesystem>

#include "core/atomic_file.hpp"
#include "core/byte_reader.hpp"
#include "core/color.hpp"
#include "core/deflate.hpp"
#include "core/diagnostics.hpp"
#include "core/hash.hpp"
#include "core/icc_profile.hpp"
#include "core/limits.hpp"
#include "core/mapped_file.hpp"
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

TEST_CASE("colours are '#RRGGBB' or cmyk() with four inks in percent", "[core][color]") {
  std::string problem;
  CHECK(core::try_parse_color("#0B6E75", problem) == core::Color{core::Rgb{11 / 255.0, 110 / 255.0, 117 / 255.0}});
  CHECK(core::try_parse_color("cmyk(100%, 0%, 35%, 45%)", problem) == core::Color{core::Cmyk{1, 0, 0.35, 0.45}});
  CHECK(core::try_parse_color("CMYK(100,0,35,45)", problem) == core::Color{core::Cmyk{1, 0, 0.35, 0.45}});
  CHECK(core::try_parse_color(" cmyk( 12.5 % , 0 , 0 , 100 ) ", problem) == core::Color{core::Cmyk{0.125, 0, 0, 1}});

  auto problem_of = [](std::string_view text) {
    std::string why;
    CHECK_FALSE(core::try_parse_color(text, why));
    return why;
  };
  CHECK(problem_of("teal") == "");  // not a colour at all: the caller says what is expected
  CHECK(problem_of("#0B6E7") == "");
  CHECK(problem_of("cmyk(10, 20, 30)") == "cmyk() takes four inks, cyan, magenta, yellow and black, got 3");
  CHECK(problem_of("cmyk(10, 20, 30, 40, 50)") == "cmyk() takes four inks, cyan, magenta, yellow and black, got 5");
  CHECK(problem_of("cmyk(120%, 0, 0, 0)") == "each ink is 0 to 100%, got '120%'");
  CHECK(problem_of("cmyk(-1, 0, 0, 0)") == "each ink is 0 to 100%, got '-1'");
  CHECK(problem_of("cmyk(cyan, 0, 0, 0)") == "'cyan' is not a number");
  CHECK(problem_of("cmyk(1, , 0, 0)") == "'' is not a number");
  CHECK(problem_of("cmyk(1, 2, 3, 4") == "missing ')'");
  CHECK(problem_of("cmyk 1 2 3 4") == "expected '(' after 'cmyk'");
  CHECK(problem_of("cmyk(1, 2, 3, 4) !") == "unexpected ' !' after ')'");
}

TEST_CASE("press colours: CMYK stays, greys go to the black plate, other RGB by the textbook formula",
          "[core][color]") {
  CHECK(core::to_press_cmyk(core::Cmyk{1, 0, 0.35, 0.45}) == core::Cmyk{1, 0, 0.35, 0.45});
  CHECK(core::to_press_cmyk(core::Rgb{0, 0, 0}) == core::Cmyk{0, 0, 0, 1});
  CHECK(core::to_press_cmyk(core::Rgb{1, 1, 1}) == core::Cmyk{0, 0, 0, 0});
  // #1F2328, the leaflet's text: a near-black with a blue cast, spread 9/255.
  const core::Cmyk text = core::to_press_cmyk(*core::try_parse_hex_color("#1F2328"));
  CHECK(text.c == 0);
  CHECK(text.m == 0);
  CHECK(text.y == 0);
  CHECK(text.k == Approx(1 - (31 + 35 + 40) / 765.0));
  // #5B6770, the muted grey of captions and footers: darker, so a wider spread is still grey.
  const core::Cmyk muted = core::to_press_cmyk(*core::try_parse_hex_color("#5B6770"));
  CHECK(muted == core::Cmyk{0, 0, 0, muted.k});
  CHECK(muted.k == Approx(1 - (91 + 103 + 112) / 765.0));
  // The pale #E3F1F1 (spread 14/255) keeps its tint, a slate blue keeps its blue, and
  // #0B6E75 is mostly cyan.
  CHECK(core::to_press_cmyk(*core::try_parse_hex_color("#E3F1F1")).c > 0);
  CHECK(core::to_press_cmyk(*core::try_parse_hex_color("#607080")).c > 0);
  const core::Cmyk teal = core::to_press_cmyk(*core::try_parse_hex_color("#0B6E75"));
  CHECK(teal.c == Approx((117 - 11) / 117.0));
  CHECK(teal.m == Approx((117 - 110) / 117.0));
  CHECK(teal.y == 0);
  CHECK(teal.k == Approx(1 - 117 / 255.0));
  CHECK(core::to_press_cmyk(core::Rgb{1, 0, 0}) == core::Cmyk{0, 1, 1, 0});
}

TEST_CASE("colours print as they are written", "[core][color]") {
  CHECK(core::to_string(core::Rgb{11 / 255.0, 110 / 255.0, 117 / 255.0}) == "#0B6E75");
  CHECK(core::to_string(core::Cmyk{1, 0, 0.355, 0.45}) == "cmyk(100%, 0%, 35.5%, 45%)");
}

namespace {

void put32(std::string& bytes, std::size_t at, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) bytes[at + static_cast<std::size_t>(i)] = static_cast<char>(value >> (24 - 8 * i));
}

/// A minimal ICC profile: header, a tag table with one 'desc' tag holding `tag`.
std::string icc_profile(const std::string& device_class, const std::string& space, const std::string& tag) {
  std::string bytes(128 + 4 + 12, '\0');
  bytes.replace(12, 4, device_class);
  bytes.replace(16, 4, space);
  bytes.replace(36, 4, "acsp");
  put32(bytes, 128, 1);
  bytes.replace(132, 4, "desc");
  put32(bytes, 136, static_cast<std::uint32_t>(bytes.size()));
  put32(bytes, 140, static_cast<std::uint32_t>(tag.size()));
  bytes += tag;
  put32(bytes, 0, static_cast<std::uint32_t>(bytes.size()));
  return bytes;
}

std::string text_description(const std::string& text) {
  std::string tag = "desc" + std::string(8, '\0');
  put32(tag, 8, static_cast<std::uint32_t>(text.size() + 1));
  return tag + text + '\0';
}

}  // namespace

TEST_CASE("ICC profiles: header checked, class, colour space and description read", "[core][icc]") {
  std::string problem;
  const auto press = core::try_read_icc_profile(icc_profile("prtr", "CMYK", text_description("Coated press")), problem);
  REQUIRE(press);
  CHECK(problem.empty());
  CHECK(press->device_class == "prtr");
  CHECK(press->color_space == "CMYK");
  CHECK(press->components == 4);
  CHECK(press->description == "Coated press");
  CHECK(press->bytes->size() == 128 + 16 + 12 + 13);

  // ICC v4: a multiLocalizedUnicodeType, its first record in UTF-16BE.
  std::string mluc = "mluc" + std::string(24, '\0');
  put32(mluc, 8, 1);
  put32(mluc, 12, 12);
  mluc.replace(16, 4, "enUS");
  put32(mluc, 20, 8);
  put32(mluc, 24, 28);
  mluc += std::string("\0s\0R\0G\0B", 8);
  const auto display = core::try_read_icc_profile(icc_profile("mntr", "RGB ", mluc), problem);
  REQUIRE(display);
  CHECK(display->components == 3);
  CHECK(display->description == "sRGB");
  CHECK(core::describe_icc_class(display->device_class) == "a display ('mntr')");

  auto problem_of = [](std::string bytes) {
    std::string why;
    CHECK_FALSE(core::try_read_icc_profile(std::move(bytes), why));
    return why;
  };
  CHECK(problem_of("ICC") == "not an ICC profile: it has 3 bytes, and the header alone has 128");
  std::string no_signature = icc_profile("prtr", "CMYK", text_description("x"));
  no_signature.replace(36, 4, "ACSP");
  CHECK(problem_of(no_signature) == "not an ICC profile: no 'acsp' signature at byte 36");
  const std::string whole = icc_profile("prtr", "CMYK", text_description("x"));
  CHECK(problem_of(whole.substr(0, 140)) ==
        "a damaged ICC profile: its header says " + std::to_string(whole.size()) + " bytes, the file has 140");
}

TEST_CASE("a damaged ICC tag table gives no description and reads nothing outside the file", "[core][icc]") {
  std::string problem;
  std::string bytes = icc_profile("prtr", "CMYK", text_description("Coated press"));
  put32(bytes, 136, 0xFFFFFFF0);  // the tag's offset past the end
  CHECK(core::try_read_icc_profile(bytes, problem)->description.empty());
  bytes = icc_profile("prtr", "CMYK", text_description("Coated press"));
  put32(bytes, 128, 0xFFFFFFFF);  // four billion tags: LittleCMS reads none of them
  CHECK(core::try_read_icc_profile(bytes, problem)->description.empty());
  bytes = icc_profile("prtr", "CMYK", text_description("Coated press"));
  put32(bytes, 144 + 8, 0x7FFFFFFF);  // the text's length past the tag
  CHECK(core::try_read_icc_profile(bytes, problem)->description.empty());
  const auto odd = core::try_read_icc_profile(icc_profile("prtr", "\x01\x02\x03\x04", ""), problem);
  REQUIRE(odd);
  CHECK(odd->color_space == "????");
  CHECK(odd->components == 0);
}

TEST_CASE("a byte reader reads only what its bytes hold, and records only where they are aligned", "[core]") {
  alignas(4) const char stored[] = {7, 0, 0, 0, 'a', 'b', 0, 0, 1, 0, 0, 0, 2, 0, 0, 0};
  core::ByteReader in(std::string_view(stored, sizeof stored));
  std::uint32_t value = 0;
  REQUIRE(in.integer(value));
  CHECK(value == 7);
  std::string_view piece;
  REQUIRE(in.bytes(2, piece));
  CHECK(piece == "ab");
  CHECK_FALSE(in.zeros(3));  // the third byte is the next integer's
  REQUIRE(in.zeros(2));
  std::span<const std::uint32_t> pair;
  CHECK_FALSE(in.records(3, pair));  // 8 bytes left
  REQUIRE(in.records(2, pair));
  CHECK((pair[0] == 1 && pair[1] == 2));
  CHECK(in.at_end());
  CHECK_FALSE(in.integer(value));

  core::ByteReader askew(std::string_view(stored + 1, sizeof stored - 1));
  CHECK_FALSE(askew.records(1, pair));
  CHECK(askew.left() == sizeof stored - 1);
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

TEST_CASE("a file is read whole or up to one byte past its limit, and a FIFO is not read", "[core]") {
  const testing::ScratchDir dir;
  const auto file = dir.path() / "a.txt";
  const std::string text(100000, 'x');
  core::write_file_atomically(file, text);
  CHECK(core::try_read_file(file) == text);
  CHECK(core::try_read_file(file, 10)->size() == 11);
  CHECK(core::try_read_file(file, text.size()) == text);
  core::write_file_atomically(file, "");
  CHECK(core::try_read_file(file) == std::string());
  CHECK_FALSE(core::try_read_file(dir.path() / "missing"));
  CHECK_FALSE(core::try_read_file(dir.path()));
  const auto fifo = dir.path() / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_FALSE(core::try_read_file(fifo));  // refused at once, not waiting for a writer
  CHECK_FALSE(core::MappedFile::try_map(fifo, 100));
}

TEST_CASE("a mapped file shows the file's bytes, within its limit", "[core]") {
  const testing::ScratchDir dir;
  const auto file = dir.path() / "a.bin";
  core::write_file_atomically(file, "mapped bytes");
  const auto mapped = core::MappedFile::try_map(file, 100);
  REQUIRE(mapped);
  CHECK(mapped->bytes() == "mapped bytes");
  CHECK_FALSE(core::MappedFile::try_map(file, 5));
  CHECK_FALSE(core::MappedFile::try_map(dir.path() / "missing", 100));
  core::write_file_atomically(file, "");
  const auto empty = core::MappedFile::try_map(file, 100);
  REQUIRE(empty);
  CHECK(empty->bytes().empty());
}

TEST_CASE("a cache entry is renamed into place whole and leaves no temporary file", "[core]") {
  const testing::ScratchDir dir;
  const auto target = dir.path() / "entry.bin";
  core::write_cache_entry(target, "first");
  core::write_cache_entry(target, "second entry");
  CHECK(core::try_read_file(target) == std::string("second entry"));
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()) == 1);
  CHECK_THROWS_AS(core::write_cache_entry(dir.path() / "missing" / "entry.bin", "x"), core::OutputError);
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

TEST_CASE("a fingerprint fed in pieces is the fingerprint of the whole", "[core]") {
  core::Fingerprint pieces;
  pieces.add("leaf");
  pieces.add("");
  pieces.add("let");
  const auto digest = pieces.digest();
  CHECK(std::string(digest.begin(), digest.end()) == core::content_digest("leaflet"));
  CHECK(core::content_hash("leaflet").size() == 32);
  CHECK(core::content_hash("leaflet") != core::content_hash("leaflef"));
}

TEST_CASE("text fingerprints never change: translation files keep them", "[core]") {
  // Computed once by the first version (two FNV-1a 64 lanes); translated_from in every
  // strings file of a leaflet holds values like these.
  CHECK(core::text_hash("leaflet") == "9cb047b1fe9e5b2a");
  CHECK(core::text_hash("Qu\u2019est-ce que l\u2019immunoth\u00e9rapie ?") == "7bf774d9675becf4");
}

TEST_CASE("stale temporary files of a target are removed, but live, newer and other files are not", "[core]") {
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

TEST_CASE("the deflater writes zlib streams that zlib reads back, the same bytes every time") {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "BT /F1 10.8 Tf [<0012001F> -" + std::to_string(i % 37) + " <0044>] TJ ET\n";
  for (const std::string& input : {std::string(), std::string("x"), text}) {
    const std::string stream = core::Deflater().compressed(input);
    REQUIRE(stream.size() >= 2);
    CHECK((static_cast<unsigned char>(stream[0]) & 0x0F) == 8);  // RFC 1950: deflate
    std::string back(input.size() + 1, '\0');
    uLongf size = static_cast<uLongf>(back.size());
    REQUIRE(uncompress(reinterpret_cast<Bytef*>(back.data()), &size, reinterpret_cast<const Bytef*>(stream.data()),
                       static_cast<uLong>(stream.size())) == Z_OK);
    back.resize(size);
    CHECK(back == input);
    CHECK(core::Deflater().compressed(input) == stream);
  }
  CHECK(core::Deflater().compressed(text).size() < text.size() / 10);
  CHECK(core::deflate_version().starts_with("libdeflate "));
}
