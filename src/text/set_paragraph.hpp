#pragma once

#include <cstdint>
#include <vector>

#include "core/diagnostics.hpp"
#include "text/text_context.hpp"
#include "text/glyph_run.hpp"
#include "text/styled_paragraph.hpp"

namespace leafpress::text {

enum class Align : std::uint8_t { justify, start, center, end };

struct ParagraphSettings {
  double width = 0;
  Align align = Align::justify;
  bool hyphenate = false;  // words may break at the language's hyphenation points
};

/// Shapes a paragraph and breaks it into lines no wider than `settings.width`, filling each
/// line as far as it goes (first fit; Knuth–Plass arrives with issue 3). Justified lines
/// stretch their inter-word spaces; the last line stays at its natural width. `start` and
/// `end` follow the paragraph's direction. Lines come in visual order (UAX #9), characters
/// the style's faces lack set in fallback faces; with `hyphenate`, words break at
/// hyphenation points outside the paragraph's unhyphenatable ranges. Reports characters no font covers and lines
/// that cannot fit, at the paragraph's place.
std::vector<Line> set_paragraph(const StyledParagraph& paragraph, const ParagraphSettings& settings,
                                TextContext& context, core::Diagnostics& diags);

}  // namespace leafpress::text
