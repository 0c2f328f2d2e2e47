#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "document/direction.hpp"

namespace leafpress::text {

/// The resolved embedding level of every byte of a paragraph's UTF-8 text (UAX #9, by ICU's
/// ubidi): even levels run left to right, odd levels right to left.
struct BidiLevels {
  document::Direction base = document::Direction::ltr;
  std::vector<std::uint8_t> levels;

  bool all_ltr() const;
};

BidiLevels resolve_bidi(std::string_view text, document::Direction base);

/// The visual order of consecutive runs of one line, given their levels (UAX #9 L2):
/// element k of the result is the index of the run shown k-th from the left.
std::vector<std::size_t> visual_order(const std::vector<std::uint8_t>& run_levels);

}  // namespace leafpress::text
