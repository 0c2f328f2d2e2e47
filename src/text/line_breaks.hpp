#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "text/break_iterators.hpp"

namespace leafpress::text {

/// Byte offsets in UTF-8 `text` where a line may start (UAX #14, via ICU's line
/// BreakIterator for `language`), ascending, ending with text.size(); never 0.
/// A break after a hyphen is kept only when it leaves at least kMinHyphenFragment
/// characters of the word on each side and does not split an identifier: "anti-|PD-1" may
/// break, "CAR-T", "PD-L1" and "PD-1" may not. Korean keeps words whole (keep-all: breaks at
/// spaces and punctuation only); Japanese and Chinese break strictly (no line starts with
/// a small kana, ー, 。, 、 or 」: see line_break_locale).
/// `iterators`, when given, lends the break iterator (made once per language) and keeps the
/// answer for the same text and language asked again.
inline constexpr std::size_t kMinHyphenFragment = 3;

std::vector<std::size_t> line_break_opportunities(std::string_view text, std::string_view language,
                                                  BreakIterators* iterators = nullptr);

}  // namespace leafpress::text
