#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/localized_documents.hpp"
#include "cli/options.hpp"
#include "cli/toolbox.hpp"
#include "core/diagnostics.hpp"
#include "document/document.hpp"
#include "press/press_pictures.hpp"
#include "text/text_context.hpp"

namespace leafpress::cli {

/// How one document (a leaflet in one language) came out.
struct BuiltDocument {
  std::string file;  // the PDF written; empty when none was
  std::size_t pages = 0;
  std::size_t bytes = 0;
  std::string print_file;  // the press file written beside it; empty when none was
  std::size_t print_bytes = 0;
  text::LineCounts lines;
  std::size_t warnings = 0;
  bool ok = false;  // no errors
  std::size_t previews = 0;  // PNG pages written beside the PDF
};

/// What a leaflet is built into in one language: a format, or the large-print brochure.
struct Variant {
  document::Format format = document::Format::brochure;
  bool large_print = false;

  /// "brochure", "trifold", "booklet" or "large-print": the file name's last part.
  std::string name() const;
};

/// The variants to build of a leaflet: the formats asked for on the command line, else
/// those the leaflet names; then, with --large-print, the large-print brochure.
std::vector<Variant> wanted_variants(const document::Document& doc, const Options& options);

/// <out>/<leaflet>.<lang>.<variant>.pdf: where a document's PDF goes; for a row of the
/// leaflet's variants file, <out>/<leaflet>.<row>.<lang>.<variant>.pdf.
std::filesystem::path pdf_path(const std::string& out_dir, const document::Document& doc, const std::string& language,
                               const Variant& variant, const document::VariantRow* row = nullptr);

/// The rows of the leaflet's variants file to build: all, or those --variant names (each
/// must be one, an error at the leaflet otherwise). {nullptr} for a leaflet without variants:
/// it is built once.
std::vector<const document::VariantRow*> wanted_rows(const document::Document& doc, const Options& options,
                                                     core::Diagnostics& diags);

/// The press file beside a PDF: "<name>.pdf" becomes "<name>.print.pdf", whatever the name.
std::filesystem::path print_pdf_path(const std::filesystem::path& pdf);

/// The press file wanted of a leaflet: its `print:` section, else the defaults when --print
/// asks for one; nullopt for none.
std::optional<document::PrintSetup> wanted_print(const document::Document& doc, const Options& options);

/// The languages to build: all the leaflet defines, or those asked for, each of which it
/// must define (an error at its `languages` list otherwise).
std::vector<std::string> wanted_languages(const document::Document& doc, const Options& options,
                                          core::Diagnostics& diags);

/// Localizes and lays out one language of a loaded leaflet in one variant; then, as
/// `options.command` says, writes <out>/<leaflet>.<lang>.<variant>.pdf atomically (build),
/// and beside it the press file when one is wanted (wanted_print),
/// puts the display list in `dump` (dump) or nothing (check). With errors it writes
/// nothing, and an earlier PDF stays as it was; a build first removes the temporary files a
/// run killed before `started` left beside it. A press file takes its CMYK pictures from
/// `pictures`, the leaflet's, shared by all its documents. With `row`, the variables take
/// that row's values of the variants file, and the PDF is named after it. The localized
/// document comes from `localized`, the batch's; `localized_again` says that another of the
/// batch's documents is the same leaflet, language and row in another format.
BuiltDocument build_document(const document::Document& doc, const std::string& language, const Variant& variant,
                             const Options& options, Toolbox& tools, std::filesystem::file_time_type started,
                             core::Diagnostics& diags, std::string& dump, press::PressPictures& pictures,
                             const document::VariantRow* row, LocalizedDocuments& localized, bool localized_again);

}  // namespace leafpress::cli
