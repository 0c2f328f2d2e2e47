#pragma once

#include <unicode/unistr.h>

#include <cstddef>
#include <string_view>
#include <vector>

namespace leafpress::text {

/// UTF-8 text converted for ICU, with the way back from UTF-16 indices to UTF-8 offsets.
/// Example: "é a" is UTF-16 [é, ' ', a] and UTF-8 [C3 A9, 20, 61]: index 2 is byte 3.
struct Utf16Text {
  icu::UnicodeString units;
  std::vector<std::size_t> utf8_offset;  // one per UTF-16 index, plus one for the end

  explicit Utf16Text(std::string_view utf8);
  std::size_t byte_at(int32_t index) const { return utf8_offset[static_cast<std::size_t>(index)]; }
};

}  // namespace leafpress::text
