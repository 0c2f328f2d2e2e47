#include "text/remembered_words.hpp"

#include <hb.h>

#include <array>
#include <bit>
#include <cstdint>
#include <functional>
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
constexpr std::int32_t kMaxPosition = 1 << 20;  // font units; an advance or offset as large is damage

std::string_view bytes_of(std::span<const ShapedGlyph> glyphs) {
  return {reinterpret_cast<const char*>(glyphs.data()), glyphs.size_bytes()};
}

/// Whether the advance and offsets all lie in [-kMaxPosition, kMaxPosition): each shifted by
/// kMaxPosition lies below 2 * kMaxPosition, a power of two, and so does their bitwise or.
bool within(std::int32_t advance, std::int32_t x_offset, std::int32_t y_offset) {
  static_assert(std::has_single_bit(std::uint32_t{kMaxPosition}));
  const auto shifted = [](std::int32_t position) {
    return static_cast<std::uint32_t>(position) + std::uint32_t{kMaxPosition};
  };
  return (shifted(advance) | shifted(x_offset) | shifted(y_offset)) < 2 * std::uint32_t{kMaxPosition};
}

std::string_view name_of(RememberedWords::Kept kept) {
  switch (kept) {
    case RememberedWords::Kept::kWords:
      return "words";
    case RememberedWords::Kept::kRunsLeftToRight:
      return "runs in context, left to right";
    case RememberedWords::Kept::kRunsRightToLeft:
      return "runs in context, right to left";
  }
  return {};
}

/// The most bytes `key` and `value` take in a KeptTable: the record, and its share of the
/// slots (8 bytes each, fewer than 4 a record: a power of two under four times the records).
std::size_t table_bytes(std::string_view key, std::string_view value) {
  return 8 + 4 + key.size() + core::padding_to(key.size(), 4) + 4 + value.size() + core::padding_to(value.size(), 4) +
         4 * 8;
}

}  // namespace

RememberedWords::RememberedWords(const fonts::Face& face, std::string_view language, std::string_view script, Kept kept)
    : face_path_(face.path()),
      identity_(face.identity()),
      descending_(kept == Kept::kRunsRightToLeft),
      max_key_bytes_(kept == Kept::kWords ? kMaxWordBytes : kMaxRunBytes) {
  const auto folder = core::cache_folder();
  if (!folder || !identity_) return;
  // The table's magic names all that its glyphs depend on, so an entry is read only for them.
  magic_ = std::string(kMagic) + hb_version_string() + "\n" + std::to_string(sizeof(ShapedGlyph)) + "\n" +
           std::to_string(face.index()) + "\n" + std::string(language) + "\n" + std::string(script) + "\n" +
           std::string(name_of(kept)) + "\n" + *identity_;
  file_ = *folder / ("words-" + core::content_hash(magic_) + ".bin");
  glyph_count_ = hb_face_get_glyph_count(face.hb_face());
  read_ = core::KeptTable::open(*file_, magic_, kMaxBytes);
}

std::optional<std::span<const ShapedGlyph>> RememberedWords::glyphs_of(std::string_view value, std::size_t begin,
                                                                       std::size_t end) const {
  core::ByteReader in(value);
  std::span<const ShapedGlyph> glyphs;
  if (value.size() % sizeof(ShapedGlyph) != 0 || !in.records(value.size() / sizeof(ShapedGlyph), glyphs)) {
    return std::nullopt;
  }
  if (glyphs.empty()) return glyphs;
  if (begin >= end) return std::nullopt;
  // Glyphs of the face, standing for characters of [begin, end), their clusters in HarfBuzz's
  // order: ascending from `begin` (then the last is at most the run's last byte), or descending
  // from the run's last byte (then the last is at least `begin`).
  const auto first = static_cast<std::uint32_t>(begin), last = static_cast<std::uint32_t>(end - 1);
  const auto in_order = [&](auto follows, std::uint32_t from) {
    std::uint32_t previous = from;
    for (const ShapedGlyph& glyph : glyphs) {
      if (glyph.id >= glyph_count_ || !follows(previous, glyph.cluster) ||
          !within(glyph.advance, glyph.x_offset, glyph.y_offset)) {
        return false;
      }
      previous = glyph.cluster;
    }
    return true;
  };
  const bool whole = descending_ ? in_order(std::greater_equal<std::uint32_t>(), last) && glyphs.back().cluster >= first
                                 : in_order(std::less_equal<std::uint32_t>(), first) && glyphs.back().cluster <= last;
  if (!whole) return std::nullopt;
  return glyphs;
}

std::optional<std::span<const ShapedGlyph>> RememberedWords::find_read(std::string_view key, std::size_t begin,
                                                                       std::size_t end) const {
  if (!read_) return std::nullopt;
  const auto value = read_->find(key);
  return value ? glyphs_of(*value, begin, end) : std::nullopt;
}

std::optional<std::span<const ShapedGlyph>> RememberedWords::find(std::string_view key, std::size_t begin,
                                                                  std::size_t end) const {
  if (const auto found = find_read(key, begin, end)) return found;
  if (const auto found = added_.find(key); found != added_.end()) return std::span<const ShapedGlyph>(found->second);
  return std::nullopt;
}

std::string RememberedWords::run_key(std::string_view text, std::size_t begin, std::size_t end) {
  std::string key = std::to_string(begin) + "," + std::to_string(end) + "\n";
  key.append(text);
  return key;
}

void RememberedWords::add(std::string_view word, const std::vector<ShapedGlyph>& glyphs) {
  // A record read with other glyphs (one refused when found) is replaced.
  const std::size_t kept = read_ ? read_->size() : 0;
  if (!file_ || word.empty() || word.size() > max_key_bytes_ || glyphs.size() > max_key_bytes_ ||
      kept + added_.size() >= kMaxWords || (read_ && read_->find(word) == bytes_of(glyphs))) {
    return;
  }
  added_.emplace(std::string(word), glyphs);
}

RememberedWords::~RememberedWords() { write(); }

void RememberedWords::write() {
  // The glyphs were shaped from the bytes opened: kept only if the file is still those.
  if (added_.empty() || !file_ || core::settled_identity(face_path_) != identity_) return;
  std::vector<std::pair<std::string_view, std::string_view>> words;
  std::unordered_set<std::string_view> seen;
  std::size_t bytes_kept = magic_.size() + 8 + 8 + 8 * 8;  // padding, counts, the fewest slots
  const auto fits = [&](std::string_view word, std::string_view value) {
    const std::size_t more = table_bytes(word, value);
    if (words.size() >= kMaxWords || bytes_kept + more > kMaxBytes) return false;
    bytes_kept += more;
    return true;
  };
  for (const auto& [word, glyphs] : added_) {
    if (!fits(word, bytes_of(glyphs))) continue;
    words.emplace_back(word, bytes_of(glyphs));
    seen.insert(word);
  }
  // What was there when this run read it, and what other workers and runs wrote since:
  // otherwise the last writer's words would be all that is left. When these fill the entry,
  // the ones this run added are kept first.
  const auto meanwhile = core::KeptTable::open(*file_, magic_, kMaxBytes);
  const std::array<const core::KeptTable*, 2> tables{read_ ? &*read_ : nullptr, meanwhile ? &*meanwhile : nullptr};
  for (const core::KeptTable* table : tables) {
    if (!table) continue;
    for (const auto& [word, value] : table->entries()) {
      // Every cluster lies within the key (a word, or a run's bounds and text).
      if (glyphs_of(value, 0, word.size()) && !seen.contains(word) && fits(word, value)) {
        seen.insert(word);
        words.emplace_back(word, value);
      }
    }
  }
  const std::string bytes = core::kept_table_bytes(magic_, words);
  if (bytes.size() <= kMaxBytes) core::store_cache_entry(*file_, bytes);
  added_.clear();
}

}  // namespace leafpress::text
