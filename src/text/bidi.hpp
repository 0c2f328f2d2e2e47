#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "document/direction.hpp"
#include "text/hyphenate.hpp"

namespace leafpress::text {

/// The resolved embedding level of every byte of a paragraph's UTF-8 text (UAX #9, by ICU's
/// ubidi): even levels run left to right, odd levels right to left.
struct BidiLevels {
  document::Direction base = document::Direction::ltr;
  std::vector<std::uint8_t> levels;

  bool all_ltr() const;
};

/// `left_to_right` (byte ranges, ascending, not overlapping) are each resolved as a
/// left-to-right isolate holding a left-to-right override (UAX #9 LRI LRO … PDF PDI), as if
/// those characters were around them: a
/// telephone number, URL or e-mail address reads left to right whatever surrounds it, and
/// its own characters do not move the text around it ("https://x.org/" keeps its "/").
BidiLevels resolve_bidi(std::string_view text, document::Direction base,
                        std::span<const ByteRange> left_to_right = {});

/// The visual order of consecutive runs of one line, given their levels (UAX #9 L2):
/// element k of the result is the index of the run shown k-th from the left.
std::vector<std::size_t> visual_order(const std::vector<std::uint8_t>& run_levels);
/// The same, in `order` (what it held replaced, its storage reused).
void visual_order(const std::vector<std::uint8_t>& run_levels, std::vector<std::int32_t>& order);

}  // namespace leafpress::text
