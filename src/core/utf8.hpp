#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace leafpress::core {

/// Byte offset of the first invalid UTF-8 sequence in `text`, or nullopt when it is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// Decodes the code point at `offset` and advances it; the text must be valid UTF-8.
char32_t next_code_point(std::string_view text, std::size_t& offset);

/// Appends `cp` encoded as UTF-8.
void append_utf8(std::string& out, char32_t cp);

/// The number of code points in valid UTF-8 `text`.
std::size_t count_code_points(std::string_view text);

/// Appends `text` as UTF-16BE, the encoding of PDF text strings and ToUnicode values.
void append_utf16be(std::string& out, std::string_view text);

}  // namespace leafpress::core
