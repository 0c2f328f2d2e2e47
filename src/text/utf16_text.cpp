#include "text/utf16_text.hpp"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace leafpress::text {

Utf16Text::Utf16Text(std::string_view utf8)
    : units(icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())))),
      utf8_offset(static_cast<std::size_t>(units.length()) + 1) {
  std::size_t byte = 0;
  for (int32_t i = 0; i < units.length();) {
    const UChar32 cp = units.char32At(i);
    const int32_t count = U16_LENGTH(cp);
    for (int32_t k = 0; k < count; ++k) utf8_offset[static_cast<std::size_t>(i + k)] = byte;
    byte += static_cast<std::size_t>(U8_LENGTH(cp));
    i += count;
  }
  utf8_offset.back() = utf8.size();
}

}  // namespace leafpress::text
