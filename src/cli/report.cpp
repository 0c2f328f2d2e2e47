#include "cli/report.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace leafpress::cli {
namespace {

std::size_t count(const RunReport& report, core::Severity severity) {
  return static_cast<std::size_t>(std::count_if(report.diagnostics.begin(), report.diagnostics.end(),
                                                [&](const core::Diagnostic& d) { return d.severity == severity; }));
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + ' ' + (n == 1 ? one : many);
}

std::string size_text(std::size_t bytes) { return std::to_string((bytes + 512) / 1024) + " KB"; }

}  // namespace

void print_text_report(const RunReport& report, Command command, std::ostream& out, std::ostream& err) {
  for (const core::Diagnostic& diagnostic : report.diagnostics) err << core::format(diagnostic) << '\n';
  if (command != Command::build) return;
  std::size_t width = 4;
  for (const auto& document : report.documents) {
    width = std::max({width, document.built.file.size(), document.built.print_file.size()});
  }
  char line[512];
  std::snprintf(line, sizeof line, "%-*s %5s %7s %6s %5s %5s %8s\n", static_cast<int>(width), "file", "pages", "size",
                "lines", "hyph", "loose", "warnings");
  out << line;
  std::size_t written = 0;
  for (const auto& document : report.documents) {
    const BuiltDocument& b = document.built;
    if (b.file.empty()) continue;
    ++written;
    std::snprintf(line, sizeof line, "%-*s %5zu %7s %6zu %5zu %5zu %8zu\n", static_cast<int>(width), b.file.c_str(),
                  b.pages, size_text(b.bytes).c_str(), b.lines.lines, b.lines.hyphenated, b.lines.loose, b.warnings);
    out << line;
    if (b.print_file.empty()) continue;
    // The press file sets the same lines as the PDF above it: only its size is its own.
    ++written;
    std::snprintf(line, sizeof line, "%-*s %5zu %7s %6s %5s %5s %8s\n", static_cast<int>(width), b.print_file.c_str(),
                  b.pages, size_text(b.print_bytes).c_str(), "\"", "\"", "\"", "\"");
    out << line;
  }
  std::size_t previews = 0;
  for (const auto& document : report.documents) previews += document.built.previews;
  if (!report.previews_by.empty()) {
    out << plural(previews, "PNG preview", "PNG previews") << " rendered by " << report.previews_by << '\n';
  }
  out << plural(written, "PDF", "PDFs") << " written, " << plural(count(report, core::Severity::error), "error", "errors")
      << ", " << plural(count(report, core::Severity::warning), "warning", "warnings") << '\n';
}

void print_json_report(const RunReport& report, std::ostream& out) {
  out << "{\n  \"diagnostics\": [";
  for (std::size_t i = 0; i < report.diagnostics.size(); ++i) {
    out << (i ? ",\n    " : "\n    ") << core::to_json(report.diagnostics[i]);
  }
  out << (report.diagnostics.empty() ? "],\n" : "\n  ],\n") << "  \"documents\": [";
  for (std::size_t i = 0; i < report.documents.size(); ++i) {
    const DocumentResult& d = report.documents[i];
    const BuiltDocument& b = d.built;
    out << (i ? ",\n    " : "\n    ") << "{\"leaflet\": " << core::json_string(d.leaflet)
        << ", \"language\": " << core::json_string(d.language)
        << ", \"format\": " << core::json_string(d.variant) << ", \"ok\": " << (b.ok ? "true" : "false")
        << ", \"file\": " << (b.file.empty() ? "null" : core::json_string(b.file)) << ", \"pages\": " << b.pages
        << ", \"bytes\": " << b.bytes
        << ", \"print_file\": " << (b.print_file.empty() ? "null" : core::json_string(b.print_file))
        << ", \"print_bytes\": " << b.print_bytes << ", \"lines\": " << b.lines.lines << ", \"hyphenated\": " << b.lines.hyphenated
        << ", \"loose\": " << b.lines.loose << ", \"warnings\": " << b.warnings << ", \"previews\": " << b.previews
        << "}";
  }
  out << (report.documents.empty() ? "],\n" : "\n  ],\n") << "  \"errors\": " << count(report, core::Severity::error)
      << ",\n  \"warnings\": " << count(report, core::Severity::warning) << "\n}\n";
}

}  // namespace leafpress::cli
