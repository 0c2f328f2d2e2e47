#pragma once

#include <cstdint>
#include <vector>

#include "core/diagnostics.hpp"
#include "text/text_context.hpp"
#include "text/glyph_run.hpp"
#include "text/styled_paragraph.hpp"

namespace leafpress::text {

enum class Align : std::uint8_t { justify, start, center, end };

/// The narrowest measure justified text keeps, in multiples of its size; narrower, it is set
/// ragged, flush with its start. Justified lines need room to spread a line's slack over
/// enough spaces. On the shipped leaflets (issue 15), justified tri-fold panels and poster
/// columns (26 em, about 55 Latin characters) opened word spaces to 0.53–0.68 em and A5
/// booklet pages (35 em) to 0.43–0.59 em (Arabic, which has no hyphenation, the widest), where
/// a designer allows 0.50; the A5 flyer's 41 em keeps them under 0.42 em.
inline constexpr double kMinJustifiedEms = 36;

struct ParagraphSettings {
  double width = 0;
  Align align = Align::justify;
  bool hyphenate = false;  // words may break at the language's hyphenation points
  double min_justified_ems = kMinJustifiedEms;  // a narrower justified measure is set ragged
};

/// Shapes a paragraph and breaks it into lines no wider than `settings.width` by total fit
/// (Knuth–Plass). Justified lines stretch their inter-word spaces; the last line stays at its
/// natural width; a justified paragraph on a measure narrower than `min_justified_ems` is set
/// ragged from its start, unless its script is justified between clusters (Thai, Chinese). Ragged lines keep their spaces and even the room they leave
/// (Knuth–Plass's ragged mode), breaking at hyphens dearly. `start` and `end` follow the
/// paragraph's direction. Lines come in visual order (UAX #9), characters the style's faces
/// lack set in fallback faces; with `hyphenate`, words break at hyphenation points outside
/// the paragraph's unhyphenatable ranges. Reports characters no font covers and lines that
/// cannot fit, at the paragraph's place.
std::vector<Line> set_paragraph(const StyledParagraph& paragraph, const ParagraphSettings& settings,
                                TextContext& context, core::Diagnostics& diags);

}  // namespace leafpress::text
