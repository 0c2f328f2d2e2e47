#include "cli/report.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>

#include "core/printable.hpp"

namespace leafpress::cli {
namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + ' ' + (n == 1 ? one : many);
}

std::string size_text(std::size_t bytes) { return std::to_string((bytes + 512) / 1024) + " KB"; }

}  // namespace

std::size_t count(const RunReport& report, core::Severity severity) {
  return static_cast<std::size_t>(std::count_if(report.diagnostics.begin(), report.diagnostics.end(),
                                                [&](const core::Diagnostic& d) { return d.severity == severity; }));
}

void print_build_table(const RunReport& report, std::ostream& out) {
  std::size_t width = 4;
  std::vector<std::pair<std::string, std::string>> names;  // the PDF's and the press file's, printable
  for (const auto& document : report.documents) {
    names.emplace_back(core::printable(document.built.file), core::printable(document.built.print_file));
    width = std::max({width, names.back().first.size(), names.back().second.size()});
  }
  char line[512];
  std::snprintf(line, sizeof line, "%-*s %5s %7s %6s %5s %5s %8s\n", static_cast<int>(width), "file", "pages", "size",
                "lines", "hyph", "loose", "warnings");
  out << line;
  std::size_t written = 0;
  for (std::size_t i = 0; i < report.documents.size(); ++i) {
    const BuiltDocument& b = report.documents[i].built;
    if (b.file.empty()) continue;
    ++written;
    std::snprintf(line, sizeof line, "%-*s %5zu %7s %6zu %5zu %5zu %8zu\n", static_cast<int>(width),
                  names[i].first.c_str(), b.pages, size_text(b.bytes).c_str(), b.lines.lines, b.lines.hyphenated,
                  b.lines.loose, b.warnings);
    out << line;
    if (b.print_file.empty()) continue;
    // The press file sets the same lines as the PDF above it: only its size is its own.
    ++written;
    std::snprintf(line, sizeof line, "%-*s %5zu %7s %6s %5s %5s %8s\n", static_cast<int>(width),
                  names[i].second.c_str(), b.pages, size_text(b.print_bytes).c_str(), "\"", "\"", "\"", "\"");
    out << line;
  }
  std::size_t previews = 0;
  for (const auto& document : report.documents) previews += document.built.previews;
  if (!report.previews_by.empty()) {
    out << plural(previews, "PNG preview", "PNG previews") << " rendered by " << report.previews_by << '\n';
  }
  out << plural(written, "PDF", "PDFs") << " written, " << plural(count(report, core::Severity::error), "error", "errors")
      << ", " << plural(count(report, core::Severity::warning), "warning", "warnings");
  if (const std::size_t notes = count(report, core::Severity::note); notes > 0) out << ", " << plural(notes, "note", "notes");
  out << '\n';
}

void print_text_report(const RunReport& report, Command command, std::ostream& out, std::ostream& err) {
  for (const core::Diagnostic& diagnostic : report.diagnostics) err << core::format(diagnostic) << '\n';
  if (command == Command::build) print_build_table(report, out);
}

void print_report(RunReport report, const Options& options, Command command, std::ostream& out, std::ostream& err) {
  SourceLines lines(options.limits.max_file_bytes);
  fill_end_positions(report.diagnostics, lines);
  switch (options.report) {
    case ReportFormat::text: print_text_report(report, command, out, err); return;
    case ReportFormat::json: print_json_report(report, out); return;
    case ReportFormat::sarif: print_sarif_report(report, lines, out); return;
    case ReportFormat::github: print_github_report(report, command, lines, out); return;
  }
}

}  // namespace leafpress::cli
