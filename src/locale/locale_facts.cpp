#include "locale/locale_facts.hpp"

#include <unicode/icudataver.h>
#include <unicode/locid.h>
#include <unicode/uloc.h>
#include <unicode/utf16.h>
#include <unicode/uversion.h>

#include <array>
#include <charconv>
#include <cstdlib>
#include <memory>

#include "core/atomic_file.hpp"
#include "core/cache_folder.hpp"
#include "core/hash.hpp"
#include "core/read_file.hpp"
#include "locale/libicui18n_functions.hpp"

namespace leafpress::locale {
namespace {

constexpr std::string_view kMagic = "leafpress-locale-facts-1\n";

// ---- Asking ICU ---------------------------------------------------------------------------

/// The first code point of a UTF-16 string from ICU, or nullopt when ICU had none.
std::optional<char32_t> first_code_point(const UChar* chars, int32_t length, UErrorCode status) {
  if (U_FAILURE(status) || length <= 0) return std::nullopt;
  UChar32 cp = 0;
  U16_GET(chars, 0, 0, length, cp);
  return static_cast<char32_t>(cp);
}

struct LocaleDataCloser {
  void operator()(ULocaleData* data) const { libicui18n().ulocdata_close(data); }
};
struct NumberFormatCloser {
  void operator()(UNumberFormat* format) const { libicui18n().unum_close(format); }
};
struct NumberingSystemCloser {
  void operator()(UNumberingSystem* system) const { libicui18n().unumsys_close(system); }
};
using NumberingSystem = std::unique_ptr<UNumberingSystem, NumberingSystemCloser>;

std::optional<char32_t> delimiter(ULocaleData* data, ULocaleDataDelimiterType type) {
  std::array<UChar, 8> chars{};
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length =
      libicui18n().ulocdata_getDelimiter(data, type, chars.data(), static_cast<int32_t>(chars.size()), &status);
  return first_code_point(chars.data(), length, status);
}

void ask_quotation_marks(const std::string& icu_locale, LocaleFacts& facts) {
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<ULocaleData, LocaleDataCloser> data(libicui18n().ulocdata_open(icu_locale.c_str(), &status));
  if (U_FAILURE(status) || !data) return;
  facts.quote_open = delimiter(data.get(), ULOCDATA_QUOTATION_START);
  facts.quote_close = delimiter(data.get(), ULOCDATA_QUOTATION_END);
  facts.nested_quote_open = delimiter(data.get(), ULOCDATA_ALT_QUOTATION_START);
  facts.nested_quote_close = delimiter(data.get(), ULOCDATA_ALT_QUOTATION_END);
}

std::optional<char32_t> ask_group_separator(const std::string& icu_locale) {
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<UNumberFormat, NumberFormatCloser> format(
      libicui18n().unum_open(UNUM_DECIMAL, nullptr, 0, icu_locale.c_str(), nullptr, &status));
  if (U_FAILURE(status) || !format) return std::nullopt;
  std::array<UChar, 8> chars{};
  const int32_t length = libicui18n().unum_getSymbol(format.get(), UNUM_GROUPING_SEPARATOR_SYMBOL, chars.data(),
                                                     static_cast<int32_t>(chars.size()), &status);
  return first_code_point(chars.data(), length, status);
}

std::string ask_default_numbering(std::string_view language) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(std::string(language), status);
  if (U_FAILURE(status)) return "latn";
  const NumberingSystem system(libicui18n().unumsys_open(locale.getName(), &status));
  return U_SUCCESS(status) && system ? libicui18n().unumsys_getName(system.get()) : "latn";
}

// ---- Keeping the answers ------------------------------------------------------------------

/// Where the facts of `language` are kept; nullopt when they are not to be kept.
std::optional<std::filesystem::path> facts_file(std::string_view language) {
  if (std::getenv("ICU_DATA")) return std::nullopt;  // other data than the version says
  const auto folder = core::cache_folder();
  if (!folder) return std::nullopt;
  UVersionInfo data_version{};
  UErrorCode status = U_ZERO_ERROR;
  u_getDataVersion(data_version, &status);
  if (U_FAILURE(status)) return std::nullopt;
  std::array<char, U_MAX_VERSION_STRING_LENGTH> data{};
  u_versionToString(data_version, data.data());
  const std::string key =
      std::string(kMagic) + U_ICU_VERSION + "\n" + data.data() + "\n" + std::string(language) + "\n";
  return *folder / ("locale-" + core::content_hash(key) + ".txt");
}

/// "-" for none, else the code point in hex.
std::string code_point_field(std::optional<char32_t> cp) {
  if (!cp) return "-";
  std::array<char, 8> digits{};
  const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), static_cast<std::uint32_t>(*cp), 16);
  return std::string(digits.data(), end.ptr);
}

/// The code point a field holds: none for "-"; false when the field is not one.
bool read_code_point(std::string_view field, std::optional<char32_t>& out) {
  if (field == "-") {
    out.reset();
    return true;
  }
  std::uint32_t value = 0;
  const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value, 16);
  if (error != std::errc() || end != field.data() + field.size() || field.size() > 6) return false;
  if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return false;
  out = static_cast<char32_t>(value);
  return true;
}

bool is_numbering_name(std::string_view name) {
  if (name.empty() || name.size() > 16) return false;
  for (const char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

std::string serialize(const LocaleFacts& facts) {
  std::string out(kMagic);
  for (const auto& cp : {facts.quote_open, facts.quote_close, facts.nested_quote_open, facts.nested_quote_close,
                         facts.group_separator, facts.numbering_zero}) {
    out += code_point_field(cp) + "\n";
  }
  return out + facts.numbering + "\n";
}

/// The facts an entry holds; nullopt when it is not exactly what serialize writes.
std::optional<LocaleFacts> deserialize(std::string_view bytes) {
  if (!bytes.starts_with(kMagic)) return std::nullopt;
  bytes.remove_prefix(kMagic.size());
  std::array<std::string_view, 7> fields;
  for (std::string_view& field : fields) {
    const auto end = bytes.find('\n');
    if (end == std::string_view::npos) return std::nullopt;
    field = bytes.substr(0, end);
    bytes.remove_prefix(end + 1);
  }
  LocaleFacts facts;
  if (!bytes.empty() || !read_code_point(fields[0], facts.quote_open) ||
      !read_code_point(fields[1], facts.quote_close) || !read_code_point(fields[2], facts.nested_quote_open) ||
      !read_code_point(fields[3], facts.nested_quote_close) || !read_code_point(fields[4], facts.group_separator) ||
      !read_code_point(fields[5], facts.numbering_zero) || !is_numbering_name(fields[6])) {
    return std::nullopt;
  }
  facts.numbering = std::string(fields[6]);
  return facts;
}

}  // namespace

std::string icu_locale_of(std::string_view language) {
  const std::string tag(language);
  if (tag.find('_') != std::string::npos) return tag;
  std::array<char, ULOC_FULLNAME_CAPACITY> name{};
  UErrorCode status = U_ZERO_ERROR;
  uloc_forLanguageTag(tag.c_str(), name.data(), static_cast<int32_t>(name.size()), nullptr, &status);
  return U_FAILURE(status) || name[0] == '\0' ? tag : std::string(name.data());
}

LocaleFacts ask_icu(std::string_view language) {
  const std::string icu_locale = icu_locale_of(language);
  LocaleFacts facts;
  ask_quotation_marks(icu_locale, facts);
  facts.group_separator = ask_group_separator(icu_locale);
  facts.numbering = ask_default_numbering(language);
  facts.numbering_zero = numbering_zero(facts.numbering);
  return facts;
}

LocaleFacts locale_facts(std::string_view language) {
  const auto file = facts_file(language);
  if (file) {
    if (const auto bytes = core::try_read_file(*file, 1024)) {
      if (auto kept = deserialize(*bytes)) return *std::move(kept);
    }
  }
  LocaleFacts facts = ask_icu(language);
  if (file && is_numbering_name(facts.numbering)) core::store_cache_entry(*file, serialize(facts));
  return facts;
}

std::optional<char32_t> numbering_zero(std::string_view numbering) {
  UErrorCode status = U_ZERO_ERROR;
  const NumberingSystem system(libicui18n().unumsys_openByName(std::string(numbering).c_str(), &status));
  if (U_FAILURE(status) || !system || libicui18n().unumsys_isAlgorithmic(system.get()) ||
      libicui18n().unumsys_getRadix(system.get()) != 10) {
    return std::nullopt;
  }
  std::array<UChar, 64> description{};
  const int32_t length = libicui18n().unumsys_getDescription(system.get(), description.data(),
                                                             static_cast<int32_t>(description.size()), &status);
  if (U_FAILURE(status) || length <= 0 || length > static_cast<int32_t>(description.size())) return std::nullopt;
  std::array<UChar32, 10> digits{};
  int32_t at = 0;
  for (UChar32& digit : digits) {
    if (at >= length) return std::nullopt;
    U16_NEXT(description.data(), at, length, digit);
  }
  if (at != length) return std::nullopt;
  for (std::size_t d = 0; d < digits.size(); ++d) {
    if (digits[d] != digits[0] + static_cast<UChar32>(d)) return std::nullopt;
  }
  return static_cast<char32_t>(digits[0]);
}

}  // namespace leafpress::locale
