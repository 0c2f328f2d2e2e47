#include "pdf/font_program_cache.hpp"

#include <hb.h>

#include <cstdint>

#include "core/atomic_file.hpp"
#include "core/byte_reader.hpp"
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
  const auto bytes = core::try_read_file(*path, kMaxEntryBytes);
  if (!bytes || bytes->size() > kMaxEntryBytes) return std::nullopt;
  // The magic, the program's size, the deflated bytes' digest, them.
  core::ByteReader in(*bytes);
  std::uint32_t size = 0;
  std::string_view digest;
  if (!in.literal(kMagic) || !in.integer(size) || !in.bytes(kDigestBytes, digest)) return std::nullopt;
  const std::string_view deflated = std::string_view(*bytes).substr(bytes->size() - in.left());
  if (digest != core::content_digest(deflated)) return std::nullopt;
  return DeflatedProgram{std::string(deflated), size};
}

void FontProgramCache::store(const fonts::Face& face, std::string_view codes, const DeflatedProgram& program) const {
  const auto path = entry_path(face, codes);
  // The program was made from the bytes opened: kept only if the file is still those.
  if (!path || program.size > UINT32_MAX || core::settled_identity(face.path()) != face.identity()) return;
  std::string entry(kMagic);
  core::append_integer(entry, static_cast<std::uint32_t>(program.size));
  entry += core::content_digest(program.deflated);
  entry += program.deflated;
  core::store_cache_entry(*path, entry);
}

}  // namespace leafpress::pdf
