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
/// instructions). The entry is mapped and holds a hash table of its words: a run looks up the
/// words it sets and reads nothing else, however many words other leaflets left in the entry
/// (reading and checking a whole entry of 360 KB was 2.2 M instructions of the 2 pages' 27 M).
/// Every glyph read is checked against the face (its glyph count) and the word (its length);
/// a damaged word, or a damaged table, is not read. The words shaped in this run are written
/// back when it ends. Output never depends on the entry: it holds HarfBuzz's answers for the
/// same bytes.
class RememberedWords {
 public:
  static constexpr std::size_t kMaxWords = 1 << 16;      // per entry
  static constexpr std::size_t kMaxWordBytes = 1 << 10;  // longer words are not kept

  /// Reads the entry of `face`, `language` and `script`, when there is one to read.
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

  /// A mapped entry: its hash table of words (each slot the offset of a word's record, or 0)
  /// and the number of words it holds, both checked against the entry's size.
  struct Entry {
    std::optional<core::MappedFile> mapped;
    std::span<const std::uint32_t> slots;
    std::size_t words = 0;
  };
  /// The entry at `file_`, its table checked; none when absent or damaged.
  Entry map_entry() const;
  /// The glyphs of the word whose record starts at `offset` in `entry`, with the word in
  /// `word`; nullopt when the record is damaged.
  std::optional<std::span<const ShapedGlyph>> read_record(const Entry& entry, std::size_t offset,
                                                          std::string_view& word) const;
  /// Every word of `entry` and its glyphs, for writing them again; none when any is damaged.
  std::vector<std::pair<std::string_view, std::span<const ShapedGlyph>>> all_words(const Entry& entry) const;
  /// `word`'s glyphs in `entry`, looked up in its table.
  std::optional<std::span<const ShapedGlyph>> find_in(const Entry& entry, std::string_view word) const;

  std::optional<std::filesystem::path> file_;  // none: nothing is kept
  std::filesystem::path face_path_;
  std::optional<std::string> identity_;
  unsigned glyph_count_ = 0;
  Entry read_;
  std::unordered_map<std::string, std::vector<ShapedGlyph>, Hash, std::equal_to<>> added_;
};

}  // namespace leafpress::text
