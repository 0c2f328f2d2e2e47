#include "text/line_breaks.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>

namespace leafpress::text {
namespace {

/// Counts the word characters before `boundary` (back to a space) and from it (up to a space
/// or closing punctuation), in UTF-16 units, skipping the hyphen itself. Each count stops at
/// kMinHyphenFragment: counting on to the word's end made a 4,000-letter word of hyphens
/// ("a-a-a-…") take time in the square of its length.
bool leaves_short_fragment(const icu::UnicodeString& text, int32_t boundary) {
  constexpr auto kEnough = static_cast<int32_t>(kMinHyphenFragment);
  int32_t before = 0;
  for (int32_t i = boundary - 2; i >= 0 && before < kEnough && u_isalnum(text.char32At(i)); --i) ++before;
  int32_t after = 0;
  for (int32_t i = boundary; i < text.length() && after < kEnough && !u_isspace(text.charAt(i)) &&
                             text.charAt(i) != ')' && text.charAt(i) != '.' && text.charAt(i) != ',' &&
                             text.charAt(i) != ';';
       ++i) {
    ++after;
  }
  return before < kEnough || after < kEnough;
}

/// The hyphen before `boundary` joins the parts of an identifier: an acronym of at most
/// kMaxAcronym capitals and digits before it ("CAR", "PD", "CTLA", "HER2") and a capital or
/// digit after it ("CAR-T", "PD-L1", "PD-1"). "anti-|PD-1" and "HER2-|positive" may break;
/// the fragment after is read only to its first character, however long the word goes on
/// ("CAR-T-Zelltherapie" counted "T-Z" as three characters and broke after "CAR-").
bool inside_identifier(const icu::UnicodeString& text, int32_t boundary) {
  constexpr int32_t kMaxAcronym = 6;
  if (boundary >= text.length()) return false;
  const UChar32 after = text.char32At(boundary);
  if (!u_isupper(after) && !u_isdigit(after)) return false;
  int32_t length = 0;
  for (int32_t i = boundary - 2; i >= 0; --i) {
    const UChar32 c = text.charAt(i);
    if (!u_isalnum(c)) break;
    if ((!u_isupper(c) && !u_isdigit(c)) || ++length > kMaxAcronym) return false;
  }
  return length > 0;
}

/// Korean sets lines at spaces (CSS word-break: keep-all, the usual setting of Korean text):
/// no break between two letters, ideographs or digits, which UAX #14 allows between any two
/// Hangul syllables ("합니|다").
bool inside_keep_all_word(const icu::UnicodeString& text, int32_t boundary) {
  if (boundary <= 0 || boundary >= text.length()) return false;
  const UChar32 before = text.char32At(text.moveIndex32(boundary, -1));
  const UChar32 after = text.char32At(boundary);
  return u_isalnum(before) && u_isalnum(after);
}

/// A range of numbers ("17–20") is one unit: UAX #14 lets a line break after its en dash
/// (class BA), which would leave "17–" at a line's end.
bool inside_number_range(const icu::UnicodeString& text, int32_t boundary) {
  return boundary >= 2 && boundary < text.length() && text.charAt(boundary - 1) == u'\u2013' &&
         u_isdigit(text.char32At(boundary - 2)) && u_isdigit(text.char32At(boundary));
}

bool after_hyphen(const icu::UnicodeString& text, int32_t boundary) {
  return boundary > 0 && (text.charAt(boundary - 1) == u'-' || text.charAt(boundary - 1) == u'\u2010');
}

/// line_break_opportunities, found afresh.
std::vector<std::size_t> find_line_breaks(std::string_view text, std::string_view language,
                                          BreakIterators* iterators) {
  std::vector<std::size_t> breaks;
  if (text.empty()) return breaks;
  const icu::UnicodeString utf16 = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));

  // ICU reports UTF-16 indices; map each back to its UTF-8 byte offset.
  // Example: "é a" is UTF-16 [é, ' ', a] and UTF-8 [C3 A9, 20, 61]: index 2 -> byte 3.
  std::vector<std::size_t> utf8_offset_of(static_cast<std::size_t>(utf16.length()) + 1);
  std::size_t byte = 0;
  for (int32_t i = 0; i < utf16.length();) {
    const UChar32 cp = utf16.char32At(i);
    const int32_t units = U16_LENGTH(cp);
    for (int32_t k = 0; k < units; ++k) utf8_offset_of[static_cast<std::size_t>(i + k)] = byte;
    byte += U8_LENGTH(cp);
    i += units;
  }
  utf8_offset_of[static_cast<std::size_t>(utf16.length())] = text.size();

  std::unique_ptr<icu::BreakIterator> made;
  icu::BreakIterator* iterator = iterators ? iterators->line(language) : nullptr;
  if (!iterators) {
    UErrorCode status = U_ZERO_ERROR;
    made.reset(icu::BreakIterator::createLineInstance(line_break_locale(language), status));
    if (U_SUCCESS(status)) iterator = made.get();
  }
  if (!iterator) {
    breaks.push_back(text.size());
    return breaks;
  }
  iterator->setText(utf16);
  const bool keep_all = keeps_words_whole(language);
  for (int32_t boundary = iterator->next(); boundary != icu::BreakIterator::DONE; boundary = iterator->next()) {
    if (boundary < utf16.length() && after_hyphen(utf16, boundary) &&
        (leaves_short_fragment(utf16, boundary) || inside_identifier(utf16, boundary))) {
      continue;
    }
    if (inside_number_range(utf16, boundary)) continue;
    if (keep_all && inside_keep_all_word(utf16, boundary)) continue;
    breaks.push_back(utf8_offset_of[static_cast<std::size_t>(boundary)]);
  }
  if (breaks.empty() || breaks.back() != text.size()) breaks.push_back(text.size());
  return breaks;
}

}  // namespace

std::vector<std::size_t> line_break_opportunities(std::string_view text, std::string_view language,
                                                  BreakIterators* iterators) {
  if (!iterators) return find_line_breaks(text, language, nullptr);
  const auto [kept, known] = iterators->line_breaks_of(language, text);
  if (!known) *kept = find_line_breaks(text, language, iterators);
  return *kept;
}

}  // namespace leafpress::text
