#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "document/localized_document.hpp"
#include "locale/locale_facts.hpp"

namespace leafpress::locale {

/// How a hyphen typed between two spaces (" - ") is set.
enum class DashStyle : std::uint8_t {
  spaced_en_dash,  ///< " – ", as in French, German, Spanish and British English
  closed_em_dash,  ///< "—" with the spaces removed, as in American English
};

/// A language's conventions for the characters authors type on a plain keyboard.
struct TypographyRules {
  /// Opening and closing quotation marks that replace straight double quotes.
  char32_t quote_open = U'\u201C';
  char32_t quote_close = U'\u201D';
  /// Quotation marks for a quotation inside a quotation.
  char32_t nested_quote_open = U'\u2018';
  char32_t nested_quote_close = U'\u2019';
  /// French spacing: a no-break space before ; ! ? : % and inside « », added when missing.
  bool french_spacing = false;
  /// English spacing: a space typed between a word and ; ! ? : is removed.
  bool closed_punctuation = false;
  /// Replaces the space between digit groups ("380 000"); nullopt leaves numbers as typed.
  std::optional<char32_t> digit_group_separator;
  /// Right-to-left text: every space between two digits becomes a no-break space, whose
  /// bidi class (CS) keeps a number's groups in their order (UAX #9 W4) where an ordinary
  /// space would let "380 000" show as "000 380".
  bool joined_digit_groups = false;
  /// How a spaced hyphen becomes a dash.
  DashStyle spaced_hyphen = DashStyle::spaced_en_dash;
  /// The digit zero of the language's numbering system (CLDR's default, U+0660 for Arabic):
  /// typed 0–9 become zero_digit…zero_digit+9, except in URLs, e-mail addresses and words
  /// with Latin letters ("PD-1", "COVID-19").
  char32_t zero_digit = U'0';

  bool operator==(const TypographyRules&) const = default;
};

/// The conventions of `language`, a BCP 47 tag such as "fr" or "en-GB", with quotation
/// marks and digit grouping from ICU's locale data.
TypographyRules typography_rules(std::string_view language);

/// The same, from `facts`, the language's locale_facts when the caller has them already.
TypographyRules typography_rules(std::string_view language, const LocaleFacts& facts);

/// `spans` with keyboard typing (straight quotes, "...", spaced hyphens, plain spaces before
/// punctuation and units) set as `rules` say; rules see across span boundaries, URLs and
/// e-mail addresses are left as typed, each span keeps its styles and link, and a span
/// left empty is dropped. Applying it twice gives the same result as once.
std::vector<document::Span> apply_typography(std::vector<document::Span> spans, const TypographyRules& rules);

}  // namespace leafpress::locale
