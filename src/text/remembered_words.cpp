#include "text/remembered_words.hpp"

#include <hb.h>

#include <cstdint>
#include <cstring>
#include <type_traits>

#include "core/atomic_file.hpp"
#include "core/byte_reader.hpp"
#include "core/cache_folder.hpp"
#include "core/file_identity.hpp"
#include "core/hash.hpp"

namespace leafpress::text {
namespace {

// Integers are 32-bit, in this machine's order: the cache is of this machine, for this machine.
constexpr std::string_view kMagic = "leafpress-shaped-v2\n";  // 20 bytes: what follows is aligned
static_assert(kMagic.size() % alignof(ShapedGlyph) == 0);
static_assert(sizeof(ShapedGlyph) == 20 && alignof(ShapedGlyph) == 4, "glyphs are stored as this machine lays them out");
static_assert(std::has_unique_object_representations_v<ShapedGlyph>, "a glyph's bytes are its fields' alone");
constexpr std::size_t kMaxBytes = 16 << 20;
constexpr std::int32_t kMaxPosition = 1 << 20;  // font units; a larger advance or offset is damage

/// Zeros after a word of `size` bytes, to the next multiple of 4.
std::size_t padding(std::size_t size) { return (4 - size % 4) % 4; }

}  // namespace

RememberedWords::RememberedWords(const fonts::Face& face, std::string_view language, std::string_view script)
    : face_path_(face.path()), identity_(face.identity()) {
  const auto folder = core::cache_folder();
  if (!folder || !identity_) return;
  const std::string key = std::string(kMagic) + hb_version_string() + "\n" + std::to_string(sizeof(ShapedGlyph)) +
                          "\n" + std::to_string(face.index()) + "\n" + std::string(language) + "\n" +
                          std::string(script) + "\n" + *identity_;
  file_ = *folder / ("words-" + core::content_hash(key) + ".bin");
  glyph_count_ = hb_face_get_glyph_count(face.hb_face());
  read_ = read_entry();
}

RememberedWords::Entry RememberedWords::read_entry() const {
  auto mapped = core::MappedFile::try_map(*file_, kMaxBytes);
  if (!mapped || !mapped->bytes().starts_with(kMagic)) return {};
  core::ByteReader in(mapped->bytes().substr(kMagic.size()));
  decltype(Entry::words) words;
  words.reserve(mapped->bytes().size() / 64);
  while (!in.at_end()) {
    std::uint32_t size = 0, count = 0;
    std::string_view word;
    std::span<const ShapedGlyph> glyphs;
    if (!in.integer(size) || size == 0 || size > kMaxWordBytes || !in.bytes(size, word) || !in.zeros(padding(size)) ||
        !in.integer(count) || count > kMaxWordBytes || words.size() >= kMaxWords || !in.records(count, glyphs)) {
      return {};
    }
    std::uint32_t previous_cluster = 0;
    for (const ShapedGlyph& glyph : glyphs) {
      // A glyph of the face, standing for a character of the word, in logical order.
      if (glyph.id >= glyph_count_ || glyph.cluster >= size || glyph.cluster < previous_cluster ||
          glyph.advance < -kMaxPosition || glyph.advance > kMaxPosition || glyph.x_offset < -kMaxPosition ||
          glyph.x_offset > kMaxPosition || glyph.y_offset < -kMaxPosition || glyph.y_offset > kMaxPosition) {
        return {};
      }
      previous_cluster = glyph.cluster;
    }
    words.emplace(word, glyphs);
  }
  return {std::move(mapped), std::move(words)};  // a mapping stays where it is when moved
}

std::optional<std::span<const ShapedGlyph>> RememberedWords::find(std::string_view word) const {
  if (const auto found = read_.words.find(word); found != read_.words.end()) return found->second;
  if (const auto found = added_.find(word); found != added_.end()) return std::span<const ShapedGlyph>(found->second);
  return std::nullopt;
}

void RememberedWords::add(std::string_view word, const std::vector<ShapedGlyph>& glyphs) {
  if (!file_ || word.empty() || word.size() > kMaxWordBytes || glyphs.size() > kMaxWordBytes ||
      read_.words.size() + added_.size() >= kMaxWords || read_.words.contains(word)) {
    return;
  }
  added_.emplace(std::string(word), glyphs);
}

RememberedWords::~RememberedWords() {
  // The glyphs were shaped from the bytes opened: kept only if the file is still those.
  if (added_.empty() || !file_ || core::settled_identity(face_path_) != identity_) return;
  std::string out(kMagic);
  const auto write = [&](std::string_view word, std::span<const ShapedGlyph> glyphs) {
    core::append_integer(out, static_cast<std::uint32_t>(word.size()));
    out += word;
    out.append(padding(word.size()), '\0');
    core::append_integer(out, static_cast<std::uint32_t>(glyphs.size()));
    // As the reader finds them: ShapedGlyph's own bytes (it has no padding to leave undefined).
    out.append(reinterpret_cast<const char*>(glyphs.data()), glyphs.size_bytes());
  };
  // Workers of one run, and runs side by side, each keep their own words of the same entry:
  // the words written there since this one read it are kept too, or the last writer's
  // words would be all that is left.
  const Entry meanwhile = read_entry();
  std::size_t count = 0;
  const auto write_new = [&](std::string_view word, std::span<const ShapedGlyph> glyphs) {
    if (count++ < kMaxWords) write(word, glyphs);
  };
  for (const auto& [word, glyphs] : read_.words) write_new(word, glyphs);
  for (const auto& [word, glyphs] : added_) write_new(word, glyphs);
  for (const auto& [word, glyphs] : meanwhile.words) {
    if (!read_.words.contains(word) && !added_.contains(word)) write_new(word, glyphs);
  }
  if (out.size() > kMaxBytes) return;
  core::store_cache_entry(*file_, out);
}

}  // namespace leafpress::text
