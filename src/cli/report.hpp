#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/build_leaflet.hpp"
#include "cli/options.hpp"
#include "cli/source_lines.hpp"
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

/// The summary table of a build alone, as print_text_report ends.
void print_build_table(const RunReport& report, std::ostream& out);

/// The number of diagnostics of `severity` in the report.
std::size_t count(const RunReport& report, core::Severity severity);

/// For CI: one JSON document on `out` with the diagnostics (rule, place with its end,
/// language, formats), the documents and the counts; "schema_version" says its shape.
void print_json_report(const RunReport& report, std::ostream& out);

/// For code scanning: one SARIF 2.1.0 log on `out` with a result per diagnostic and the
/// rules they belong to; columns in Unicode code points, read from `lines`.
void print_sarif_report(const RunReport& report, SourceLines& lines, std::ostream& out);

/// For GitHub Actions: one workflow command per diagnostic on `out`
/// ("::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message"), escaped as
/// GitHub's toolkit escapes them, then the text summary of a build.
void print_github_report(const RunReport& report, Command command, SourceLines& lines, std::ostream& out);

/// The report in the format the options ask for, each diagnostic's place given its end
/// (fill_end_positions) first.
void print_report(RunReport report, const Options& options, Command command, std::ostream& out, std::ostream& err);

}  // namespace leafpress::cli
