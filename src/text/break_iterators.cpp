#include "text/break_iterators.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>

namespace leafpress::text {
namespace {

using Maker = icu::BreakIterator* (*)(const icu::Locale&, UErrorCode&);

icu::BreakIterator* find_or_make(std::map<std::string, std::unique_ptr<icu::BreakIterator>>& made,
                                 std::string_view language, Maker make) {
  auto found = made.find(std::string(language));
  if (found == made.end()) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> iterator(make(icu::Locale::forLanguageTag(std::string(language), status), status));
    if (U_FAILURE(status)) iterator.reset();
    found = made.emplace(std::string(language), std::move(iterator)).first;
  }
  return found->second.get();
}

}  // namespace

BreakIterators::BreakIterators() = default;
BreakIterators::~BreakIterators() = default;
BreakIterators::BreakIterators(BreakIterators&&) noexcept = default;
BreakIterators& BreakIterators::operator=(BreakIterators&&) noexcept = default;

icu::BreakIterator* BreakIterators::line(std::string_view language) {
  return find_or_make(line_, language, &icu::BreakIterator::createLineInstance);
}

icu::BreakIterator* BreakIterators::word(std::string_view language) {
  return find_or_make(word_, language, &icu::BreakIterator::createWordInstance);
}

}  // namespace leafpress::text
