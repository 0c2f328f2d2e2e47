#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/kept_table.hpp"
#include "fonts/face.hpp"
#include "fonts/font_fallback.hpp"
#include "text/itemize.hpp"
#include "text/shaped_paragraph.hpp"
#include "text/styled_paragraph.hpp"

namespace leafpress::text {

/// Paragraphs itemized and shaped (shape_glyphs) by earlier runs, kept in the cache folder
/// (core::cache_folder), one core::KeptTable per language, so that a leaflet built again
/// neither itemizes nor shapes a paragraph it set before (15 % of the 2-page text's
/// instructions, 23 % of the Arabic documents'). Its runs and glyphs are a function of its
/// text, direction, left-to-right ranges, language, its style runs' bounds, languages and face
/// files (their settled identities), HarfBuzz and ICU, which the key and the entry's magic
/// name, and of the faces the fallback chains gave for the characters its own faces lack,
/// which depend on the fonts installed: those answers are kept with it and asked again when
/// it is read (the fallback remembers them for the run, so each costs a look-up), and the
/// paragraph is read only if every answer is the same face file. Everything read is checked:
/// runs that cover the text in order, each within its style run; glyphs of the run's face,
/// not .notdef, for characters of their run, in logical order. A record that fails is shaped
/// again. Output never depends on the entries. The paragraphs kept in this run are written
/// back when it ends, with those read and used, then the others in the order they lay, to at
/// most kMaxParagraphs; so is an entry whose records this run used lay scattered through it
/// (another leaflet's run wrote it last), since each page read maps its neighbours too (the
/// 40 pages' peak RSS went from 19 to 24 MiB with their paragraphs spread over a 6 MB entry).
/// Not thread-safe: each worker has its own.
class KeptParagraphs {
 public:
  static constexpr std::string_view kMagic = "leafpress shaped paragraphs 2\n";
  static constexpr std::size_t kMaxParagraphs = 1 << 13;  // per language
  static constexpr std::size_t kMaxBytes = 16 << 20;      // per language
  static constexpr std::size_t kMaxTextBytes = 1 << 16;   // longer paragraphs are not kept

  KeptParagraphs() = default;
  /// Writes the entries (write()).
  ~KeptParagraphs();
  KeptParagraphs(const KeptParagraphs&) = delete;
  KeptParagraphs& operator=(const KeptParagraphs&) = delete;

  /// `paragraph` itemized and shaped as shape_glyphs gives it with `fallback`, when a run
  /// kept it.
  std::optional<ShapedParagraph> find(const StyledParagraph& paragraph, fonts::FontFallback& fallback);

  /// Keeps `shaped`, what shape_glyphs gave for `paragraph` from the fallback's `choices`, in
  /// place of any record find() refused for it; not when a glyph is .notdef or a face has no
  /// settled identity.
  void keep(const StyledParagraph& paragraph, const ShapedParagraph& shaped,
            const std::vector<FallbackChoice>& choices);

  /// Writes each language's entry to which paragraphs were added, or whose records used lie
  /// scattered, and closes them all: a later find() opens its entry again.
  void write();

 private:
  /// The kept paragraphs of one language.
  struct Entry {
    std::filesystem::path file;
    std::string magic;
    std::optional<core::KeptTable> read;
    std::unordered_set<std::string> used;  // keys of records read and used in this run
    std::unordered_map<std::string, std::string> added;
    std::set<const fonts::Face*> faces;  // of the paragraphs added, to check before writing
    // Where the records used lie in the entry's mapping: their first and last bytes, and
    // how many bytes they hold.
    const char* used_from = nullptr;
    const char* used_to = nullptr;
    std::size_t used_bytes = 0;
  };

  /// Whether the records `entry` used lie scattered through it: then it is written again,
  /// them first, though nothing was added (see write()).
  static bool scattered(const Entry& entry);

  /// The entry of `language`, opened on first use; nullptr when there is no cache folder.
  Entry* entry(const std::string& language);
  /// The key of `paragraph` in key_; false when it cannot be kept.
  bool set_key(const StyledParagraph& paragraph);
  void write(Entry& entry) const;  // the entry's file, whatever it holds

  std::map<std::string, std::optional<Entry>> entries_;  // by language; nullopt: no cache
  std::string key_;                                      // reused
};

}  // namespace leafpress::text
