#pragma once

#include <string>
#include <string_view>

namespace leafpress::core {

/// `text` made safe for a log line: valid UTF-8 with no control characters. C0 and C1
/// controls and DEL become "\n", "\t", "\r" or "\xNN" (so a YAML key holding "\n::error"
/// or an ANSI escape is shown, not obeyed), and each byte of an invalid UTF-8 sequence
/// becomes "\xNN"; line separators and bidi overrides (U+2028..U+202E, U+2066..U+2069)
/// become "\u{XXXX}". A backslash stays one backslash: the text is for reading, not parsing.
std::string printable(std::string_view text);

}  // namespace leafpress::core
