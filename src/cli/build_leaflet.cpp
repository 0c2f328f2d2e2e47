#include "cli/build_leaflet.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <utility>

#include "cli/hyphenation_packages.hpp"
#include "core/atomic_file.hpp"
#include "core/printing_condition.hpp"
#include "layout/dump.hpp"
#include "layout/for_format.hpp"
#include "layout/large_print.hpp"
#include "layout/lay_out.hpp"
#include "load/load_leaflet.hpp"
#include "pdf/pdf_error.hpp"
#include "pdf/write_pdf.hpp"
#include "press/prepare_for_press.hpp"

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

/// Languages whose lines break without hyphens need no dictionary (Chinese, Japanese, Korean
/// and the Southeast Asian scripts break between syllables or words; Vietnamese syllables are
/// words of their own); others are set unhyphenated when none is found, which the author
/// should know, with the Debian package that would hyphenate them where there is one.
void warn_without_hyphenation(const document::Document& doc, const document::LocalizedDocument& localized,
                              text::TextContext& context, core::Diagnostics& diags) {
  static constexpr std::string_view kUnhyphenated[] = {"zh", "ja", "ko", "th", "lo", "km", "my", "vi"};
  if (localized.direction == document::Direction::rtl) return;
  const std::string base = localized.language.substr(0, localized.language.find('-'));
  if (std::find(std::begin(kUnhyphenated), std::end(kUnhyphenated), base) != std::end(kUnhyphenated)) return;
  if (context.hyphenators.find(localized.language)) return;
  const std::string put = "put hyph_" + base + ".dic (libhyphen patterns) in the fonts/hyphenation folder";
  const auto package = hyphenation_package_for(localized.language);
  diags.warning(doc.languages_loc, "no hyphenation dictionary for '" + localized.language + "'; its paragraphs are not hyphenated",
                package ? "install Debian's " + *package + " package, or " + put
                        : "Debian has no hyphenation package for '" + base + "': " + put);
}

/// The press file's output intent: the printing condition the profile is made for, checked
/// against `output_condition` when the leaflet was loaded (core::try_printing_condition),
/// described by the profile's own description.
std::optional<pdf::OutputIntent> output_intent(const document::PrintSetup& print) {
  if (!print.profile) return std::nullopt;
  std::string problem;
  const auto condition = core::try_printing_condition(*print.profile, print.output_condition, problem);
  if (!condition) return std::nullopt;
  pdf::OutputIntent intent;
  intent.identifier = condition->identifier;
  intent.registry = condition->registry;
  intent.info = print.profile->description.empty() ? condition->identifier : print.profile->description;
  intent.profile = *print.profile;
  return intent;
}

/// The date of a press file that claims PDF/X-4 when SOURCE_DATE_EPOCH is not set: when the
/// leaflet's folder last changed, the newest modification time of the files in it (hidden
/// ones, PDFs, the output folder `out_dir` should it lie inside, and all past the first
/// 10,000 aside: what a build writes must not date the next one). The same files give the
/// same date, so the same bytes, and it says when the content was made, which a build's
/// clock would not.
std::int64_t leaflet_date(const document::Document& doc, const std::string& out_dir) {
  std::error_code ec;
  std::int64_t newest = 0;
  std::size_t seen = 0;
  const fs::path output = fs::weakly_canonical(out_dir, ec);
  fs::recursive_directory_iterator it(doc.directory, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator() && seen < 10000; it.increment(ec), ++seen) {
    const std::string name = it->path().filename().string();
    std::error_code same_ec;
    const bool is_output = it->is_directory(same_ec) && fs::equivalent(it->path(), output, same_ec);
    if ((!name.empty() && name.front() == '.') || is_output) {
      if (it->is_directory(same_ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->path().extension() == ".pdf") continue;
    if (!it->is_regular_file(ec)) continue;
    const auto written = fs::last_write_time(it->path(), ec);
    if (ec) continue;
    const auto since_epoch = fs::file_time_type::clock::to_sys(written).time_since_epoch();
    newest = std::max<std::int64_t>(newest, std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count());
  }
  return newest;
}

/// The PDF file for `pages`, to be written to `target`; nullopt after reporting a font the
/// subsetter cannot subset.
template <typename PagesRef>
std::optional<std::string> render_pdf(PagesRef&& pages, const pdf::PdfOptions& options, const fs::path& target,
                                      core::Diagnostics& diags) {
  try {
    return pdf::write_pdf(std::forward<PagesRef>(pages), options);
  } catch (const pdf::FontSubsetError& e) {
    diags.error({e.font_file(), 0, 0}, "hb-subset cannot subset this font for " + target.filename().string() +
                                           "; some of its tables are damaged",
                "replace the file with an intact copy, or choose another font in theme.fonts");
    return std::nullopt;
  }
}

}  // namespace

fs::path pdf_path(const std::string& out_dir, const document::Document& doc, const std::string& language,
                  const Variant& variant, const document::VariantRow* row) {
  const std::string leaflet = row ? doc.name + "." + row->name : doc.name;
  return fs::path(out_dir) / (leaflet + "." + language + "." + variant.name() + ".pdf");
}

std::vector<const document::VariantRow*> wanted_rows(const document::Document& doc, const Options& options,
                                                     core::Diagnostics& diags) {
  if (doc.variants.empty()) {
    if (!options.variants.empty()) {
      diags.error(doc.loc, "--variant: the leaflet has no variants file",
                  "name one in leaflet.yaml as variants: hospitals.csv");
      return {};
    }
    return {nullptr};
  }
  std::vector<const document::VariantRow*> rows;
  if (options.variants.empty()) {
    for (const document::VariantRow& row : doc.variants) rows.push_back(&row);
    return rows;
  }
  for (const std::string& name : options.variants) {
    const auto row = std::find_if(doc.variants.begin(), doc.variants.end(),
                                  [&](const document::VariantRow& r) { return r.name == name; });
    if (row != doc.variants.end()) {
      if (std::find(rows.begin(), rows.end(), &*row) == rows.end()) rows.push_back(&*row);
      continue;
    }
    std::string known;
    for (const document::VariantRow& r : doc.variants) known += (known.empty() ? "" : ", ") + r.name;
    diags.error(doc.variants.front().loc, "--variant: the variants file has no variant '" + name + "'",
                "its variants are " + known);
  }
  return rows;
}

fs::path print_pdf_path(const fs::path& pdf) {
  fs::path print = pdf;
  print.replace_extension(".print" + pdf.extension().string());
  return print;
}

std::optional<document::PrintSetup> wanted_print(const document::Document& doc, const Options& options) {
  if (doc.print) return doc.print;
  if (options.print) return document::PrintSetup{};
  return std::nullopt;
}

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
                             core::Diagnostics& diags, std::string& dump, press::PressPictures& pictures,
                             const document::VariantRow* row, LocalizedDocuments& localized_documents,
                             bool localized_again) {
  BuiltDocument built;
  text::TextContext& context = tools.context();
  // Another format of this document sets the same paragraphs at other sizes: each is prepared
  // once for all of them (see text::PreparedParagraphs).
  context.prepared.keep_at_first_sight(localized_again);
  const text::LineCounts counts_at_start = context.counts;
  auto localized =
      layout::for_format(localized_documents.localize(doc, language, row, options.limits, diags), variant.format);
  if (variant.large_print) localized = layout::for_large_print(std::move(localized));
  warn_without_hyphenation(doc, localized, context, diags);
  const auto print = wanted_print(doc, options);
  // A booklet's pages in reading order go to the press; the screen PDF has them imposed.
  auto single_pages = layout::lay_out(localized, tools.registry(), context, diags, options.limits.max_pages);
  std::optional<layout::Pages> pages;
  if (single_pages && variant.format == document::Format::booklet) {
    pages = layout::impose_for_office(*single_pages, localized);
  } else {
    pages = std::move(single_pages);
    single_pages.reset();
  }
  built.warnings = diags.warning_count();
  built.lines = context.counts - counts_at_start;
  if (!pages || diags.has_errors()) return built;
  built.pages = pages->pages.size();
  built.ok = true;
  if (options.command == Command::dump) dump = layout::dump(*pages);
  if (options.command != Command::build) return built;
  const fs::path target = pdf_path(options.out_dir, doc, language, variant, row);
  core::remove_stale_temporaries(target, started);
  // Another format of this document follows in the batch and reuses the pages' memory.
  const pdf::PdfOptions pdf_options{.date = source_date_epoch(),
                                    .producer = "leafpress " LEAFPRESS_VERSION,
                                    .output_intent = std::nullopt,
                                    .return_pages_memory = !localized_again};
  // Pages no later step reads are freed as they are written.
  const bool pages_read_again = print && !single_pages;
  const auto bytes = pages_read_again ? render_pdf(std::as_const(*pages), pdf_options, target, diags)
                                      : render_pdf(std::move(*pages), pdf_options, target, diags);
  if (!bytes) {
    built.ok = false;
    return built;
  }
  std::optional<std::string> print_bytes;
  const fs::path print_target = print_pdf_path(target);
  if (print) {
    core::remove_stale_temporaries(print_target, started);
    pdf::PdfOptions print_options = pdf_options;
    print_options.output_intent = output_intent(*print);
    if (print_options.output_intent && !print_options.date) print_options.date = leaflet_date(doc, options.out_dir);
    const press::PressColors colors(print->profile, print->rendering_intent);
    press::Settings settings{print->bleed, print->crop_marks};
    if (single_pages && !print->bleed_at_spine) {
      settings.spine = localized.direction == document::Direction::rtl ? press::Spine::right_of_first_page
                                                                        : press::Spine::left_of_first_page;
    }
    print_bytes = render_pdf(press::prepare_for_press(single_pages ? *single_pages : *pages, settings, colors, pictures),
                             print_options, print_target, diags);
    if (!print_bytes) {
      built.ok = false;
      return built;
    }
  }
  // The PDF and its press file are one document: both replace the earlier ones, or neither.
  std::vector<std::pair<fs::path, std::string_view>> files{{target, *bytes}};
  if (print_bytes) files.emplace_back(print_target, *print_bytes);
  // PDFs are made again from their sources: the disk flush, which costs more than setting a
  // page, is for those who ask (--sync).
  core::write_files_atomically(files, options.sync ? core::Flush::to_disk : core::Flush::left_to_system);
  built.file = target.string();
  built.bytes = bytes->size();
  if (print_bytes) {
    built.print_file = print_target.string();
    built.print_bytes = print_bytes->size();
  }
  return built;
}

}  // namespace leafpress::cli
