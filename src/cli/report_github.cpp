#include <ostream>

#include "cli/report.hpp"
#include "core/printable.hpp"
#include "core/source_span.hpp"

namespace leafpress::cli {
namespace {

// GitHub's workflow commands (docs.github.com, "Workflow commands for GitHub Actions";
// @actions/core's command.ts): a message escapes '%', CR and LF; a property value also ':'
// and ','. The text is made printable first, so no other control character reaches the log.
std::string escape_data(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view text) {
  std::string out;
  for (const char c : escape_data(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string command_for(const core::Diagnostic& d, SourceLines& lines) {
  std::string properties;
  auto property = [&](const char* name, const std::string& value) {
    properties += (properties.empty() ? " " : ",") + std::string(name) + '=' + escape_property(value);
  };
  const core::SourceLoc& loc = d.loc;
  if (!loc.file.empty()) property("file", core::printable(loc.file));
  if (loc.line > 0) {
    property("line", std::to_string(loc.line));
    const auto text = lines.line(loc.file, loc.line).value_or(std::string_view());
    if (loc.column > 0) property("col", std::to_string(core::code_point_column(text, loc.column)));
    if (loc.end_line > 0) property("endLine", std::to_string(loc.end_line));
    if (loc.end_line == loc.line && loc.end_column > 0) {
      // GitHub's end column is inclusive; ours is just past the value.
      property("endColumn", std::to_string(core::code_point_column(text, loc.end_column) - 1));
    }
  }
  const core::DiagnosticRule* rule = core::find_rule(d.rule);
  property("title", d.rule + ' ' + std::string(rule ? rule->name : "other"));
  std::string message = core::printable(d.message);
  if (!d.languages.empty() || !d.formats.empty()) {
    std::string where;
    for (const std::string& language : d.languages) where += (where.empty() ? "" : " ") + core::printable(language);
    for (const std::string& format : d.formats) where += (where.empty() ? "" : " ") + core::printable(format);
    message += " (" + where + ")";
  }
  if (!d.hint.empty()) message += "\nhint: " + core::printable(d.hint);
  // GitHub's workflow commands name a note "notice".
  const char* level = d.severity == core::Severity::note ? "notice" : core::severity_name(d.severity);
  return "::" + std::string(level) + properties + "::" + escape_data(message);
}

}  // namespace

void print_github_report(const RunReport& report, Command command, SourceLines& lines, std::ostream& out) {
  for (const core::Diagnostic& d : report.diagnostics) out << command_for(d, lines) << '\n';
  if (command == Command::build) print_build_table(report, out);
}

}  // namespace leafpress::cli
