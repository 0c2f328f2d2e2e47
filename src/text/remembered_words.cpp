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
// The layout: the magic, the number of slots of the table (a power of two, twice the words at
// least) and of words, the slots (each the offset of a word's record from the entry's start,
// or 0 for none), then the records, each the word's size, its bytes, zeros to a multiple of
// 4, its glyph count and its glyphs.
constexpr std::string_view kMagic = "leafpress-shaped-v3\n";  // 20 bytes: what follows is aligned
static_assert(kMagic.size() % alignof(ShapedGlyph) == 0);
static_assert(sizeof(ShapedGlyph) == 20 && alignof(ShapedGlyph) == 4, "glyphs are stored as this machine lays them out");
static_assert(std::has_unique_object_representations_v<ShapedGlyph>, "a glyph's bytes are its fields' alone");
constexpr std::size_t kMaxBytes = 16 << 20;
constexpr std::int32_t kMaxPosition = 1 << 20;  // font units; a larger advance or offset is damage
constexpr std::size_t kMinSlots = 8;
constexpr std::size_t kMaxSlots = 2 * RememberedWords::kMaxWords;

/// Where a word's search in the table starts: FNV-1a, the same in every run.
std::size_t word_hash(std::string_view word) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : word) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return static_cast<std::size_t>(hash ^ (hash >> 32));
}

/// Where the records of an entry with `slots` slots start.
std::size_t records_start(std::size_t slots) { return kMagic.size() + 2 * sizeof(std::uint32_t) + 4 * slots; }

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
  auto mapped = core::MappedFile::try_map(*file_, kMaxBytes);
  if (!mapped || !mapped->bytes().starts_with(kMagic)) return {};
  core::ByteReader in(mapped->bytes().substr(kMagic.size()));
  std::uint32_t slot_count = 0, words = 0;
  std::span<const std::uint32_t> slots;
  if (!in.integer(slot_count) || !in.integer(words) || slot_count < kMinSlots || slot_count > kMaxSlots ||
      (slot_count & (slot_count - 1)) != 0 || words > kMaxWords || 2 * std::size_t{words} > slot_count ||
      !in.records(slot_count, slots)) {
    return {};
  }
  return {std::move(mapped), slots, words};  // a mapping stays where it is when moved
}

std::optional<std::span<const ShapedGlyph>> RememberedWords::read_record(const Entry& entry, std::size_t offset,
                                                                         std::string_view& word) const {
  const std::string_view bytes = entry.mapped->bytes();
  if (offset < records_start(entry.slots.size()) || offset % 4 != 0 || offset >= bytes.size()) return std::nullopt;
  core::ByteReader in(bytes.substr(offset));
  std::uint32_t size = 0, count = 0;
  std::span<const ShapedGlyph> glyphs;
  if (!in.integer(size) || size == 0 || size > kMaxWordBytes || !in.bytes(size, word) ||
      !in.zeros(core::padding_to(size, 4)) || !in.integer(count) || count > kMaxWordBytes ||
      !in.records(count, glyphs)) {
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
  return glyphs;
}

std::optional<std::span<const ShapedGlyph>> RememberedWords::find_in(const Entry& entry, std::string_view word) const {
  if (!entry.mapped) return std::nullopt;
  const std::size_t mask = entry.slots.size() - 1;
  const std::size_t start = word_hash(word);
  // Linear probing up to the first empty slot, and never more than once round the table.
  for (std::size_t probe = 0; probe < entry.slots.size(); ++probe) {
    const std::uint32_t offset = entry.slots[(start + probe) & mask];
    if (offset == 0) return std::nullopt;
    std::string_view stored;
    const auto glyphs = read_record(entry, offset, stored);
    if (glyphs && stored == word) return glyphs;
  }
  return std::nullopt;
}

std::vector<std::pair<std::string_view, std::span<const ShapedGlyph>>> RememberedWords::all_words(
    const Entry& entry) const {
  std::vector<std::pair<std::string_view, std::span<const ShapedGlyph>>> words;
  if (!entry.mapped) return words;
  const std::size_t end = entry.mapped->bytes().size();
  for (std::size_t offset = records_start(entry.slots.size()); offset < end;) {
    std::string_view word;
    const auto glyphs = read_record(entry, offset, word);
    if (!glyphs || words.size() >= entry.words) return {};
    words.emplace_back(word, *glyphs);
    offset += sizeof(std::uint32_t) + word.size() + core::padding_to(word.size(), 4) + sizeof(std::uint32_t) +
              glyphs->size_bytes();
  }
  if (words.size() != entry.words) return {};
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
  std::vector<std::pair<std::string_view, std::span<const ShapedGlyph>>> words = all_words(read_);
  for (const auto& [word, glyphs] : added_) words.emplace_back(word, glyphs);
  for (const auto& [word, glyphs] : all_words(meanwhile)) {
    if (!find_in(read_, word) && !added_.contains(word)) words.emplace_back(word, glyphs);
  }
  if (words.size() > kMaxWords) words.resize(kMaxWords);

  std::size_t slot_count = kMinSlots;
  while (slot_count < 2 * words.size()) slot_count *= 2;
  std::vector<std::uint32_t> slots(slot_count, 0);
  std::string out(records_start(slot_count), '\0');
  for (const auto& [word, glyphs] : words) {
    if (out.size() > kMaxBytes) return;
    std::size_t slot = word_hash(word) & (slot_count - 1);
    while (slots[slot] != 0) slot = (slot + 1) & (slot_count - 1);
    slots[slot] = static_cast<std::uint32_t>(out.size());
    core::append_integer(out, static_cast<std::uint32_t>(word.size()));
    out += word;
    out.append(core::padding_to(word.size(), 4), '\0');
    core::append_integer(out, static_cast<std::uint32_t>(glyphs.size()));
    // As the reader finds them: ShapedGlyph's own bytes (it has no padding to leave undefined).
    out.append(reinterpret_cast<const char*>(glyphs.data()), glyphs.size_bytes());
  }
  if (out.size() > kMaxBytes) return;
  std::string header(kMagic);
  core::append_integer(header, static_cast<std::uint32_t>(slot_count));
  core::append_integer(header, static_cast<std::uint32_t>(words.size()));
  for (const std::uint32_t offset : slots) core::append_integer(header, offset);
  out.replace(0, header.size(), header);
  core::store_cache_entry(*file_, out);
}

}  // namespace leafpress::text
