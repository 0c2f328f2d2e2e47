#include "pdf/font_program_cache.hpp"

#include <hb.h>

#include <cstdint>

#include "core/atomic_file.hpp"
#include "core/deflate.hpp"
#include "core/file_identity.hpp"
#include "core/hash.hpp"
#include "core/read_file.hpp"

namespace leafpress::pdf {
namespace {

// Changes whenever what codes turn into changes (the entry's layout, subset_face,
// reorder_glyphs, the compression level), so that no entry of an older leafpress is ever read.
constexpr std::string_view kMagic = "leafpress font program 1\n";
constexpr std::size_t kDigestBytes = 16;
constexpr std::size_t kSizeBytes = 4;
// Larger than any subset leafpress makes (a CJK face's few thousand glyphs are a few MB).
constexpr std::size_t kMaxEntryBytes = std::size_t{64} << 20;

}  // namespace

std::optional<std::filesystem::path> FontProgramCache::entry_path(const fonts::Face& face, std::string_view codes) const {
  if (!folder_ || !face.identity()) return std::nullopt;
  std::string key(kMagic);
  key += hb_version_string();
  key += '\n';
  key += core::deflate_version();
  key += '\n';
  key += std::to_string(face.index());
  key += '\n';
  key += *face.identity();
  key += '\n';
  key += codes;
  return *folder_ / ("font-" + core::content_hash(key) + ".bin");
}

std::optional<DeflatedProgram> FontProgramCache::find(const fonts::Face& face, std::string_view codes) const {
  const auto path = entry_path(face, codes);
  if (!path) return std::nullopt;
  auto bytes = core::try_read_file(*path, kMaxEntryBytes);
  // The magic, the program's size (4 bytes, little-endian), the deflated bytes' digest, them.
  const std::size_t header = kMagic.size() + kSizeBytes + kDigestBytes;
  if (!bytes || bytes->size() > kMaxEntryBytes || bytes->size() < header || !bytes->starts_with(kMagic)) {
    return std::nullopt;
  }
  std::uint32_t size = 0;
  for (std::size_t i = kSizeBytes; i-- > 0;) {
    size = size << 8 | static_cast<std::uint8_t>((*bytes)[kMagic.size() + i]);
  }
  const std::string_view digest = std::string_view(*bytes).substr(kMagic.size() + kSizeBytes, kDigestBytes);
  const std::string_view deflated = std::string_view(*bytes).substr(header);
  if (digest != core::content_digest(deflated)) return std::nullopt;
  return DeflatedProgram{std::string(deflated), size};
}

void FontProgramCache::store(const fonts::Face& face, std::string_view codes, const DeflatedProgram& program) const {
  const auto path = entry_path(face, codes);
  // The program was made from the bytes opened: kept only if the file is still those.
  if (!path || program.size > UINT32_MAX || core::settled_identity(face.path()) != face.identity()) return;
  std::string entry(kMagic);
  for (std::size_t i = 0; i < kSizeBytes; ++i) entry += static_cast<char>((program.size >> (8 * i)) & 0xFF);
  entry += core::content_digest(program.deflated);
  entry += program.deflated;
  core::store_cache_entry(*path, entry);
}

}  // namespace leafpress::pdf
