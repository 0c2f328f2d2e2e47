#include "core/printable.hpp"

#include <cstdio>

namespace leafpress::core {
namespace {

void append_hex_byte(std::string& out, unsigned char byte) {
  char escaped[5];
  std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
  out += escaped;
}

/// Length of the valid UTF-8 sequence starting at `text[i]`, or 0 when it is not one
/// (RFC 3629 §4: no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t sequence_length(std::string_view text, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char lead = at(0);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (at(1) < low || at(1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (at(k) < 0x80 || at(k) > 0xBF) return 0;
  }
  return length;
}

char32_t decode3(std::string_view s) {
  return static_cast<char32_t>(((static_cast<unsigned char>(s[0]) & 0x0Fu) << 12) |
                               ((static_cast<unsigned char>(s[1]) & 0x3Fu) << 6) |
                               (static_cast<unsigned char>(s[2]) & 0x3Fu));
}

/// Line and paragraph separators (a new line to some viewers) and the bidi embeddings,
/// overrides and isolates (which reorder what follows them: "Trojan Source", CVE-2021-42574).
bool is_invisible_control(std::string_view s) {
  const char32_t cp = decode3(s);
  return (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = sequence_length(text, i);
    if (length == 0) {
      append_hex_byte(out, byte);
      ++i;
      continue;
    }
    if (length == 1) {
      if (byte == '\n') {
        out += "\\n";
      } else if (byte == '\t') {
        out += "\\t";
      } else if (byte == '\r') {
        out += "\\r";
      } else if (byte < 0x20 || byte == 0x7F) {
        append_hex_byte(out, byte);
      } else {
        out += static_cast<char>(byte);
      }
    } else if (length == 2 && byte == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      // C1 controls U+0080..U+009F: CSI (U+009B) starts an escape sequence on some terminals.
      append_hex_byte(out, byte);
      append_hex_byte(out, static_cast<unsigned char>(text[i + 1]));
    } else if (length == 3 && is_invisible_control(text.substr(i, 3))) {
      char escaped[12];
      std::snprintf(escaped, sizeof escaped, "\\u{%04X}", static_cast<unsigned>(decode3(text.substr(i, 3))));
      out += escaped;
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

}  // namespace leafpress::core
