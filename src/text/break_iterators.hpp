#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unicode/uversion.h>

#include "text/remembered_positions.hpp"

U_NAMESPACE_BEGIN
class BreakIterator;
class Locale;
U_NAMESPACE_END

namespace leafpress::text {

/// The ICU locale whose line-break rules `language` (BCP 47) follows: Japanese and Chinese
/// break strictly (`lb=strict`, kinsoku shori: JIS X 4051 and CLREQ forbid a line starting
/// with small kana, the prolonged sound mark or closing punctuation), others as UAX #14 says.
icu::Locale line_break_locale(std::string_view language);

/// Whether `language`'s lines break only between words (Korean: keep-all).
bool keeps_words_whole(std::string_view language);

/// ICU break iterators by language, each made once: making one reads its rules, which costs
/// more than breaking a paragraph with it. Not thread-safe: each worker has its own.
class BreakIterators {
 public:
  BreakIterators();
  ~BreakIterators();
  BreakIterators(BreakIterators&&) noexcept;
  BreakIterators& operator=(BreakIterators&&) noexcept;

  /// Line breaks (UAX #14) for `language`; nullptr when ICU cannot make one.
  icu::BreakIterator* line(std::string_view language);
  /// Word boundaries (UAX #29) for `language`; nullptr when ICU cannot make one.
  icu::BreakIterator* word(std::string_view language);

  /// Where the line breaks of `text` in `language` are kept for the run (the answer of
  /// line_break_opportunities: a paragraph set again, at another type size or in another
  /// format, breaks where it did), and whether they are there already; when not, an empty
  /// place for the caller to fill (RememberedPositions, with its bound).
  std::pair<std::vector<std::size_t>*, bool> line_breaks_of(std::string_view language, std::string_view text);

  /// Writes the line breaks kept across runs that this run worked out (RememberedPositions::write).
  void write_remembered() { line_breaks_.write(); }

 private:
  std::map<std::string, std::unique_ptr<icu::BreakIterator>> line_;
  std::map<std::string, std::unique_ptr<icu::BreakIterator>> word_;
  RememberedPositions line_breaks_;  // by language, NUL, text; kept across runs
};

}  // namespace leafpress::text
