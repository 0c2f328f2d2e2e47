#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace leafpress::pdf {

/// A /ToUnicode CMap (ISO 32000-1 §9.10.3) for 2-byte codes: each code maps to the UTF-8
/// text its glyph stands for, so a ligature maps to all of its letters ("ﬃ" -> "ffi").
std::string to_unicode_cmap(const std::map<std::uint16_t, std::string>& text_of_code);

/// Upper-case hex of `bytes`, as in PDF hex strings.
std::string hex(std::string_view bytes);
/// The same, appended to `out`.
void append_hex(std::string& out, std::string_view bytes);

}  // namespace leafpress::pdf
