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

#include "core/kept_table.hpp"
#include "fonts/face.hpp"
#include "text/shape.hpp"

namespace leafpress::text {

/// Words shaped alone (ShapeCache::shape_by_words) in one face, language and script, as
/// earlier runs shaped them: kept in the cache folder (core::cache_folder) under the face
/// file's identity when it was opened (fonts::Face::identity), its index, HarfBuzz's version,
/// the language and the script, so that a leaflet built again shapes none of its words
/// (HarfBuzz's shaping and its plans for a Noto face were a quarter of the 2-page text's
/// instructions). The entry is a core::KeptTable from each word to its glyphs: a run looks
/// up the words it sets and reads nothing else, however many words other leaflets left in
/// the entry. Every glyph read is also checked against the face (its glyph count) and the
/// word (its length), so a planted word is not read either. The words shaped in this run are
/// written back when it ends. Output never depends on the entry: it holds HarfBuzz's answers
/// for the same bytes.
///
/// Runs shaped in their paragraph's context (ShapeCache::shape_in_context) are kept the same
/// way, in entries of their own, under keys that hold the run's bounds and the whole text:
/// their glyphs are checked against the run's bounds, and against the order HarfBuzz gives
/// their clusters in, ascending for left-to-right text and descending for right-to-left.
class RememberedWords {
 public:
  static constexpr std::size_t kMaxWords = 1 << 16;      // per entry
  static constexpr std::size_t kMaxWordBytes = 1 << 10;  // longer words are not kept
  static constexpr std::size_t kMaxRunBytes = 16 << 10;  // nor longer keys of runs in context
  /// What the entry's table starts with.
  static constexpr std::string_view kMagic = "leafpress shaped words 5\n";

  /// What an entry holds: words, clusters ascending; or runs in context, each under its bounds
  /// and text, clusters ascending (left to right) or descending (right to left).
  enum class Kept { kWords, kRunsLeftToRight, kRunsRightToLeft };

  /// Reads the entry of `face`, `language`, `script` and `kept`, when there is one to read.
  RememberedWords(const fonts::Face& face, std::string_view language, std::string_view script,
                  Kept kept = Kept::kWords);
  /// Writes the entry (write()).
  ~RememberedWords();
  RememberedWords(const RememberedWords&) = delete;
  RememberedWords& operator=(const RememberedWords&) = delete;

  /// The glyphs of `word` as kept, clusters from the word's start; nullopt when not kept.
  std::optional<std::span<const ShapedGlyph>> find(std::string_view word) const { return find(word, 0, word.size()); }
  /// The glyphs kept under `key`, when their clusters all lie in [`begin`, `end`) in the
  /// entry's order; nullopt when not kept.
  std::optional<std::span<const ShapedGlyph>> find(std::string_view key, std::size_t begin, std::size_t end) const;

  /// The key of bytes [begin, end) of `text` shaped in the context of all of `text`.
  static std::string run_key(std::string_view text, std::size_t begin, std::size_t end);

  /// Keeps `word`'s (or a run's key's) glyphs for later runs.
  void add(std::string_view word, const std::vector<ShapedGlyph>& glyphs);

  /// Writes the entry back when words were added since the last write and the face's file is
  /// still the one opened, with the words another run (or another worker of this one) wrote
  /// there meanwhile.
  void write();

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view word) const { return std::hash<std::string_view>()(word); }
  };

  /// `key`'s glyphs in the entry read, when they are whole, of the face and of [begin, end).
  std::optional<std::span<const ShapedGlyph>> find_read(std::string_view key, std::size_t begin, std::size_t end) const;
  /// The glyphs kept as `value`, when they are glyphs of the face for characters in [begin,
  /// end), their clusters in the entry's order.
  std::optional<std::span<const ShapedGlyph>> glyphs_of(std::string_view value, std::size_t begin,
                                                        std::size_t end) const;

  std::optional<std::filesystem::path> file_;  // none: nothing is kept
  std::string magic_;
  std::filesystem::path face_path_;
  std::optional<std::string> identity_;
  unsigned glyph_count_ = 0;
  bool descending_ = false;  // clusters in right-to-left order
  std::size_t max_key_bytes_ = kMaxWordBytes;
  std::optional<core::KeptTable> read_;
  std::unordered_map<std::string, std::vector<ShapedGlyph>, Hash, std::equal_to<>> added_;
};

}  // namespace leafpress::text
