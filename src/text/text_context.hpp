#pragma once

#include "fonts/font_fallback.hpp"
#include "text/break_iterators.hpp"
#include "text/glyph_inks.hpp"
#include "text/hyphenate.hpp"
#include "text/kept_paragraphs.hpp"
#include "text/prepared_paragraph.hpp"
#include "text/setting_scratch.hpp"
#include "text/shape_cache.hpp"
#include "text/styled_paragraph.hpp"

namespace leafpress::text {

/// Counts of set lines, to report how a document's paragraphs came out.
struct LineCounts {
  std::size_t lines = 0;
  std::size_t hyphenated = 0;  // ending with an added hyphen
  std::size_t loose = 0;       // justified lines whose spaces stretch beyond their stretch (r > 1)
  std::size_t overfull = 0;    // wider than their column even with spaces shrunk

  LineCounts operator-(const LineCounts& before) const {
    return {lines - before.lines, hyphenated - before.hyphenated, loose - before.loose, overfull - before.overfull};
  }
  LineCounts& operator+=(const LineCounts& more) {
    lines += more.lines;
    hyphenated += more.hyphenated;
    loose += more.loose;
    overfull += more.overfull;
    return *this;
  }
};

/// What setting text draws on besides the paragraph itself, shared by a whole run: fallback
/// fonts and hyphenation dictionaries, each loaded once, shaping and paragraphs prepared
/// before (in this run, or shaped in earlier ones), glyphs' ink read before, the running line
/// counts, set_paragraph's buffers and a paragraph to build the next one to set in.
struct TextContext {
  fonts::FontFallback& fallback;
  HyphenatorCache& hyphenators;
  LineCounts counts{};
  ShapeCache shapes{};
  KeptParagraphs kept{};
  BreakIterators breaks{};
  PreparedParagraphs prepared{};
  GlyphInks inks{};
  SettingScratch scratch{};
  /// Filled again for each paragraph its user sets (the layout's Typesetter), so that its
  /// text and runs keep their storage from one paragraph to the next.
  StyledParagraph paragraph{};
};

}  // namespace leafpress::text
