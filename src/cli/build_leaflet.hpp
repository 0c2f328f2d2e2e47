#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "cli/options.hpp"
#include "cli/toolbox.hpp"
#include "core/diagnostics.hpp"
#include "document/document.hpp"
#include "text/text_context.hpp"

namespace leafpress::cli {

/// How one document (a leaflet in one language) came out.
struct BuiltDocument {
  std::string file;  // the PDF written; empty when none was
  std::size_t pages = 0;
  std::size_t bytes = 0;
  text::LineCounts lines;
  std::size_t warnings = 0;
  bool ok = false;  // no errors
  std::size_t previews = 0;  // PNG pages written beside the PDF
};

/// The languages to build: all the leaflet defines, or those asked for, each of which it
/// must define (an error at its `languages` list otherwise).
std::vector<std::string> wanted_languages(const document::Document& doc, const Options& options,
                                          core::Diagnostics& diags);

/// Localizes and lays out one language of a loaded leaflet; then, as `options.command`
/// says, writes <out>/<leaflet>.<lang>.pdf atomically (build), puts the display list in
/// `dump` (dump) or nothing (check); `large_print` makes <leaflet>.<lang>.large-print.pdf for
/// partially sighted readers. With errors it writes nothing, and an earlier PDF stays as it was;
/// a build first removes the temporary files a run killed before `started` left beside it.
BuiltDocument build_document(const document::Document& doc, const std::string& language, bool large_print,
                             const Options& options, Toolbox& tools, std::filesystem::file_time_type started,
                             core::Diagnostics& diags, std::string& dump);

}  // namespace leafpress::cli
