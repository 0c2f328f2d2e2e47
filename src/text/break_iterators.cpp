#include "text/break_iterators.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uvernum.h>

namespace leafpress::text {
namespace {

using Maker = icu::BreakIterator* (*)(const icu::Locale&, UErrorCode&);

/// The primary language subtag of a BCP 47 tag, lowercased: "zh" for "zh-Hans-CN".
std::string primary_language(std::string_view language) {
  std::string primary(language.substr(0, language.find_first_of("-_")));
  for (char& c : primary) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return primary;
}

icu::Locale plain_locale(std::string_view language) {
  UErrorCode status = U_ZERO_ERROR;
  return icu::Locale::forLanguageTag(std::string(language), status);
}

icu::BreakIterator* find_or_make(std::map<std::string, std::unique_ptr<icu::BreakIterator>>& made,
                                 std::string_view language, Maker make, icu::Locale (*locale_of)(std::string_view)) {
  auto found = made.find(std::string(language));
  if (found == made.end()) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> iterator(make(locale_of(language), status));
    if (U_FAILURE(status)) iterator.reset();
    found = made.emplace(std::string(language), std::move(iterator)).first;
  }
  return found->second.get();
}

}  // namespace

icu::Locale line_break_locale(std::string_view language) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(std::string(language), status);
  const std::string primary = primary_language(language);
  if (primary == "ja" || primary == "zh") {
    UErrorCode keyword_status = U_ZERO_ERROR;
    locale.setUnicodeKeywordValue("lb", "strict", keyword_status);
  }
  return locale;
}

bool keeps_words_whole(std::string_view language) { return primary_language(language) == "ko"; }

// What find_line_breaks finds for a text: change the number whenever that could change.
BreakIterators::BreakIterators()
    : line_breaks_(RememberedPositions::kept_in_cache("line-breaks", "leafpress line breaks 2\nICU " U_ICU_VERSION)) {}
BreakIterators::~BreakIterators() = default;
BreakIterators::BreakIterators(BreakIterators&&) noexcept = default;
BreakIterators& BreakIterators::operator=(BreakIterators&&) noexcept = default;

icu::BreakIterator* BreakIterators::line(std::string_view language) {
  return find_or_make(line_, language, &icu::BreakIterator::createLineInstance, &line_break_locale);
}

icu::BreakIterator* BreakIterators::word(std::string_view language) {
  return find_or_make(word_, language, &icu::BreakIterator::createWordInstance, &plain_locale);
}

std::pair<std::vector<std::size_t>*, bool> BreakIterators::line_breaks_of(std::string_view language,
                                                                          std::string_view text) {
  line_breaks_.key().assign(language).append(1, '\0').append(text);
  return line_breaks_.slot(text);
}

}  // namespace leafpress::text
