#include "text/remembered_words.hpp"

#include <hb.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <unordered_set>

#include "core/atomic_file.hpp"
#include "core/byte_reader.hpp"
#include "core/cache_folder.hpp"
#include "core/file_identity.hpp"
#include "core/hash.hpp"

namespace leafpress::text {
namespace {

// Integers are 32-bit, in this machine's order: the cache is of this machine, for this machine.
constexpr std::string_view kMagic = "leafpress-shaped-v3\n";  // 20 bytes: what follows is aligned
static_assert(kMagic.size() % alignof(ShapedGlyph) == 0);
static_assert(sizeof(ShapedGlyph) == 20 && alignof(ShapedGlyph) == 4, "glyphs are stored as this machine lays them out");
static_assert(std::has_unique_object_representations_v<ShapedGlyph>, "a glyph's bytes are its fields' alone");
constexpr std::size_t kMaxBytes = 16 << 20;
constexpr std::int32_t kMaxPosition = 1 << 20;  // font units; a larger advance or offset is damage
constexpr std::size_t kMinSlots = 16;

/// Zeros after a word of `size` bytes, to the next multiple of 4.
std::size_t padding(std::size_t size) { return (4 - size % 4) % 4; }

std::uint32_t check_of(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32); }

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
  read_ = map_entry();
}

RememberedWords::Entry RememberedWords::map_entry() const {
  static_assert(sizeof(Slot) == 8 && std::has_unique_object_representations_v<Slot>);
  auto mapped = core::MappedFile::try_map(*file_, kMaxBytes);
  if (!mapped) return {};
  core::ByteReader in(mapped->bytes());
  std::uint32_t slot_count = 0, words = 0;
  std::span<const Slot> slots;
  if (!in.literal(kMagic) || !in.integer(slot_count) || !in.integer(words) || slot_count < kMinSlots ||
      (slot_count & (slot_count - 1)) != 0 || words > kMaxWords || std::size_t{words} * 2 > slot_count ||
      !in.records(slot_count, slots)) {
    return {};
  }
  return {std::move(mapped), slots, words};  // a mapping stays where it is when moved
}

std::optional<std::pair<std::string_view, std::span<const ShapedGlyph>>> RememberedWords::record(
    const Entry& entry, std::uint32_t at, const std::string_view* word) const {
  const std::string_view bytes = entry.mapped->bytes();
  if (at % 4 != 0 || at >= bytes.size()) return std::nullopt;
  core::ByteReader in(bytes.substr(at));
  std::uint32_t size = 0, count = 0;
  std::string_view stored;
  std::span<const ShapedGlyph> glyphs;
  if (!in.integer(size) || size == 0 || size > kMaxWordBytes || !in.bytes(size, stored) || (word && stored != *word) ||
      !in.zeros(padding(size)) || !in.integer(count) || count > kMaxWordBytes || !in.records(count, glyphs)) {
    return std::nullopt;
  }
  std::uint32_t previous_cluster = 0;
  for (const ShapedGlyph& glyph : glyphs) {
    // A glyph of the face, standing for a character of the word, in logical order.
    if (glyph.id >= glyph_count_ || glyph.cluster >= size || glyph.cluster < previous_cluster ||
        glyph.advance < -kMaxPosition || glyph.advance > kMaxPosition || glyph.x_offset < -kMaxPosition ||
        glyph.x_offset > kMaxPosition || glyph.y_offset < -kMaxPosition || glyph.y_offset > kMaxPosition) {
      return std::nullopt;
    }
    previous_cluster = glyph.cluster;
  }
  return std::pair{stored, glyphs};
}

std::optional<std::span<const ShapedGlyph>> RememberedWords::find_in(const Entry& entry, std::string_view word) const {
  if (!entry.mapped) return std::nullopt;
  const std::uint64_t hash = core::stable_hash(word);
  const std::size_t mask = entry.slots.size() - 1;
  // Linear probing: a word is before the first empty slot from its own, and a whole table
  // has at most `words` slots used in a row.
  std::size_t slot = hash & mask;
  for (std::size_t probe = 0; probe <= entry.words; ++probe, slot = (slot + 1) & mask) {
    const Slot& here = entry.slots[slot];
    if (here.at == 0) return std::nullopt;
    if (here.check != check_of(hash)) continue;
    if (const auto found = record(entry, here.at, &word)) return found->second;
  }
  return std::nullopt;
}

std::vector<std::pair<std::string_view, std::span<const ShapedGlyph>>> RememberedWords::words_of(
    const Entry& entry) const {
  std::vector<std::pair<std::string_view, std::span<const ShapedGlyph>>> words;
  if (!entry.mapped) return words;
  for (const Slot& slot : entry.slots) {
    if (slot.at == 0) continue;
    if (const auto found = record(entry, slot.at, nullptr)) words.push_back(*found);
  }
  return words;
}

std::optional<std::span<const ShapedGlyph>> RememberedWords::find(std::string_view word) const {
  if (const auto found = find_in(read_, word)) return found;
  if (const auto found = added_.find(word); found != added_.end()) return std::span<const ShapedGlyph>(found->second);
  return std::nullopt;
}

void RememberedWords::add(std::string_view word, const std::vector<ShapedGlyph>& glyphs) {
  if (!file_ || word.empty() || word.size() > kMaxWordBytes || glyphs.size() > kMaxWordBytes ||
      read_.words + added_.size() >= kMaxWords || find_in(read_, word)) {
    return;
  }
  added_.emplace(std::string(word), glyphs);
}

RememberedWords::~RememberedWords() {
  // The glyphs were shaped from the bytes opened: kept only if the file is still those.
  if (added_.empty() || !file_ || core::settled_identity(face_path_) != identity_) return;
  // Workers of one run, and runs side by side, each keep their own words of the same entry:
  // the words written there since this one read it are kept too, or the last writer's
  // words would be all that is left.
  const Entry meanwhile = map_entry();
  std::vector<std::pair<std::string_view, std::span<const ShapedGlyph>>> words = words_of(read_);
  for (const auto& [word, glyphs] : added_) words.emplace_back(word, glyphs);
  std::unordered_set<std::string_view> kept;
  for (const auto& [word, glyphs] : words) kept.insert(word);
  for (const auto& found : words_of(meanwhile)) {
    if (kept.insert(found.first).second) words.push_back(found);
  }
  if (words.size() > kMaxWords) words.resize(kMaxWords);

  const std::size_t slot_count = std::max(kMinSlots, std::bit_ceil(words.size() * 2));
  std::vector<Slot> slots(slot_count);
  std::string out(kMagic);
  core::append_integer(out, static_cast<std::uint32_t>(slot_count));
  core::append_integer(out, static_cast<std::uint32_t>(words.size()));
  const std::size_t slots_at = out.size();
  out.append(slot_count * sizeof(Slot), '\0');
  for (const auto& [word, glyphs] : words) {
    const std::uint64_t hash = core::stable_hash(word);
    std::size_t slot = hash & (slot_count - 1);
    while (slots[slot].at != 0) slot = (slot + 1) & (slot_count - 1);
    slots[slot] = {check_of(hash), static_cast<std::uint32_t>(out.size())};
    core::append_integer(out, static_cast<std::uint32_t>(word.size()));
    out += word;
    out.append(padding(word.size()), '\0');
    core::append_integer(out, static_cast<std::uint32_t>(glyphs.size()));
    // As the reader finds them: ShapedGlyph's own bytes (it has no padding to leave undefined).
    core::append_records(out, glyphs);
    if (out.size() > kMaxBytes) return;
  }
  std::memcpy(out.data() + slots_at, slots.data(), slot_count * sizeof(Slot));
  core::store_cache_entry(*file_, out);
}

}  // namespace leafpress::text
