#include "locale/localize.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>

#include "core/hash.hpp"
#include "core/link_target.hpp"
#include "locale/combining_marks.hpp"
#include "locale/inline_markup.hpp"
#include "locale/locale_facts.hpp"
#include "locale/typography.hpp"

namespace leafpress::locale {
namespace {

using document::RichText;
using document::TextRef;

/// UTF-8 bytes a text holds, its links' addresses included.
std::size_t text_bytes(const RichText& rich) {
  std::size_t bytes = 0;
  for (const document::Span& span : rich.spans) bytes += span.text.size() + span.link.size();
  return bytes;
}

class Localizer {
 public:
  /// `facts`: the locale_facts of `language`, read once for the whole document.
  Localizer(const document::Document& doc, const std::string& language, const LocaleFacts& facts, char32_t zero_digit,
            core::Diagnostics& diags, const core::Limits& limits, const document::VariantRow* variant)
      : doc_(doc),
        language_(language),
        diags_(diags),
        limits_(limits),
        typography_(typography_rules(language, facts)),
        fallback_typography_(doc.default_language == language ? typography_rules(language, facts)
                                                              : typography_rules(doc.default_language)) {
    typography_.zero_digit = zero_digit;
    for (const document::Variable& variable : doc.variables) {
      if (variable.default_value) values_[variable.name] = *variable.default_value;
    }
    if (variant) {
      for (const auto& [name, value] : variant->values) values_[name] = value;
    }
  }

  RichText text(const TextRef& ref) {
    const document::StringEntry* entry = lookup(ref);
    if (!entry) return {{}, ref.loc};
    const RichText& rich = localized(*entry, ref.key);
    if (!within_text_limit(rich, ref)) return {{}, ref.loc};
    return rich;
  }

  std::optional<RichText> text(const std::optional<TextRef>& ref) {
    if (!ref) return std::nullopt;
    return text(*ref);
  }

  std::vector<RichText> texts(const std::vector<TextRef>& refs) {
    std::vector<RichText> out;
    for (const auto& ref : refs) out.push_back(text(ref));
    return out;
  }

  document::BlockContent<RichText> block(const document::BlockContent<TextRef>& content) {
    return std::visit([this](const auto& b) { return convert(b); }, content);
  }

 private:
  /// The entry's text with its markup read and its typography applied, worked out (and its
  /// problems reported) once however often the leaflet uses it.
  const RichText& localized(const document::StringEntry& entry, const std::string& key) {
    const auto [cached, inserted] = cache_.try_emplace(&entry);
    if (!inserted) return cached->second;
    const std::string limited = limit_combining_marks(entry.text, entry.loc, key, diags_);
    RichText rich = parse_inline_markup(limited, entry.loc, key, diags_);
    // After the markup is read, so a value's '*' or '[' is text; before links are checked,
    // so an address made with a value is checked as it will be written.
    if (!values_.empty()) {
      for (document::Span& span : rich.spans) {
        span.text = document::fill_placeholders(span.text, values_);
        span.link = document::fill_placeholders(span.link, values_);
      }
    }
    for (const auto& span : rich.spans) {
      if (span.link.empty()) continue;
      if (const auto problem = core::link_problem(span.link, limits_.links)) {
        diags_.error(entry.loc, problem->message + " in string '" + key + "'", problem->hint);
      }
    }
    // A fallback string keeps the typography of the language it is written in.
    const bool translated = &entry == find(language_, key);
    const TypographyRules& rules = translated ? typography_ : fallback_typography_;
    if (translated) check_current(entry, key);
    rich.spans = apply_typography(std::move(rich.spans), rules);
    cached->second = std::move(rich);
    return cached->second;
  }

  /// False once the document's text would pass the limit: reported at the use that crosses it.
  bool within_text_limit(const RichText& rich, const TextRef& ref) {
    if (over_text_limit_) return false;
    const std::size_t bytes = text_bytes(rich);
    if (bytes <= limits_.max_text_bytes() - text_bytes_) {
      text_bytes_ += bytes;
      return true;
    }
    over_text_limit_ = true;
    if (limits_.text_limited_by_pages()) {
      diags_.error(ref.loc,
                   "the leaflet's text comes to more than " + core::format_bytes(limits_.max_text_bytes()) +
                       " here, more than " + std::to_string(limits_.max_pages) +
                       (limits_.max_pages == 1 ? " page" : " pages") + " can hold",
                   "each use of a string counts its text again; use long strings fewer times, or raise the "
                   "limit with --max-pages");
    } else {
      diags_.error(ref.loc,
                   "the leaflet's text comes to more than " + core::format_bytes(limits_.max_text_bytes()) +
                       " here, over the limit of one document",
                   "each use of a string counts its text again; use long strings fewer times, or raise the "
                   "limit with --max-text-bytes");
    }
    return false;
  }

  /// Warns when a translation's recorded source (translated_from) is not the default
  /// language's text now: the source changed since, or a translator left it fuzzy.
  void check_current(const document::StringEntry& entry, const std::string& key) {
    if (language_ == doc_.default_language) return;
    const document::Catalog& catalog = doc_.catalogs.at(language_);
    const auto from = catalog.translated_from.find(key);
    const auto* source = find(doc_.default_language, key);
    if (from == catalog.translated_from.end() || !source || from->second == core::text_hash(source->text)) return;
    diags_.warning(entry.loc,
                   from->second == "fuzzy"
                       ? "the translation of '" + key + "' is fuzzy: no translator has checked it against the '" +
                             doc_.default_language + "' text"
                       : "the translation of '" + key + "' is outdated: the '" + doc_.default_language +
                             "' text changed after it was translated",
                   "update it through `leafpress strings export` and `import`; or, once checked, run "
                   "`leafpress strings mark-current --replace`");
  }

  const document::StringEntry* lookup(const TextRef& ref) {
    if (const auto* entry = find(language_, ref.key)) return entry;
    const auto* fallback = find(doc_.default_language, ref.key);
    if (fallback) {
      const auto catalog = doc_.catalogs.find(language_);
      const std::string file = catalog != doc_.catalogs.end() ? catalog->second.file : language_ + ".yaml";
      diags_.warning(ref.loc, "string '" + ref.key + "' is missing from " + file + "; using the '" +
                                  doc_.default_language + "' text",
                     "add '" + ref.key + "' to " + file);
    }
    return fallback;
  }

  const document::StringEntry* find(const std::string& language, const std::string& key) const {
    const auto catalog = doc_.catalogs.find(language);
    if (catalog == doc_.catalogs.end()) return nullptr;
    const auto entry = catalog->second.strings.find(key);
    return entry == catalog->second.strings.end() ? nullptr : &entry->second;
  }

  document::BlockContent<RichText> convert(const document::TitleBlock<TextRef>& b) {
    return document::TitleBlock<RichText>{text(b.title), text(b.subtitle), text(b.kicker)};
  }
  document::BlockContent<RichText> convert(const document::HeadingBlock<TextRef>& b) {
    return document::HeadingBlock<RichText>{b.level, text(b.text)};
  }
  document::BlockContent<RichText> convert(const document::ParagraphBlock<TextRef>& b) {
    return document::ParagraphBlock<RichText>{text(b.text)};
  }
  document::BlockContent<RichText> convert(const document::ListBlock<TextRef>& b) {
    return document::ListBlock<RichText>{b.numbered, texts(b.items)};
  }
  document::BlockContent<RichText> convert(const document::QuoteBlock<TextRef>& b) {
    return document::QuoteBlock<RichText>{text(b.text), text(b.by)};
  }
  document::BlockContent<RichText> convert(const document::CalloutBlock<TextRef>& b) {
    return document::CalloutBlock<RichText>{text(b.title), texts(b.paragraphs), texts(b.items)};
  }
  document::BlockContent<RichText> convert(const document::FiguresBlock<TextRef>& b) {
    document::FiguresBlock<RichText> out{text(b.title), {}};
    for (const auto& figure : b.figures) out.figures.push_back({text(figure.value), text(figure.label)});
    return out;
  }
  document::BlockContent<RichText> convert(const document::SourcesBlock<TextRef>& b) {
    document::SourcesBlock<RichText> out{text(b.title), {}};
    for (const auto& source : b.sources) out.sources.push_back({text(source.text), source.url});
    return out;
  }
  document::BlockContent<RichText> convert(const document::ContactBlock<TextRef>& b) {
    return document::ContactBlock<RichText>{text(b.title), texts(b.lines)};
  }
  document::BlockContent<RichText> convert(const document::ImageBlock<TextRef>& b) {
    return document::ImageBlock<RichText>{b.file, b.image, text(b.alt), text(b.caption), b.width};
  }
  document::BlockContent<RichText> convert(const document::QrBlock<TextRef>& b) {
    return document::QrBlock<RichText>{b.url, b.code, text(b.alt), text(b.caption), b.size};
  }
  document::BlockContent<RichText> convert(const document::TableBlock<TextRef>& b) {
    document::TableBlock<RichText> out{text(b.caption), b.widths, texts(b.header), {}, b.row_headers};
    for (const auto& row : b.rows) out.rows.push_back(texts(row));
    return out;
  }

  const document::Document& doc_;
  const std::string& language_;
  core::Diagnostics& diags_;
  const core::Limits& limits_;
  TypographyRules typography_;
  TypographyRules fallback_typography_;
  std::map<std::string, std::string, std::less<>> values_;  // of the variables, the variant's over the defaults
  std::map<const document::StringEntry*, RichText> cache_;
  std::size_t text_bytes_ = 0;
  bool over_text_limit_ = false;
};

/// The direction CLDR gives the language's script (ar, he, fa, ur: right to left).
document::Direction writing_direction(const std::string& language) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(language, status);
  return U_SUCCESS(status) && locale.isRightToLeft() ? document::Direction::rtl : document::Direction::ltr;
}

/// The zero digit of the language's numbering system: the leaflet's choice (`digits:`), else
/// CLDR's default. An unknown or non-decimal choice is reported and CLDR's default kept.
char32_t zero_digit_of(const document::Document& doc, const std::string& language, const LocaleFacts& facts,
                       core::Diagnostics& diags) {
  const auto choice = doc.digits.find(language);
  if (choice == doc.digits.end()) return facts.numbering_zero.value_or(U'0');
  if (const auto zero = numbering_zero(choice->second.numbering)) return *zero;
  diags.error(choice->second.loc,
              "unknown numbering system '" + choice->second.numbering + "' in 'digits' for '" + language + "'",
              "name a decimal numbering system of CLDR: latn (0-9), arab (Arabic-Indic), arabext (Persian), deva, "
              "beng, thai, ...; without it the language takes CLDR's default, '" +
                  facts.numbering + "'");
  return facts.numbering_zero.value_or(U'0');
}

/// The ten digits from `zero`, as UTF-8; empty for 0–9.
std::vector<std::string> digits_from(char32_t zero) {
  if (zero == U'0') return {};
  std::vector<std::string> digits;
  for (char32_t d = 0; d < 10; ++d) {
    std::string digit;
    icu::UnicodeString(static_cast<UChar32>(zero + d)).toUTF8String(digit);
    digits.push_back(std::move(digit));
  }
  return digits;
}

}  // namespace

document::LocalizedDocument localize(const document::Document& doc, const std::string& language,
                                     core::Diagnostics& diags, const core::Limits& limits,
                                     const document::VariantRow* variant) {
  const LocaleFacts facts = locale_facts(language);
  const char32_t zero_digit = zero_digit_of(doc, language, facts, diags);
  Localizer localizer(doc, language, facts, zero_digit, diags, limits, variant);
  document::LocalizedDocument out;
  out.name = doc.name;
  out.language = language;
  out.loc = doc.languages_loc;
  out.direction = writing_direction(language);
  out.names = doc.names;
  out.digits = digits_from(zero_digit);
  out.title = localizer.text(doc.title).plain();
  out.trifold = doc.trifold;
  out.booklet = doc.booklet;
  out.poster = doc.poster;
  out.flyer = doc.flyer;
  out.page = {doc.page.size, doc.page.columns, doc.page.margins, localizer.text(doc.page.header), localizer.text(doc.page.footer),
              doc.page.pages, doc.page.pages_loc};
  out.theme = doc.theme.for_language(language);
  if (doc.logo) {
    out.logo = document::Logo<RichText>{doc.logo->file, doc.logo->image, localizer.text(doc.logo->alt), doc.logo->width,
                                        doc.logo->every_page};
  }
  for (const auto& block : doc.blocks) out.blocks.push_back({localizer.block(block.content), block.loc, block.formats});
  return out;
}

}  // namespace leafpress::locale
