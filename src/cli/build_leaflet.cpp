#include "cli/build_leaflet.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "core/atomic_file.hpp"
#include "layout/dump.hpp"
#include "layout/for_format.hpp"
#include "layout/large_print.hpp"
#include "layout/lay_out.hpp"
#include "load/load_leaflet.hpp"
#include "locale/localize.hpp"
#include "pdf/pdf_error.hpp"
#include "pdf/write_pdf.hpp"

namespace leafpress::cli {
namespace fs = std::filesystem;
namespace {

/// SOURCE_DATE_EPOCH (reproducible-builds.org): whole seconds since 1970.
std::optional<std::int64_t> source_date_epoch() {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (!value || !*value) return std::nullopt;
  std::int64_t seconds = 0;
  const std::string_view text(value);
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (ec != std::errc{} || end != text.data() + text.size() || seconds < 0) return std::nullopt;
  return seconds;
}

/// Scripts that break lines without hyphens need no dictionary; others are set unhyphenated
/// when none is found, which the author should know.
void warn_without_hyphenation(const document::Document& doc, const document::LocalizedDocument& localized,
                              text::TextContext& context, core::Diagnostics& diags) {
  static constexpr std::string_view kUnhyphenated[] = {"zh", "ja", "ko", "th", "lo", "km", "my"};
  if (localized.direction == document::Direction::rtl) return;
  const std::string_view base = std::string_view(localized.language).substr(0, localized.language.find('-'));
  if (std::find(std::begin(kUnhyphenated), std::end(kUnhyphenated), base) != std::end(kUnhyphenated)) return;
  if (context.hyphenators.find(localized.language)) return;
  diags.warning(doc.languages_loc, "no hyphenation dictionary for '" + localized.language + "'; its paragraphs are not hyphenated",
                "install Debian's hyphen-" + std::string(base) + " package, or put hyph_" + std::string(base) +
                    ".dic in the fonts/hyphenation folder");
}

}  // namespace

std::string Variant::name() const { return large_print ? "large-print" : std::string(document::format_name(format)); }

std::vector<Variant> wanted_variants(const document::Document& doc, const Options& options) {
  std::vector<Variant> variants;
  for (const document::Format format : options.formats.empty() ? doc.formats : options.formats) {
    variants.push_back({format, false});
  }
  if (options.large_print) variants.push_back({document::Format::brochure, true});
  return variants;
}

std::vector<std::string> wanted_languages(const document::Document& doc, const Options& options,
                                          core::Diagnostics& diags) {
  if (options.languages.empty()) return doc.languages;
  std::vector<std::string> wanted;
  for (const auto& language : options.languages) {
    if (std::find(doc.languages.begin(), doc.languages.end(), language) != doc.languages.end()) {
      wanted.push_back(language);
      continue;
    }
    std::string known;
    for (const auto& defined : doc.languages) known += (known.empty() ? "'" : ", '") + defined + "'";
    diags.error(doc.languages_loc, "the leaflet has no language '" + language + "'",
                "it defines " + known + "; add " + language + ".yaml and list it in 'languages'");
  }
  return wanted;
}

BuiltDocument build_document(const document::Document& doc, const std::string& language, const Variant& variant,
                             const Options& options, Toolbox& tools, fs::file_time_type started,
                             core::Diagnostics& diags, std::string& dump) {
  BuiltDocument built;
  text::TextContext& context = tools.context();
  const text::LineCounts counts_at_start = context.counts;
  auto localized = layout::for_format(locale::localize(doc, language, diags, options.limits), variant.format);
  if (variant.large_print) localized = layout::for_large_print(std::move(localized));
  warn_without_hyphenation(doc, localized, context, diags);
  const auto pages = layout::lay_out(localized, tools.registry(), context, diags, options.limits.max_pages);
  built.warnings = diags.warning_count();
  built.lines = context.counts - counts_at_start;
  if (!pages || diags.has_errors()) return built;
  built.pages = pages->pages.size();
  built.ok = true;
  if (options.command == Command::dump) dump = layout::dump(*pages);
  if (options.command != Command::build) return built;
  const fs::path target = fs::path(options.out_dir) / (doc.name + "." + language + "." + variant.name() + ".pdf");
  core::remove_stale_temporaries(target, started);
  std::string bytes;
  try {
    bytes = pdf::write_pdf(*pages, {source_date_epoch(), "leafpress " LEAFPRESS_VERSION});
  } catch (const pdf::FontSubsetError& e) {
    diags.error({e.font_file(), 0, 0}, "hb-subset cannot subset this font for " + target.filename().string() +
                                           "; some of its tables are damaged",
                "replace the file with an intact copy, or choose another font in theme.fonts");
    built.ok = false;
    return built;
  }
  core::write_file_atomically(target, bytes);
  built.file = target.string();
  built.bytes = bytes.size();
  return built;
}

}  // namespace leafpress::cli
