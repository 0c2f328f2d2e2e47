#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "fonts/font_fallback.hpp"
#include "text/itemize.hpp"
#include "text/remembered_words.hpp"
#include "text/shape.hpp"
#include "text/styled_paragraph.hpp"

namespace leafpress::text {

/// Shaping results by face, text and segment. Glyphs come in font units, whatever the size,
/// so a paragraph set again (in another format, or measured before it is set) is shaped
/// once. Left-to-right Latin, Cyrillic and Greek text in a face whose space glyph no
/// substitution or positioning rule names is shaped word by word, each word once: with
/// nothing in the face reaching across a space, and no context used by HarfBuzz's default
/// shaper for these scripts, the words' glyphs are the whole run's (see
/// spaces_stand_apart), and such words are kept across runs (RememberedWords); a run shaped
/// so is put together from its words each time, not kept whole (a 40-page document's runs
/// held 1.3 MB of glyphs that its single setting never read again; PreparedParagraphs keeps
/// a paragraph set more than once). Other runs are shaped whole in their paragraph's context,
/// and kept across runs too, in either direction, under their bounds and the whole text
/// (RememberedWords::Kept). Holds at most about kMaxGlyphs glyphs, then starts again empty.
class ShapeCache {
 public:
  static constexpr std::size_t kMaxGlyphs = 1 << 20;

  /// As text::shape. The reference holds until the next call.
  const std::vector<ShapedGlyph>& shape(const fonts::Face& face, std::string_view text, std::size_t begin,
                                        std::size_t end, std::string_view language, std::string_view script, bool rtl);

  /// Whether `face`'s space glyph (U+0020) appears in none of its GSUB and GPOS lookups
  /// (input, context or output) and the face has no 'kern', 'kerx' or 'morx' table: then no
  /// rule of the face sees across a space, and text between spaces shapes alone as it
  /// shapes in its run. Worked out once per face.
  bool spaces_stand_apart(const fonts::Face& face);

  /// text::itemize of `paragraph` over its resolved bidi levels, worked out once for each
  /// text, direction, left-to-right ranges, language, fallback and style runs (their bounds,
  /// faces and languages): a layout's trials set one paragraph at several sizes and widths,
  /// and neither changes its runs. Holds keys of at most about kMaxRunBytes bytes, then
  /// starts again empty. The reference holds until the next call.
  static constexpr std::size_t kMaxRunBytes = 1 << 23;
  /// The runs, and the fallback's answers they were made from.
  struct Itemized {
    std::vector<ShapingRun> runs;
    std::vector<FallbackChoice> choices;
  };
  const Itemized& runs(const StyledParagraph& paragraph, fonts::FontFallback& fallback);
  /// A hyphen ("-") shaped alone in `face` for `language` (the script HarfBuzz guesses), as
  /// text::shape gives it; kept across runs like words.
  const std::vector<ShapedGlyph>& hyphen(const fonts::Face& face, std::string_view language);

  /// Writes the words and runs kept across runs that this run added (RememberedWords::write).
  void write_remembered();

 private:
  /// `text` shaped by words and single spaces into `glyphs`, each word's glyphs from words_.
  void shape_by_words(const fonts::Face& face, std::string_view text, std::size_t begin, std::size_t end,
                      std::string_view language, std::string_view script, std::vector<ShapedGlyph>& glyphs);
  /// `text` shaped as a whole (text::shape), kept across runs with its bounds and direction.
  std::vector<ShapedGlyph> shape_in_context(const fonts::Face& face, std::string_view text, std::size_t begin,
                                            std::size_t end, std::string_view language, std::string_view script,
                                            bool rtl);
  /// The words (or runs in context) kept for `face`, `language` and `script`, read on first use.
  RememberedWords& remembered(const fonts::Face& face, std::string_view language, std::string_view script,
                              RememberedWords::Kept what);
  void make_room(std::size_t glyphs);

  std::unordered_map<std::string, std::vector<ShapedGlyph>> entries_;  // runs shaped in context
  std::vector<ShapedGlyph> by_words_;                                  // the last run shaped by words
  std::unordered_map<std::string, std::vector<ShapedGlyph>> words_;  // clusters from the word's start
  std::unordered_map<const fonts::Face*, bool> apart_;
  /// A face, what is kept for it, a language and a script.
  using RememberedKey = std::tuple<const fonts::Face*, RememberedWords::Kept, std::string, std::string>;
  std::map<RememberedKey, std::unique_ptr<RememberedWords>, std::less<>> remembered_;
  std::map<std::pair<const fonts::Face*, std::string>, std::vector<ShapedGlyph>> hyphens_;  // by face, language
  std::string word_key_;  // reused: a key per word would cost an allocation per word
  std::size_t glyphs_ = 0;
  std::unordered_map<std::string, Itemized> runs_;
  std::string runs_key_;  // reused
  std::size_t run_bytes_ = 0;
};

}  // namespace leafpress::text
