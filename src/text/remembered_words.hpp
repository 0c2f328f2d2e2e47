#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/mapped_file.hpp"
#include "fonts/face.hpp"
#include "text/shape.hpp"

namespace leafpress::text {

/// Words shaped alone (ShapeCache::shape_by_words) in one face, language and script, as
/// earlier runs shaped them: kept in the cache folder (core::cache_folder) under the face
/// file's identity when it was opened (fonts::Face::identity), its index, HarfBuzz's version,
/// the language and the script, so that a leaflet built again shapes none of its words
/// (HarfBuzz's shaping and its plans for a Noto face were a quarter of the 2-page text's
/// instructions). An entry is a hash table over its words, mapped and looked up in place:
/// a run reads only the words it asks for. Each word read is checked against the face (its
/// glyph count) and itself (its length); a damaged word is not read. The words shaped in
/// this run are written back when it ends. Output never depends on the entry: it holds
/// HarfBuzz's answers for the same bytes.
class RememberedWords {
 public:
  static constexpr std::size_t kMaxWords = 1 << 16;      // per entry
  static constexpr std::size_t kMaxWordBytes = 1 << 10;  // longer words are not kept

  /// Maps the entry of `face`, `language` and `script`, when there is one to read.
  RememberedWords(const fonts::Face& face, std::string_view language, std::string_view script);
  /// Writes the entry back when words were added and the face's file is still the one opened,
  /// with the words another run (or another worker of this one) wrote there meanwhile.
  ~RememberedWords();
  RememberedWords(const RememberedWords&) = delete;
  RememberedWords& operator=(const RememberedWords&) = delete;

  /// The glyphs of `word` as kept, clusters from the word's start; nullopt when not kept.
  std::optional<std::span<const ShapedGlyph>> find(std::string_view word) const;

  /// Keeps `word`'s glyphs for later runs.
  void add(std::string_view word, const std::vector<ShapedGlyph>& glyphs);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view word) const { return std::hash<std::string_view>()(word); }
  };

  /// A slot of an entry's table: the word's record, found by its hash.
  struct Slot {
    std::uint32_t check = 0;  // the hash's high half
    std::uint32_t at = 0;     // the record's offset in the entry; 0: an empty slot
  };
  /// A mapped entry: its table of slots and the records they point to, where they lie.
  struct Entry {
    std::optional<core::MappedFile> mapped;
    std::span<const Slot> slots;  // a power of two of them, fewer than half used
    std::uint32_t words = 0;
  };
  /// The entry at `file_`, its header and table checked; none when absent or damaged there.
  Entry map_entry() const;
  /// The record at `at` in `entry` when it is `word`'s (any word's when `word` is null),
  /// whole and its glyphs the face's.
  std::optional<std::pair<std::string_view, std::span<const ShapedGlyph>>> record(const Entry& entry, std::uint32_t at,
                                                                                  const std::string_view* word) const;
  std::optional<std::span<const ShapedGlyph>> find_in(const Entry& entry, std::string_view word) const;
  /// Every whole word of `entry`, in the order of its table.
  std::vector<std::pair<std::string_view, std::span<const ShapedGlyph>>> words_of(const Entry& entry) const;

  std::optional<std::filesystem::path> file_;  // none: nothing is kept
  std::filesystem::path face_path_;
  std::optional<std::string> identity_;
  unsigned glyph_count_ = 0;
  Entry read_;
  std::unordered_map<std::string, std::vector<ShapedGlyph>, Hash, std::equal_to<>> added_;
};

}  // namespace leafpress::text
