#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "text/break_iterators.hpp"

namespace leafpress::text {

/// Byte offsets in UTF-8 `text` where a line may start (UAX #14, via ICU's line
/// BreakIterator for `language`), ascending, ending with text.size(); never 0.
/// A break after a hyphen is kept only when it leaves at least kMinHyphenFragment
/// characters of the word on each side: "anti-|PD-1" may break, "CAR-T" and "PD-L1" may not.
/// `iterators`, when given, lends the break iterator (made once per language).
inline constexpr std::size_t kMinHyphenFragment = 3;

std::vector<std::size_t> line_break_opportunities(std::string_view text, std::string_view language,
                                                  BreakIterators* iterators = nullptr);

}  // namespace leafpress::text
