#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/build_leaflet.hpp"
#include "cli/options.hpp"
#include "core/diagnostics.hpp"

namespace leafpress::cli {

/// One document of a run and how it came out.
struct DocumentResult {
  std::string leaflet;
  std::string language;
  std::string variant;  // brochure, trifold, booklet, large-print
  BuiltDocument built;
};

/// Everything a run found and made, in a stable order (leaflets as given, languages as
/// listed), whatever order the parallel jobs finished in.
struct RunReport {
  std::vector<core::Diagnostic> diagnostics;
  std::vector<DocumentResult> documents;
  std::string previews_by;  // the program that rendered PNG previews, if any did
};

/// For people: diagnostics compiler-style on `err`; after a build, a table of the files
/// written (pages, size, lines, hyphenated and loose lines, warnings) on `out`.
void print_text_report(const RunReport& report, Command command, std::ostream& out, std::ostream& err);

/// For CI: one JSON document on `out` with the diagnostics, the documents and the counts.
void print_json_report(const RunReport& report, std::ostream& out);

}  // namespace leafpress::cli
