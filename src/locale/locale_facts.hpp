#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace leafpress::locale {

/// What ICU's locale data (CLDR) says of a language, for its typography. Asking costs a run
/// more than the asking: ICU's libicui18n has to be loaded and relocated. So the answers are
/// kept in the cache folder (core::cache_folder) under ICU's code and data versions and the
/// language, and a later run reads them instead; ICU_DATA in the environment turns that off.
/// Output never depends on whether they were there.
struct LocaleFacts {
  /// CLDR's quotation marks (ulocdata_getDelimiter): outer opening and closing, then inner.
  std::optional<char32_t> quote_open;
  std::optional<char32_t> quote_close;
  std::optional<char32_t> nested_quote_open;
  std::optional<char32_t> nested_quote_close;
  /// The separator of digit groups in the language's decimal format.
  std::optional<char32_t> group_separator;
  /// The numbering system CLDR gives the language by default ("latn", "arab").
  std::string numbering = "latn";
  /// That numbering system's zero, when it is ten consecutive digits.
  std::optional<char32_t> numbering_zero;

  bool operator==(const LocaleFacts&) const = default;
};

/// ICU's locale ID for a BCP 47 tag ("fr-CA" is "fr_CA"); an ID already in ICU's form is kept.
std::string icu_locale_of(std::string_view language);

/// The facts of `language` (a BCP 47 tag, or an ICU locale ID such as "fr_CA"), kept or asked.
LocaleFacts locale_facts(std::string_view language);

/// The facts of `language` as ICU gives them now, never kept: what locale_facts keeps.
LocaleFacts ask_icu(std::string_view language);

/// The digit zero of decimal numbering system `numbering` (CLDR's name: "latn" U+0030, "arab"
/// U+0660, "beng" U+09E6, …); nullopt for a name ICU does not know or a system that is not
/// ten consecutive digits. Asked of ICU every time.
std::optional<char32_t> numbering_zero(std::string_view numbering);

}  // namespace leafpress::locale
