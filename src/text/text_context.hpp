#pragma once

#include "fonts/font_fallback.hpp"
#include "text/hyphenate.hpp"

namespace leafpress::text {

/// What setting text draws on besides the paragraph itself, shared by a whole run: fallback
/// fonts and hyphenation dictionaries, each loaded once.
struct TextContext {
  fonts::FontFallback& fallback;
  HyphenatorCache& hyphenators;
};

}  // namespace leafpress::text
