#include "text/bidi.hpp"

#include <unicode/ubidi.h>

#include <algorithm>

#include "core/c_handle.hpp"
#include "core/invariant.hpp"
#include "core/utf8.hpp"
#include "text/utf16_text.hpp"

namespace leafpress::text {

bool BidiLevels::all_ltr() const {
  return std::all_of(levels.begin(), levels.end(), [](std::uint8_t level) { return level % 2 == 0; });
}

namespace {

constexpr UChar kLeftToRightIsolate = 0x2066;
constexpr UChar kPopDirectionalIsolate = 0x2069;
constexpr UChar kLeftToRightOverride = 0x202D;
constexpr UChar kPopDirectionalFormatting = 0x202C;
constexpr std::size_t kInserted = static_cast<std::size_t>(-1);

/// `text` in UTF-16 with LRI LRO … PDF PDI around each range of `left_to_right`, and the
/// byte each UTF-16 unit came from (kInserted for the marks). The override keeps the range's
/// characters in their order: Arabic-Indic digits are numbers of class AN, around which a
/// hyphen resolves right to left (UAX #9 N1), so "٠٣-١٢٣٤٥٦٧" isolated alone shows
/// "١٢٣٤٥٦٧-٠٣".
struct IsolatedText {
  icu::UnicodeString units;
  std::vector<std::size_t> bytes;
};

IsolatedText isolated(std::string_view text, std::span<const ByteRange> left_to_right) {
  const Utf16Text utf16(text);
  if (left_to_right.empty()) return {utf16.units, {utf16.utf8_offset.begin(), utf16.utf8_offset.end() - 1}};
  IsolatedText out;
  auto range = left_to_right.begin();
  bool open = false;
  for (int32_t i = 0; i <= utf16.units.length(); ++i) {
    const std::size_t byte = utf16.byte_at(i);
    if (open && range->end <= byte) {
      out.units.append(kPopDirectionalFormatting);
      out.units.append(kPopDirectionalIsolate);
      out.bytes.push_back(kInserted);
      out.bytes.push_back(kInserted);
      open = false;
      ++range;
    }
    while (!open && range != left_to_right.end() && range->end <= byte) ++range;
    if (!open && range != left_to_right.end() && range->begin <= byte && i < utf16.units.length()) {
      out.units.append(kLeftToRightIsolate);
      out.units.append(kLeftToRightOverride);
      out.bytes.push_back(kInserted);
      out.bytes.push_back(kInserted);
      open = true;
    }
    if (i == utf16.units.length()) break;
    out.units.append(utf16.units.charAt(i));
    out.bytes.push_back(byte);
  }
  return out;
}

/// Whether every character of `text` resolves to level 0 in a left-to-right paragraph
/// without isolates, found without ICU: none is right-to-left (R, AL), an Arabic number
/// (AN) or an explicit embedding, override or isolate (UAX #9 X1-X10). Only characters
/// below U+0590 (Latin to Armenian) and the punctuation, symbols and spaces of U+2000-U+2BFF
/// are taken; there the right-to-left mark U+200F and the embedding controls U+202A-U+202E,
/// U+2066-U+2069 are the only ones. A European number then follows L or the paragraph's
/// start and resolves to L (W7), so everything stays at level 0. Anything else asks ICU.
bool plainly_left_to_right(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80) {
      ++at;
      continue;
    }
    const char32_t cp = core::next_code_point(text, at);
    if (cp < 0x0590) continue;
    if (cp < 0x2000 || cp > 0x2BFF || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
        (cp >= 0x2066 && cp <= 0x2069)) {
      return false;
    }
  }
  return true;
}

}  // namespace

BidiLevels resolve_bidi(std::string_view text, document::Direction base, std::span<const ByteRange> left_to_right) {
  const UBiDiLevel paragraph_level = base == document::Direction::rtl ? 1 : 0;
  BidiLevels result{base, std::vector<std::uint8_t>(text.size(), paragraph_level)};
  if (text.empty()) return result;
  if (paragraph_level == 0 && left_to_right.empty() && plainly_left_to_right(text)) return result;
  const IsolatedText units = isolated(text, left_to_right);
  core::CHandle<UBiDi, ubidi_close> bidi(ubidi_open());
  UErrorCode status = U_ZERO_ERROR;
  ubidi_setPara(bidi.get(), units.units.getBuffer(), units.units.length(), paragraph_level, nullptr, &status);
  const UBiDiLevel* levels = U_SUCCESS(status) ? ubidi_getLevels(bidi.get(), &status) : nullptr;
  if (U_FAILURE(status) || !levels) return result;
  // Every byte of a character takes its level: a character's bytes run from its unit's byte
  // to the next character's (or the text's end).
  for (std::size_t i = 0; i < units.bytes.size(); ++i) {
    const std::size_t begin = units.bytes[i];
    if (begin == kInserted) continue;
    std::size_t end = text.size();
    for (std::size_t next = i + 1; next < units.bytes.size(); ++next) {
      if (units.bytes[next] != kInserted && units.bytes[next] != begin) {
        end = units.bytes[next];
        break;
      }
    }
    for (std::size_t byte = begin; byte < end; ++byte) result.levels[byte] = levels[i];
  }
  return result;
}

std::vector<std::size_t> visual_order(const std::vector<std::uint8_t>& run_levels) {
  std::vector<std::int32_t> map;
  visual_order(run_levels, map);
  return std::vector<std::size_t>(map.begin(), map.end());
}

void visual_order(const std::vector<std::uint8_t>& run_levels, std::vector<std::int32_t>& order) {
  order.resize(run_levels.size());
  if (run_levels.empty()) return;
  ubidi_reorderVisual(run_levels.data(), static_cast<int32_t>(run_levels.size()), order.data());
}

}  // namespace leafpress::text
