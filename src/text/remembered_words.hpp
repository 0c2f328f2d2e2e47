#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/mapped_file.hpp"
#include "fonts/face.hpp"
#include "text/shape.hpp"

namespace leafpress::text {

/// Words shaped alone (ShapeCache::shape_by_words) in one face, language and script, as
/// earlier runs shaped them: kept in the cache folder (core::cache_folder) under the face
/// file's identity when it was opened (fonts::Face::identity), its index, HarfBuzz's version,
/// the language and the script, and read back whole on first use, so that a leaflet built
/// again shapes none of its words (HarfBuzz's shaping and its plans for a Noto face were a
/// quarter of the 2-page text's instructions). Every glyph read is checked against the face
/// (its glyph count) and the word (its length); a damaged entry is not read. The words
/// shaped in this run are written back when it ends. Output never depends on the entry: it
/// holds HarfBuzz's answers for the same bytes.
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

  /// An entry's words and their glyphs, pointing into its mapping (its glyphs are laid out
  /// as ShapedGlyph, aligned): nothing is copied, and only the pages used are read.
  struct Entry {
    std::optional<core::MappedFile> mapped;
    std::unordered_map<std::string_view, std::span<const ShapedGlyph>> words;
  };
  /// The words of the entry at `file_`, each glyph checked against the face; none when the
  /// entry is absent or damaged anywhere.
  Entry read_entry() const;

  std::optional<std::filesystem::path> file_;  // none: nothing is kept
  std::filesystem::path face_path_;
  std::optional<std::string> identity_;
  unsigned glyph_count_ = 0;
  Entry read_;
  std::unordered_map<std::string, std::vector<ShapedGlyph>, Hash, std::equal_to<>> added_;
};

}  // namespace leafpress::text
