#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fonts/font_fallback.hpp"
#include "text/bidi.hpp"
#include "text/styled_paragraph.hpp"

namespace leafpress::text {

/// Bytes [begin, end) of a paragraph that HarfBuzz shapes in one call: one style run, one
/// face, one script and one bidi level.
struct ShapingRun {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t style_run = 0;     // index into StyledParagraph::runs
  const fonts::Face* face = nullptr;
  std::string script = "Zyyy";  // ISO 15924
  std::uint8_t level = 0;        // bidi embedding level

  bool rtl() const { return level % 2 == 1; }
};

/// A face the fallback chains gave itemize: for `cluster` (a character and its marks) of
/// `script` in `language`, a face in `preferred`'s style (nullptr: none has it). What itemize
/// makes of a paragraph depends on its faces' bytes and on these answers alone.
struct FallbackChoice {
  const fonts::Face* preferred = nullptr;
  std::u32string cluster;
  std::string script;
  std::string language;
  const fonts::Face* face = nullptr;
};

/// Splits a paragraph where the style, the script, the bidi level or the face changes. A
/// cluster (a character and the marks after it) its style's face lacks takes the first face
/// of the fallback chains for its script and language that has all of it; spaces,
/// punctuation and marks stay with the text around them (UAX #24: Common and Inherited
/// characters take the script of their neighbours). A word of one script whose letters the
/// style's face lacks only some of is set whole in the face that has them, when that face has
/// the whole word. A character no face covers keeps its style's face, which draws .notdef:
/// the caller reports it.
/// Each answer of the fallback chains it used is added to `choices`, when given, once.
std::vector<ShapingRun> itemize(const StyledParagraph& paragraph, const BidiLevels& bidi, fonts::FontFallback& fallback,
                                std::vector<FallbackChoice>* choices = nullptr);

}  // namespace leafpress::text
