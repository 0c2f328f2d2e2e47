#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/report.hpp"
#include "core/printable.hpp"

namespace leafpress::cli {
namespace {

using nlohmann::ordered_json;

// 2: rule, rule_name, end_line, end_column, languages, formats and tool added; a diagnostic
// found in several documents appears once.
constexpr int kSchemaVersion = 2;

/// A JSON string, or null for an empty one; printable, so that no control character or
/// invalid UTF-8 reaches a log that shows it.
ordered_json text_or_null(const std::string& text) {
  return text.empty() ? ordered_json(nullptr) : ordered_json(core::printable(text));
}

ordered_json place_number(int n) { return n > 0 ? ordered_json(n) : ordered_json(nullptr); }

ordered_json diagnostic_json(const core::Diagnostic& d) {
  ordered_json formats = ordered_json::array();
  for (const std::string& format : d.formats) formats.push_back(core::printable(format));
  ordered_json languages = ordered_json::array();
  for (const std::string& language : d.languages) languages.push_back(core::printable(language));
  const core::DiagnosticRule* rule = core::find_rule(d.rule);
  return {
      {"rule", d.rule},
      {"rule_name", rule ? rule->name : "other"},
      {"severity", core::severity_name(d.severity)},
      {"file", text_or_null(d.loc.file)},
      {"line", place_number(d.loc.line)},
      {"column", place_number(d.loc.column)},
      {"end_line", place_number(d.loc.end_line)},
      {"end_column", place_number(d.loc.end_column)},
      {"languages", languages},
      {"formats", formats},
      {"message", core::printable(d.message)},
      {"hint", text_or_null(d.hint)},
  };
}

ordered_json document_json(const DocumentResult& d) {
  const BuiltDocument& b = d.built;
  return {
      {"leaflet", core::printable(d.leaflet)},
      {"language", core::printable(d.language)},
      {"format", d.variant},
      {"ok", b.ok},
      {"file", text_or_null(b.file)},
      {"pages", b.pages},
      {"bytes", b.bytes},
      {"print_file", text_or_null(b.print_file)},
      {"print_bytes", b.print_bytes},
      {"lines", b.lines.lines},
      {"hyphenated", b.lines.hyphenated},
      {"loose", b.lines.loose},
      {"warnings", b.warnings},
      {"previews", b.previews},
  };
}

}  // namespace

void print_json_report(const RunReport& report, std::ostream& out) {
  ordered_json diagnostics = ordered_json::array();
  for (const core::Diagnostic& d : report.diagnostics) diagnostics.push_back(diagnostic_json(d));
  ordered_json documents = ordered_json::array();
  for (const DocumentResult& d : report.documents) documents.push_back(document_json(d));
  const ordered_json root = {
      {"schema_version", kSchemaVersion},
      {"tool", {{"name", "leafpress"}, {"version", LEAFPRESS_VERSION}}},
      {"diagnostics", diagnostics},
      {"documents", documents},
      {"errors", count(report, core::Severity::error)},
      {"warnings", count(report, core::Severity::warning)},
      {"notes", count(report, core::Severity::note)},
  };
  out << root.dump(2) << '\n';
}

}  // namespace leafpress::cli
