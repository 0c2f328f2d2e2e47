#include "pdf/to_unicode.hpp"

#include <algorithm>
#include <vector>

#include "core/utf8.hpp"

namespace leafpress::pdf {

void append_hex(std::string& out, std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    const char digits[2] = {kDigits[byte >> 4], kDigits[byte & 0xF]};
    out.append(digits, 2);
  }
}

std::string hex(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  append_hex(out, bytes);
  return out;
}

std::string to_unicode_cmap(const std::map<std::uint16_t, std::string>& text_of_code) {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<std::pair<std::uint16_t, const std::string*>> entries;
  for (const auto& [code, text] : text_of_code) {
    entries.emplace_back(code, &text);
  }
  // §9.10.3: at most 100 entries between beginbfchar and endbfchar.
  // Each entry appended in place, "<0041> <00660069>\n": a font has hundreds.
  out.reserve(out.size() + 24 * entries.size() + 128);
  std::string utf16;
  for (std::size_t start = 0; start < entries.size(); start += 100) {
    const std::size_t count = std::min<std::size_t>(100, entries.size() - start);
    out += std::to_string(count) + " beginbfchar\n";
    for (std::size_t i = start; i < start + count; ++i) {
      const std::uint16_t code = entries[i].first;
      const char code_bytes[2] = {static_cast<char>(code >> 8), static_cast<char>(code & 0xFF)};
      utf16.clear();
      core::append_utf16be(utf16, *entries[i].second);
      out += '<';
      append_hex(out, {code_bytes, 2});
      out += "> <";
      append_hex(out, utf16);
      out += ">\n";
    }
    out += "endbfchar\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

}  // namespace leafpress::pdf
