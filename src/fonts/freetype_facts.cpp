#include "fonts/freetype_facts.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <array>
#include <bit>
#include <cstdint>

#include "core/atomic_file.hpp"
#include "core/byte_reader.hpp"
#include "core/cache_folder.hpp"
#include "core/hash.hpp"
#include "core/read_file.hpp"

namespace leafpress::fonts {
namespace {

// Integers in this machine's order: the cache is of this machine, for this machine. Each
// string is its size then its bytes; the italic angle is the double's own bits.
constexpr std::string_view kMagic = "leafpress-freetype-facts-1\n";
constexpr std::uint32_t kMaxName = 1024;
constexpr std::size_t kMaxBytes = 4 * kMaxName + 256;

void put_string(std::string& out, const std::string& text) {
  core::append_integer(out, static_cast<std::uint32_t>(text.size()));
  out += text;
}

bool get_string(core::ByteReader& in, std::string& text) {
  std::uint32_t size = 0;
  std::string_view piece;
  if (!in.integer(size) || size > kMaxName || !in.bytes(size, piece)) return false;
  text = std::string(piece);
  return true;
}

bool get_flag(core::ByteReader& in, bool& flag) {
  std::uint8_t value = 0;
  if (!in.integer(value) || value > 1) return false;
  flag = value == 1;
  return true;
}

}  // namespace

std::optional<std::filesystem::path> freetype_facts_file(std::string_view identity, int index) {
  const auto folder = core::cache_folder();
  if (!folder) return std::nullopt;
  // FreeType's version as built against: the facts are its readings of the bytes.
  const std::string key = std::string(kMagic) + std::to_string(FREETYPE_MAJOR) + "." + std::to_string(FREETYPE_MINOR) +
                          "." + std::to_string(FREETYPE_PATCH) + "\n" + std::to_string(index) + "\n" +
                          std::string(identity);
  return *folder / ("freetype-" + core::content_hash(key) + ".bin");
}

std::optional<FreeTypeFacts> read_freetype_facts(const std::filesystem::path& file) {
  const auto bytes = core::try_read_file(file, kMaxBytes);
  if (!bytes || !bytes->starts_with(kMagic)) return std::nullopt;
  core::ByteReader in(std::string_view(*bytes).substr(kMagic.size()));
  FreeTypeFacts facts;
  FaceMetrics& m = facts.metrics;
  std::array<std::int32_t, 9> numbers{};
  for (std::int32_t& number : numbers) {
    if (!in.integer(number)) return std::nullopt;
  }
  std::uint64_t angle = 0;
  if (!get_string(in, facts.family) || !get_string(in, facts.style_name) || !get_string(in, facts.postscript_name) ||
      !in.integer(angle) || !get_flag(in, m.fixed_pitch) || !get_flag(in, m.serif) || !get_flag(in, m.italic) ||
      !get_flag(in, m.bold) || !in.at_end()) {
    return std::nullopt;
  }
  m.units_per_em = numbers[0];
  m.ascender = numbers[1];
  m.descender = numbers[2];
  m.cap_height = numbers[3];
  m.line_gap = numbers[4];
  m.bbox = {numbers[5], numbers[6], numbers[7], numbers[8]};
  m.italic_angle = std::bit_cast<double>(angle);
  // FreeType's units per em are 16 to 16,384; a face that opened had some.
  if (m.units_per_em <= 0 || m.units_per_em > 0xFFFF || m.italic_angle != m.italic_angle) return std::nullopt;
  return facts;
}

void keep_freetype_facts(const std::filesystem::path& file, const FreeTypeFacts& facts) {
  const FaceMetrics& m = facts.metrics;
  if (facts.family.size() > kMaxName || facts.style_name.size() > kMaxName || facts.postscript_name.size() > kMaxName) {
    return;
  }
  std::string out(kMagic);
  for (const int number : {m.units_per_em, m.ascender, m.descender, m.cap_height, m.line_gap, m.bbox[0], m.bbox[1],
                           m.bbox[2], m.bbox[3]}) {
    core::append_integer(out, static_cast<std::int32_t>(number));
  }
  put_string(out, facts.family);
  put_string(out, facts.style_name);
  put_string(out, facts.postscript_name);
  core::append_integer(out, std::bit_cast<std::uint64_t>(m.italic_angle));
  for (const bool flag : {m.fixed_pitch, m.serif, m.italic, m.bold}) {
    core::append_integer(out, static_cast<std::uint8_t>(flag ? 1 : 0));
  }
  core::store_cache_entry(file, out);
}

}  // namespace leafpress::fonts
