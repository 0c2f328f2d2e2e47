#include "text/remembered_words.hpp"

#include <hb.h>

#include <array>
#include <cstdint>
#include <type_traits>
#include <unordered_set>

#include "core/atomic_file.hpp"
#include "core/byte_reader.hpp"
#include "core/cache_folder.hpp"
#include "core/file_identity.hpp"
#include "core/hash.hpp"

namespace leafpress::text {
namespace {

// A word's value is its glyphs as this machine lays out a ShapedGlyph: the cache is of this
// machine, for this machine, and the table's values lie aligned for them.
static_assert(sizeof(ShapedGlyph) == 20 && alignof(ShapedGlyph) == 4, "glyphs are stored as this machine lays them out");
static_assert(std::has_unique_object_representations_v<ShapedGlyph>, "a glyph's bytes are its fields' alone");
constexpr std::size_t kMaxBytes = 16 << 20;
constexpr std::int32_t kMaxPosition = 1 << 20;  // font units; a larger advance or offset is damage

std::string_view bytes_of(std::span<const ShapedGlyph> glyphs) {
  return {reinterpret_cast<const char*>(glyphs.data()), glyphs.size_bytes()};
}

bool within(std::int32_t position) { return position >= -kMaxPosition && position <= kMaxPosition; }

}  // namespace

RememberedWords::RememberedWords(const fonts::Face& face, std::string_view language, std::string_view script)
    : face_path_(face.path()), identity_(face.identity()) {
  const auto folder = core::cache_folder();
  if (!folder || !identity_) return;
  // The table's magic names all that its glyphs depend on, so an entry is read only for them.
  magic_ = std::string(kMagic) + hb_version_string() + "\n" + std::to_string(sizeof(ShapedGlyph)) + "\n" +
           std::to_string(face.index()) + "\n" + std::string(language) + "\n" + std::string(script) + "\n" + *identity_;
  file_ = *folder / ("words-" + core::content_hash(magic_) + ".bin");
  glyph_count_ = hb_face_get_glyph_count(face.hb_face());
  read_ = core::KeptTable::open(*file_, magic_, kMaxBytes);
}

std::optional<std::span<const ShapedGlyph>> RememberedWords::glyphs_of(std::string_view word,
                                                                       std::string_view value) const {
  core::ByteReader in(value);
  std::span<const ShapedGlyph> glyphs;
  if (value.size() % sizeof(ShapedGlyph) != 0 || !in.records(value.size() / sizeof(ShapedGlyph), glyphs)) {
    return std::nullopt;
  }
  std::uint32_t previous_cluster = 0;
  for (const ShapedGlyph& glyph : glyphs) {
    // A glyph of the face, standing for a character of the word, in logical order.
    if (glyph.id >= glyph_count_ || glyph.cluster >= word.size() || glyph.cluster < previous_cluster ||
        !within(glyph.advance) || !within(glyph.x_offset) || !within(glyph.y_offset)) {
      return std::nullopt;
    }
    previous_cluster = glyph.cluster;
  }
  return glyphs;
}

std::optional<std::span<const ShapedGlyph>> RememberedWords::find_read(std::string_view word) const {
  if (!read_) return std::nullopt;
  const auto value = read_->find(word);
  return value ? glyphs_of(word, *value) : std::nullopt;
}

std::optional<std::span<const ShapedGlyph>> RememberedWords::find(std::string_view word) const {
  if (const auto found = find_read(word)) return found;
  if (const auto found = added_.find(word); found != added_.end()) return std::span<const ShapedGlyph>(found->second);
  return std::nullopt;
}

void RememberedWords::add(std::string_view word, const std::vector<ShapedGlyph>& glyphs) {
  const std::size_t kept = read_ ? read_->size() : 0;
  if (!file_ || word.empty() || word.size() > kMaxWordBytes || glyphs.size() > kMaxWordBytes ||
      kept + added_.size() >= kMaxWords || find_read(word)) {
    return;
  }
  added_.emplace(std::string(word), glyphs);
}

RememberedWords::~RememberedWords() {
  // The glyphs were shaped from the bytes opened: kept only if the file is still those.
  if (added_.empty() || !file_ || core::settled_identity(face_path_) != identity_) return;
  std::vector<std::pair<std::string_view, std::string_view>> words;
  std::unordered_set<std::string_view> seen;
  for (const auto& [word, glyphs] : added_) {
    words.emplace_back(word, bytes_of(glyphs));
    seen.insert(word);
  }
  // What was there when this run read it, and what other workers and runs wrote since:
  // otherwise the last writer's words would be all that is left.
  const auto meanwhile = core::KeptTable::open(*file_, magic_, kMaxBytes);
  const std::array<const core::KeptTable*, 2> tables{read_ ? &*read_ : nullptr, meanwhile ? &*meanwhile : nullptr};
  for (const core::KeptTable* table : tables) {
    if (!table) continue;
    for (const auto& [word, value] : table->entries()) {
      if (words.size() < kMaxWords && glyphs_of(word, value) && seen.insert(word).second) {
        words.emplace_back(word, value);
      }
    }
  }
  const std::string bytes = core::kept_table_bytes(magic_, words);
  if (bytes.size() <= kMaxBytes) core::store_cache_entry(*file_, bytes);
}

}  // namespace leafpress::text
