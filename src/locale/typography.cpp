#include "locale/typography.hpp"

#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string>

#include "core/utf8.hpp"
#include "locale/locale_facts.hpp"

namespace leafpress::locale {
namespace {

constexpr char32_t kSpace = U' ';
constexpr char32_t kNoBreakSpace = U'\u00A0';
constexpr char32_t kNarrowNoBreakSpace = U'\u202F';
constexpr char32_t kEnDash = U'\u2013';
constexpr char32_t kEmDash = U'\u2014';
constexpr char32_t kEllipsis = U'\u2026';
constexpr char32_t kRightSingleQuote = U'\u2019';
constexpr char32_t kLeftGuillemet = U'\u00AB';
constexpr char32_t kRightGuillemet = U'\u00BB';
constexpr char32_t kGeresh = U'\u05F3';
constexpr char32_t kGershayim = U'\u05F4';

// Symbols written after a number with a space that must not break; '%' and its relatives
// are handled apart because French spaces them differently.
constexpr std::array<std::u32string_view, 31> kUnits = {
    U"mg", U"g", U"kg", U"\u00B5g", U"\u03BCg", U"mcg", U"ng", U"ml", U"mL", U"cl", U"cL", U"dl", U"dL", U"L",
    U"mm", U"cm", U"m", U"km", U"h", U"min", U"s", U"ms", U"\u00B0C", U"\u00B0F", U"mmHg", U"mmol", U"mol",
    U"Gy", U"UI", U"kcal", U"\u20AC"};

// ---- Characters ---------------------------------------------------------------------

/// One character of the string, with the span it came from.
struct Char {
  char32_t cp = 0;
  std::size_t span = 0;
  bool in_address = false;     // part of a URL, e-mail address or telephone number: left as typed
  bool left_to_right = false;  // part of one of those: a left-to-right unit in any text
};

using Text = std::vector<Char>;

UChar32 icu_char(char32_t c) { return static_cast<UChar32>(c); }
// ASCII, most of the text, is answered without ICU, as ICU answers it: its alphabetic
// characters are A-Z and a-z, its decimal digits 0-9, its white space TAB to CR and SPACE.
bool is_ascii(char32_t c) { return c < 0x80; }
bool is_letter(char32_t c) {
  return is_ascii(c) ? (c | 0x20) >= U'a' && (c | 0x20) <= U'z' : u_isUAlphabetic(icu_char(c));
}
bool is_digit(char32_t c) { return is_ascii(c) ? c >= U'0' && c <= U'9' : u_isdigit(icu_char(c)); }
bool is_word(char32_t c) { return is_letter(c) || is_digit(c); }
bool is_white(char32_t c) {
  return is_ascii(c) ? c == U' ' || (c >= U'\t' && c <= U'\r') : u_isUWhiteSpace(icu_char(c));
}
char32_t lower(char32_t c) {
  if (is_ascii(c)) return c >= U'A' && c <= U'Z' ? c + (U'a' - U'A') : c;
  return static_cast<char32_t>(u_tolower(icu_char(c)));
}
bool is_percent(char32_t c) { return c == U'%' || c == U'\u2030' || c == U'\u066A'; }
bool is_category(char32_t c, UCharCategory category) { return u_charType(icu_char(c)) == category; }
bool is_closing(char32_t c) {
  return is_category(c, U_END_PUNCTUATION) || is_category(c, U_FINAL_PUNCTUATION);
}

/// The character `back` places before the end of `text` (1 = last), or 0 before the start.
char32_t before_end(const Text& text, std::size_t back) {
  return text.size() >= back ? text[text.size() - back].cp : 0;
}

/// The character at `index`, or 0 past the end.
char32_t at(const Text& text, std::size_t index) { return index < text.size() ? text[index].cp : 0; }

/// True when no letter or digit follows `index`: punctuation ends a word there.
bool ends_word(const Text& text, std::size_t index) { return index >= text.size() || !is_word(text[index].cp); }

/// A text made from `in`: each character `acts(i)` is true of is handed to `rewrite(out, i)`,
/// which appends what it becomes (reading `in` and what `out` holds so far) and returns where
/// reading goes on; the characters between are copied as they are, in bulk.
template <typename Acts, typename Rewrite>
Text rewritten(const Text& in, const Acts& acts, const Rewrite& rewrite) {
  Text out;
  out.reserve(in.size() + in.size() / 8);
  std::size_t copied = 0;  // in[0, copied) is in out
  for (std::size_t i = 0; i < in.size();) {
    if (!acts(i)) {
      ++i;
      continue;
    }
    out.insert(out.end(), in.begin() + static_cast<std::ptrdiff_t>(copied), in.begin() + static_cast<std::ptrdiff_t>(i));
    i = rewrite(out, i);
    copied = i;
  }
  out.insert(out.end(), in.begin() + static_cast<std::ptrdiff_t>(copied), in.end());
  return out;
}

Text decode(const std::vector<document::Span>& spans) {
  Text text;
  std::size_t bytes = 0;
  for (const document::Span& span : spans) bytes += span.text.size();
  text.reserve(bytes);
  for (std::size_t s = 0; s < spans.size(); ++s) {
    const std::string& chars = spans[s].text;
    for (std::size_t offset = 0; offset < chars.size();) {
      const auto byte = static_cast<unsigned char>(chars[offset]);
      if (byte < 0x80) {
        text.push_back({byte, s});
        ++offset;
      } else {
        text.push_back({core::next_code_point(chars, offset), s});
      }
    }
  }
  return text;
}

/// The characters back in their spans; a span is split where a left-to-right unit (a URL,
/// e-mail address or telephone number) starts or ends inside it, the unit's part marked.
std::vector<document::Span> encode(const Text& text, const std::vector<document::Span>& spans) {
  std::vector<document::Span> out;
  std::size_t last_span = spans.size();
  for (const Char& c : text) {
    const document::Span& span = spans[c.span];
    const bool left_to_right = span.left_to_right || c.left_to_right;
    if (c.span != last_span || out.back().left_to_right != left_to_right) {
      out.push_back({.text = {}, .emphasis = span.emphasis, .strong = span.strong, .link = span.link, .language = span.language,
                     .left_to_right = left_to_right});
      out.back().text.reserve(span.text.size());
      last_span = c.span;
    }
    if (is_ascii(c.cp)) {
      out.back().text.push_back(static_cast<char>(c.cp));
    } else {
      core::append_utf8(out.back().text, c.cp);
    }
  }
  return out;
}

// ---- URLs and e-mail addresses --------------------------------------------------------

bool starts_with(const Text& text, std::size_t index, std::u32string_view prefix) {
  if (text.size() - index < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if (lower(text[index + k].cp) != prefix[k]) return false;
  }
  return true;
}

bool starts_url(const Text& text, std::size_t index) {
  if (index > 0 && is_word(text[index - 1].cp)) return false;
  return starts_with(text, index, U"https://") || starts_with(text, index, U"http://") ||
         starts_with(text, index, U"www.") || starts_with(text, index, U"mailto:");
}

// Characters that cannot appear unescaped in a URL (RFC 3986) end it.
bool ends_url(char32_t c) {
  return is_white(c) || c == U'"' || c == U'<' || c == U'>' || c == kLeftGuillemet || c == kRightGuillemet;
}

/// Sentence punctuation right after a URL belongs to the sentence; a ')' does when the URL
/// has no '(' to match it.
std::size_t trim_url(const Text& text, std::size_t begin, std::size_t end) {
  int open = 0;
  for (std::size_t k = begin; k < end; ++k) open += text[k].cp == U'(' ? 1 : text[k].cp == U')' ? -1 : 0;
  while (end > begin) {
    const char32_t last = text[end - 1].cp;
    if (last == U')' && open < 0) {
      ++open;
    } else if (std::u32string_view(U".,;:!?'").find(last) == std::u32string_view::npos) {
      break;
    }
    --end;
  }
  return end;
}

void mark_urls(Text& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t first = lower(text[i].cp);  // as starts_url would find
    if (first != U'h' && first != U'w' && first != U'm') continue;
    if (!starts_url(text, i)) continue;
    std::size_t end = i;
    while (end < text.size() && !ends_url(text[end].cp)) ++end;
    end = trim_url(text, i, end);
    for (std::size_t k = i; k < end; ++k) text[k].in_address = text[k].left_to_right = true;
    i = end;
  }
}

bool is_ascii_alnum(char32_t c) { return c < 0x80 && u_isalnum(icu_char(c)); }
bool is_email_local(char32_t c) {
  return is_ascii_alnum(c) || std::u32string_view(U"._%+-").find(c) != std::u32string_view::npos;
}
bool is_email_domain(char32_t c) { return is_ascii_alnum(c) || c == U'.' || c == U'-'; }

void mark_emails(Text& text) {
  for (std::size_t at_sign = 0; at_sign < text.size(); ++at_sign) {
    if (text[at_sign].cp != U'@') continue;
    std::size_t begin = at_sign;
    while (begin > 0 && is_email_local(text[begin - 1].cp)) --begin;
    std::size_t end = at_sign + 1;
    while (end < text.size() && is_email_domain(text[end].cp)) ++end;
    while (end > at_sign + 1 && text[end - 1].cp == U'.') --end;
    bool dotted = false;
    for (std::size_t k = at_sign + 1; k < end; ++k) dotted = dotted || text[k].cp == U'.';
    if (begin == at_sign || !dotted) continue;
    for (std::size_t k = begin; k < end; ++k) text[k].in_address = text[k].left_to_right = true;
  }
}

// ---- Telephone numbers ------------------------------------------------------------------

bool is_phone_space(char32_t c) { return c == kSpace || c == kNoBreakSpace || c == kNarrowNoBreakSpace; }
bool is_phone_separator(char32_t c) {
  return is_phone_space(c) || c == U'-' || c == U'.' || c == U'/' || c == U'(' || c == U')';
}

/// The digit groups of a candidate telephone number, and the separators between them.
struct DigitGroups {
  std::vector<std::size_t> lengths;
  std::u32string separators;  // the first character between each two groups
  std::size_t digits = 0;
};

DigitGroups digit_groups(const Text& text, std::size_t begin, std::size_t end) {
  DigitGroups groups;
  bool in_group = false;
  for (std::size_t k = begin; k < end; ++k) {
    if (is_digit(text[k].cp)) {
      if (!in_group) groups.lengths.push_back(0);
      ++groups.lengths.back();
      ++groups.digits;
      in_group = true;
    } else {
      if (in_group && groups.lengths.size() > groups.separators.size()) groups.separators.push_back(text[k].cp);
      in_group = false;
    }
  }
  return groups;
}

/// Groups that read as something else: thousands ("1 000 000", 1–3 digits then threes, not
/// led by 0), a date ("2024-01-15", "15.01.2024") or a decimal ("3.14159265").
bool reads_as_other_number(const Text& text, std::size_t begin, const DigitGroups& groups) {
  const auto& n = groups.lengths;
  const bool thousands = text[begin].cp != U'0' && n.front() <= 3 &&
                         std::all_of(n.begin() + 1, n.end(), [](std::size_t length) { return length == 3; });
  const bool iso_date = n.size() == 3 && n[0] == 4 && n[1] == 2 && n[2] == 2;
  const bool dotted_date = n.size() == 3 && n[0] <= 2 && n[1] <= 2 && n[2] == 4;
  return thousands || iso_date || dotted_date || n.size() < 2 || (n.size() == 2 && groups.separators[0] == U'.');
}

/// Where the telephone number starting at `begin` ends, or `begin` when none starts there.
/// A number is 8 to 15 digits (ITU-T E.164) in groups split by one space, hyphen, dot, slash
/// or bracket, starting with '+', '(' or a digit after no word or number character, and
/// it is written internationally ("+33 1 …"), with a trunk prefix ("03-1234567",
/// "0 805 123 124") or with hyphens or slashes ("555-123-4567"), and does not read as
/// another number.
std::size_t phone_end(const Text& text, std::size_t begin) {
  const char32_t first = text[begin].cp;
  if (first != U'+' && first != U'(' && !is_digit(first)) return begin;
  if (begin > 0) {
    const char32_t before = text[begin - 1].cp;
    if (is_word(before) || before == U'+' || before == U'-' || before == U'.' || before == U',' || before == U'/') {
      return begin;
    }
    // Not the middle of a number: "000 000" of "1 000 000".
    if (is_phone_separator(before) && begin > 1 && is_digit(text[begin - 2].cp)) return begin;
  }
  std::size_t end = begin + 1;
  std::size_t separators_in_a_row = 0;
  std::size_t digits = is_digit(first) ? 1 : 0;
  // Reading stops past 15 digits, so a long run of digits and spaces takes linear time.
  while (end < text.size() && !text[end].in_address && separators_in_a_row < 2 && digits <= 15) {
    const char32_t c = text[end].cp;
    if (is_digit(c)) {
      ++digits;
      separators_in_a_row = 0;
    } else if (c == U'(' || c == U')') {
      // "(030) 1234": a bracket counts with the space next to it as one separator.
    } else if (is_phone_separator(c)) {
      ++separators_in_a_row;
    } else {
      break;
    }
    ++end;
  }
  while (end > begin && !is_digit(text[end - 1].cp)) --end;
  if (end < text.size() && (is_word(text[end].cp) || text[end].cp == U'-')) return begin;
  const DigitGroups groups = digit_groups(text, begin, end);
  if (groups.digits < 8 || groups.digits > 15) return begin;
  int open = 0;
  for (std::size_t k = begin; k < end; ++k) open += text[k].cp == U'(' ? 1 : text[k].cp == U')' ? -1 : 0;
  if (open != 0) return begin;
  // Hyphens alone make a number only in three groups or more: "2020-2024" is a range.
  const bool hyphenated = groups.separators.find_first_of(U"-/") != std::u32string::npos && groups.lengths.size() >= 3;
  const bool plain_prefix = first == U'+' || (first == U'(' && is_digit(at(text, begin + 1))) ||
                            u_charDigitValue(icu_char(first)) == 0;
  if (!plain_prefix && !hyphenated) return begin;
  if (first != U'+' && reads_as_other_number(text, begin, groups)) return begin;
  return end;
}

/// Telephone numbers are left as typed (their hyphens stay hyphens) and never broken: their
/// spaces become no-break spaces, which bidi also keeps between the digits (UAX #9 W4).
void mark_phones(Text& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i].in_address) continue;
    const char32_t first = text[i].cp;
    if (first != U'+' && first != U'(' && !is_digit(first)) continue;  // as phone_end would find
    const std::size_t end = phone_end(text, i);
    if (end == i) continue;
    for (std::size_t k = i; k < end; ++k) {
      text[k].in_address = text[k].left_to_right = true;
      if (is_phone_space(text[k].cp)) text[k].cp = kNoBreakSpace;
    }
    i = end;
  }
}

// ---- Ellipses and dashes ------------------------------------------------------------

/// Where the digits ending `out` begin, or out.size() when it does not end with a digit.
std::size_t digits_begin(const Text& out) {
  std::size_t first = out.size();
  while (first > 0 && is_digit(out[first - 1].cp) && !out[first - 1].in_address) --first;
  return first;
}

/// Chicago 13.50, Imprimerie nationale (« Points de suspension »): three typed periods are
/// one ellipsis character; other runs of periods are left alone.
Text ellipses(const Text& in) {
  return rewritten(
      in, [&](std::size_t i) { return in[i].cp == U'.' && !in[i].in_address; },
      [&](Text& out, std::size_t i) {
        std::size_t run = 0;
        while (i + run < in.size() && in[i + run].cp == U'.' && !in[i + run].in_address) ++run;
        if (run == 3) {
          out.push_back({kEllipsis, in[i].span});
        } else {
          out.insert(out.end(), in.begin() + static_cast<std::ptrdiff_t>(i), in.begin() + static_cast<std::ptrdiff_t>(i + run));
        }
        return i + run;
      });
}

/// The hyphen at `index` joins two numbers ("17-20") rather than an identifier ("PD-1",
/// "CTLA-4") or a chain such as a date ("2024-01-15").
bool is_number_range(const Text& out, const Text& in, std::size_t index) {
  const std::size_t first = digits_begin(out);
  std::size_t last = index + 1;
  while (last < in.size() && is_digit(in[last].cp) && !in[last].in_address) ++last;
  if (first == out.size() || last == index + 1) return false;
  const char32_t before = first > 0 ? out[first - 1].cp : 0;
  const char32_t after = at(in, last);
  return !is_letter(before) && !is_letter(after) && before != U'-' && before != kEnDash && after != U'-';
}

/// Chicago 6.78 (en dash for ranges "as to"), Imprimerie nationale and Duden: a range of
/// numbers takes an en dash. A spaced hyphen is a dash: spaced en dash in French
/// (Imprimerie nationale, « Tiret »), German (Duden, Gedankenstrich), Spanish (RAE, raya
/// alternative) and British English; closed-up em dash in American English (Chicago 6.85).
Text dashes(const Text& in, DashStyle style) {
  return rewritten(
      in, [&](std::size_t i) { return in[i].cp == U'-' && !in[i].in_address; },
      [&](Text& out, std::size_t i) {
        const Char& c = in[i];
        if (!out.empty() && is_number_range(out, in, i)) {
          out.push_back({kEnDash, c.span});
        } else if (before_end(out, 1) == kSpace && out.size() >= 2 && at(in, i + 1) == kSpace) {
          if (style == DashStyle::closed_em_dash) {
            out.pop_back();
            out.push_back({kEmDash, c.span});
            return i + 2;
          }
          out.push_back({kEnDash, c.span});
        } else {
          out.push_back(c);
        }
        return i + 1;
      });
}

// ---- Quotation marks and apostrophes ---------------------------------------------------

/// A character of a script written without spaces between words (CJK, Thai, Lao, Khmer,
/// Myanmar), or CJK punctuation: a quotation may open right after it.
bool is_cjk(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(icu_char(c), &status);
  const bool cjk_script = script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
                          script == USCRIPT_BOPOMOFO || script == USCRIPT_HANGUL || script == USCRIPT_THAI ||
                          script == USCRIPT_LAO || script == USCRIPT_KHMER || script == USCRIPT_MYANMAR;
  const bool cjk_punctuation = (c >= U'\u3000' && c <= U'\u303F') || (c >= U'\uFF00' && c <= U'\uFF65');
  return U_SUCCESS(status) && (cjk_script || (cjk_punctuation && !is_closing(c)));
}

/// A straight quote opens a quotation at the start, after a space, an opening bracket or
/// mark, a dash, or an elided word before a word ("l'\"immunoterapia\""), and after a CJK
/// or Thai character when no quotation is open (Chinese "的\"刹车\"" has no space before
/// either quote); anywhere else it closes one.
bool opens_quotation(const Text& out, char32_t next, std::size_t depth, const TypographyRules& rules) {
  if (out.empty()) return true;
  const char32_t prev = out.back().cp;
  if (is_cjk(prev) && prev != rules.quote_open && prev != rules.nested_quote_open) return depth == 0;
  return is_white(prev) || is_category(prev, U_START_PUNCTUATION) || is_category(prev, U_DASH_PUNCTUATION) ||
         prev == U'\u00BF' || prev == U'\u00A1' || prev == U'/' || prev == rules.quote_open ||
         prev == rules.nested_quote_open || (prev == kRightSingleQuote && is_word(next));
}

bool is_hebrew_letter(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  return !is_ascii(c) && is_letter(c) && uscript_getScript(icu_char(c), &status) == USCRIPT_HEBREW;
}

/// Quotation marks come from the locale (CLDR through ICU), alternating with nesting depth
/// as Chicago (ch. 13, quotations within quotations), Imprimerie nationale (« Guillemets »),
/// RAE (comillas) and Duden (Anführungszeichen) describe. An apostrophe after a letter or
/// digit is U+2019 (Chicago ch. 6, Imprimerie nationale « Apostrophe »); one opening a word
/// is left alone because it may open a quotation or stand for elided letters. In Hebrew a
/// straight double quote between two letters is the gershayim of an abbreviation (מחו״ל)
/// and a single quote after a letter the geresh (ג׳), as Hebrew keyboards type them.
Text quotation_marks(const Text& in, const TypographyRules& rules) {
  std::size_t depth = 0;
  const bool typed_marks_pair = rules.quote_open != rules.quote_close;
  const auto acts = [&](std::size_t i) {
    const char32_t c = in[i].cp;
    return !in[i].in_address &&
           (c == U'"' || c == U'\'' || (typed_marks_pair && (c == rules.quote_open || c == rules.quote_close)));
  };
  return rewritten(in, acts, [&](Text& out, std::size_t i) {
    Char c = in[i];
    // Asked only of a quote, the one character it changes.
    const bool quote = c.cp == U'"' || c.cp == U'\'';
    const bool after_hebrew = quote && !out.empty() && is_hebrew_letter(out.back().cp);
    if (c.cp == U'"' && after_hebrew && is_hebrew_letter(at(in, i + 1))) {
      c.cp = kGershayim;  // an abbreviation: מחו"ל is מחו״ל
    } else if (c.cp == U'\'' && after_hebrew && !is_letter(at(in, i + 1))) {
      c.cp = kGeresh;  // a number or an abbreviation: ג' is ג׳
    } else if (c.cp == U'"' && opens_quotation(out, at(in, i + 1), depth, rules)) {
      c.cp = depth % 2 == 0 ? rules.quote_open : rules.nested_quote_open;
      ++depth;
    } else if (c.cp == U'"') {
      depth -= depth > 0 ? 1 : 0;
      c.cp = depth % 2 == 0 ? rules.quote_close : rules.nested_quote_close;
    } else if (c.cp == U'\'' && !out.empty() && is_word(out.back().cp)) {
      c.cp = kRightSingleQuote;
    } else if (typed_marks_pair && c.cp == rules.quote_open) {
      ++depth;
    } else if (typed_marks_pair && c.cp == rules.quote_close) {
      depth -= depth > 0 ? 1 : 0;
    }
    out.push_back(c);
    return i + 1;
  });
}

// ---- Spaces around punctuation ----------------------------------------------------------

/// Makes the space before the mark about to be appended to `out` a `space`: a typed
/// U+0020 is replaced, a no-break space already there is kept, and when there is none one is
/// added if `may_add` and the mark follows a word or closing punctuation.
void space_before(Text& out, std::size_t span, char32_t space, bool may_add) {
  if (out.empty()) return;
  Char& prev = out.back();
  if (prev.cp == kSpace) {
    prev.cp = space;
  } else if (may_add && !is_white(prev.cp) && (is_word(prev.cp) || is_closing(prev.cp) || prev.cp == kEllipsis)) {
    out.push_back({space, span});
  }
}

/// Imprimerie nationale, Lexique (« Ponctuation », « Guillemets »): a fine (narrow) no-break
/// space before ; ! ? and inside « », a full-width no-break space before the colon.
Text french_spacing(const Text& in) {
  const auto acts = [&](std::size_t i) {
    const char32_t c = in[i].cp;
    return !in[i].in_address &&
           (c == U';' || c == U'!' || c == U'?' || c == U':' || c == kRightGuillemet || c == kLeftGuillemet);
  };
  return rewritten(in, acts, [&](Text& out, std::size_t i) {
    const Char& c = in[i];
    if (c.cp == U';' || c.cp == U'!' || c.cp == U'?') {
      space_before(out, c.span, kNarrowNoBreakSpace, ends_word(in, i + 1));
    } else if (c.cp == U':') {
      // Only a colon followed by a space is punctuation: "10:30" and "https:" are not.
      space_before(out, c.span, kNoBreakSpace, i + 1 >= in.size() || is_white(in[i + 1].cp));
    } else if (c.cp == kRightGuillemet) {
      space_before(out, c.span, kNarrowNoBreakSpace, true);
    }
    out.push_back(c);
    if (c.cp != kLeftGuillemet || i + 1 >= in.size()) return i + 1;
    if (in[i + 1].cp == kSpace) {
      out.push_back({kNarrowNoBreakSpace, in[i + 1].span});
      return i + 2;
    }
    if (!is_white(in[i + 1].cp)) out.push_back({kNarrowNoBreakSpace, c.span});
    return i + 1;
  });
}

/// Chicago (ch. 6, no space before punctuation): a space typed between a word and ; : ! ?
/// is removed, as French habits leave it in English text.
Text closed_punctuation(const Text& in) {
  const auto acts = [&](std::size_t i) {
    const char32_t c = in[i].cp;
    return !in[i].in_address && (c == U';' || c == U':' || c == U'!' || c == U'?');
  };
  return rewritten(in, acts, [&](Text& out, std::size_t i) {
    const char32_t word = before_end(out, 2);
    if (before_end(out, 1) == kSpace && (is_word(word) || is_closing(word)) && ends_word(in, i + 1)) out.pop_back();
    out.push_back(in[i]);
    return i + 1;
  });
}

// ---- Spaces in and after numbers -----------------------------------------------------

/// The space at `index` separates thousands: 1–3 digits before it that start a number (not
/// a leading 0, as in a telephone number "0 805 123 124"), or a group of 3 after a separator
/// already set, and exactly 3 digits after it.
bool separates_thousands(const Text& out, const Text& in, std::size_t index, char32_t separator) {
  for (std::size_t k = index + 1; k <= index + 3; ++k) {
    if (k >= in.size() || !is_digit(in[k].cp) || in[k].in_address) return false;
  }
  if (is_digit(at(in, index + 4))) return false;
  const std::size_t first = digits_begin(out);
  const std::size_t count = out.size() - first;
  const char32_t before = first > 0 ? out[first - 1].cp : 0;
  if (count == 3 && (before == separator || before == kNarrowNoBreakSpace || before == kNoBreakSpace)) return true;
  const char32_t before_space = first > 1 ? out[first - 2].cp : 0;
  const bool continues_digits = is_white(before) && is_digit(before_space);
  return count >= 1 && count <= 3 && out[first].cp != U'0' && !is_word(before) && before != U'+' &&
         before != U'.' && before != U',' && !continues_digits;
}

/// The unit symbol starting at `index`, as a whole word (so not "m" of "m'a").
bool unit_at(const Text& in, std::size_t index) {
  for (const std::u32string_view unit : kUnits) {
    bool matches = in.size() - index >= unit.size();
    for (std::size_t k = 0; matches && k < unit.size(); ++k) matches = in[index + k].cp == unit[k];
    const char32_t next = at(in, index + unit.size());
    if (matches && !is_word(next) && next != U'\'' && next != kRightSingleQuote) return true;
  }
  return false;
}

/// Spaces that must not break inside or after a number. Thousands: Imprimerie nationale
/// (« Nombres »), Duden (Zahlen, Gliederung), RAE (escritura de números), with the locale's
/// space from CLDR. Percent and units: a no-break space, narrow in French (Imprimerie
/// nationale, « Pour cent »), and RAE and Duden both space "20 %"; English writes "20%"
/// as typed (Chicago 9.18) and a typed space only stops breaking.
Text number_spacing(const Text& in, const TypographyRules& rules) {
  // Only a character after a digit (or after a space this rule may have changed) may change.
  const auto acts = [&](std::size_t i) {
    return i > 0 && !in[i].in_address && (in[i - 1].cp == kSpace || is_digit(in[i - 1].cp));
  };
  return rewritten(in, acts, [&](Text& out, std::size_t i) {
    Char c = in[i];
    const bool after_number = is_digit(out.back().cp) && !out.back().in_address;
    if (!after_number) {
      out.push_back(c);
      return i + 1;
    }
    if (c.cp == kSpace && rules.joined_digit_groups && i + 1 < in.size() && is_digit(in[i + 1].cp)) {
      c.cp = kNoBreakSpace;
    } else if (c.cp == kSpace && rules.digit_group_separator &&
               separates_thousands(out, in, i, *rules.digit_group_separator)) {
      c.cp = *rules.digit_group_separator;
    } else if (c.cp == kSpace && i + 1 < in.size() && is_percent(in[i + 1].cp)) {
      c.cp = rules.french_spacing ? kNarrowNoBreakSpace : kNoBreakSpace;
    } else if (c.cp == kSpace && i + 1 < in.size() && unit_at(in, i + 1)) {
      c.cp = kNoBreakSpace;
    } else if (rules.french_spacing && is_percent(c.cp)) {
      out.push_back({kNarrowNoBreakSpace, c.span});
    }
    out.push_back(c);
    return i + 1;
  });
}

// ---- Digits ------------------------------------------------------------------------------

bool is_latin_letter(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  return is_letter(c) && uscript_getScript(icu_char(c), &status) == USCRIPT_LATIN;
}

/// Typed digits in the language's own: every digit of a stretch of text between spaces that
/// holds no Latin letter and is no URL or e-mail address ("١٧–٢٠", but "PD-1" and
/// "https://x.org/1" as typed).
Text native_digits(Text text, char32_t zero) {
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = begin;
    bool keep = false;
    while (end < text.size() && !is_white(text[end].cp)) {
      keep = keep || is_latin_letter(text[end].cp) || text[end].in_address;
      ++end;
    }
    for (std::size_t k = begin; k < end && !keep; ++k) {
      if (text[k].cp >= U'0' && text[k].cp <= U'9') text[k].cp = zero + (text[k].cp - U'0');
    }
    begin = end + 1;
  }
  return text;
}

// ---- Which rules have something to do --------------------------------------------------

/// The characters of a text each rule acts on (or starts from): a rule whose characters the
/// text lacks leaves it as it is, and is skipped.
struct Triggers {
  bool at_sign = false;        // e-mail addresses
  bool digit = false;          // telephone numbers, spaces in and after numbers
  bool phone_opening = false;  // '+' or '(' opening a telephone number
  bool period = false;         // ellipses
  bool hyphen = false;         // dashes
  bool quote = false;          // straight quotes and apostrophes
  bool french_mark = false;    // ; ! ? : and guillemets, spaced in French
  bool closed_mark = false;    // ; : ! ?, closed up in English
};

Triggers triggers_in(const Text& text) {
  Triggers triggers;
  for (const Char& c : text) {
    switch (c.cp) {
      case U'@': triggers.at_sign = true; break;
      case U'+':
      case U'(': triggers.phone_opening = true; break;
      case U'.': triggers.period = true; break;
      case U'-': triggers.hyphen = true; break;
      case U'"':
      case U'\'': triggers.quote = true; break;
      case U';':
      case U'!':
      case U'?':
      case U':': triggers.french_mark = triggers.closed_mark = true; break;
      case kLeftGuillemet:
      case kRightGuillemet: triggers.french_mark = true; break;
      default: triggers.digit = triggers.digit || is_digit(c.cp); break;
    }
  }
  return triggers;
}

std::string locale_part(const std::string& icu_locale, int32_t (*get)(const char*, char*, int32_t, UErrorCode*)) {
  std::array<char, ULOC_FULLNAME_CAPACITY> part{};
  UErrorCode status = U_ZERO_ERROR;
  get(icu_locale.c_str(), part.data(), static_cast<int32_t>(part.size()), &status);
  return U_FAILURE(status) ? std::string() : std::string(part.data());
}

}  // namespace

TypographyRules typography_rules(std::string_view language) {
  return typography_rules(language, locale_facts(language));
}

TypographyRules typography_rules(std::string_view language, const LocaleFacts& facts) {
  const std::string icu_locale = icu_locale_of(language);
  const std::string code = locale_part(icu_locale, uloc_getLanguage);
  const std::string country = locale_part(icu_locale, uloc_getCountry);
  TypographyRules rules;
  rules.quote_open = facts.quote_open.value_or(rules.quote_open);
  rules.quote_close = facts.quote_close.value_or(rules.quote_close);
  rules.nested_quote_open = facts.nested_quote_open.value_or(rules.nested_quote_open);
  rules.nested_quote_close = facts.nested_quote_close.value_or(rules.nested_quote_close);
  rules.french_spacing = code == "fr";
  rules.closed_punctuation = code == "en";
  // English keeps its comma grouping as typed (Chicago 9.55); Arabic digits are left alone.
  // The locale's separator when it is a space (U+202F in French, U+00A0 in Canadian French);
  // locales grouping with "." or "," still get U+202F for typed spaces.
  if (code != "en" && code != "ar") {
    rules.digit_group_separator =
        facts.group_separator && is_white(*facts.group_separator) ? *facts.group_separator : kNarrowNoBreakSpace;
  }
  rules.spaced_hyphen = code == "en" && country != "GB" ? DashStyle::closed_em_dash : DashStyle::spaced_en_dash;
  rules.joined_digit_groups = uloc_isRightToLeft(icu_locale.c_str());
  rules.zero_digit = facts.numbering_zero.value_or(U'0');
  return rules;
}

std::vector<document::Span> apply_typography(std::vector<document::Span> spans, const TypographyRules& rules) {
  Text text = decode(spans);
  const Triggers triggers = triggers_in(text);
  mark_urls(text);
  if (triggers.at_sign) mark_emails(text);
  if (rules.zero_digit != U'0') text = native_digits(std::move(text), rules.zero_digit);
  if (triggers.digit || triggers.phone_opening) mark_phones(text);
  if (triggers.period) text = ellipses(text);
  if (triggers.hyphen) text = dashes(text, rules.spaced_hyphen);
  // The quotation marks set may be guillemets, which French spaces.
  if (triggers.quote) text = quotation_marks(text, rules);
  if (rules.french_spacing && (triggers.french_mark || triggers.quote)) text = french_spacing(text);
  if (rules.closed_punctuation && triggers.closed_mark) text = closed_punctuation(text);
  if (triggers.digit) text = number_spacing(text, rules);
  return encode(text, spans);
}

}  // namespace leafpress::locale
