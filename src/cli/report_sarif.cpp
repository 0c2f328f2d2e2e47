#include <cstdio>
#include <filesystem>
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/report.hpp"
#include "core/printable.hpp"
#include "core/source_span.hpp"

namespace leafpress::cli {
namespace {

using nlohmann::ordered_json;

/// `path` as a relative URI reference (RFC 3986 §4.2): bytes other than unreserved
/// characters and '/' percent-encoded, so spaces, '#', non-ASCII and invalid UTF-8 survive.
std::string uri_reference(const std::string& path) {
  std::string out;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                            (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (unreserved) {
      out += c;
    } else {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", byte);
      out += escaped;
    }
  }
  return out;
}

/// The folder relative paths are resolved against (SARIF 2.1.0 §3.14.14), as a file URI
/// ending in '/'.
std::string working_folder_uri() {
  std::error_code ec;
  std::string folder = std::filesystem::current_path(ec).generic_string();
  if (ec) return "file:///";
  if (folder.empty() || folder.back() != '/') folder += '/';
  return "file://" + uri_reference(folder);
}

/// A region (§3.30) in code point columns; start and end from the diagnostic's place.
ordered_json region(const core::SourceLoc& loc, SourceLines& lines) {
  ordered_json region = {{"startLine", loc.line}};
  if (loc.column < 1) return region;
  const auto line = lines.line(loc.file, loc.line);
  const std::string_view text = line.value_or(std::string_view());
  region["startColumn"] = core::code_point_column(text, loc.column);
  if (loc.end_line >= loc.line && loc.end_column > 0) {
    const auto end_text = loc.end_line == loc.line ? line : lines.line(loc.file, loc.end_line);
    region["endLine"] = loc.end_line;
    region["endColumn"] = core::code_point_column(end_text.value_or(std::string_view()), loc.end_column);
  }
  return region;
}

ordered_json rule_json(const core::DiagnosticRule& rule) {
  return {
      {"id", rule.id},
      {"name", rule.name},
      {"shortDescription", {{"text", rule.summary}}},
  };
}

ordered_json result_json(const core::Diagnostic& d, std::size_t rule_index, SourceLines& lines) {
  std::string message = core::printable(d.message);
  ordered_json result = {
      {"ruleId", d.rule},
      {"ruleIndex", rule_index},
      {"level", core::severity_name(d.severity)},  // SARIF 2.1.0 §3.27.10: error, warning, note
      {"message", {{"text", message}}},
  };
  if (!d.loc.file.empty()) {
    ordered_json physical = {
        {"artifactLocation", {{"uri", uri_reference(d.loc.file)}, {"uriBaseId", "SRCROOT"}}}};
    if (d.loc.line > 0) physical["region"] = region(d.loc, lines);
    result["locations"] = ordered_json::array({{{"physicalLocation", physical}}});
  }
  ordered_json properties = ordered_json::object();
  if (!d.hint.empty()) properties["hint"] = core::printable(d.hint);
  if (!d.languages.empty()) {
    ordered_json languages = ordered_json::array();
    for (const std::string& language : d.languages) languages.push_back(core::printable(language));
    properties["languages"] = languages;
  }
  if (!d.formats.empty()) {
    ordered_json formats = ordered_json::array();
    for (const std::string& format : d.formats) formats.push_back(core::printable(format));
    properties["formats"] = formats;
  }
  if (!properties.empty()) result["properties"] = properties;
  return result;
}

}  // namespace

void print_sarif_report(const RunReport& report, SourceLines& lines, std::ostream& out) {
  const auto rules = core::diagnostic_rules();
  ordered_json rules_json = ordered_json::array();
  for (const core::DiagnosticRule& rule : rules) rules_json.push_back(rule_json(rule));
  ordered_json results = ordered_json::array();
  for (const core::Diagnostic& d : report.diagnostics) {
    std::size_t index = 0;
    while (index < rules.size() && rules[index].id != d.rule) ++index;
    results.push_back(result_json(d, index < rules.size() ? index : 0, lines));
  }
  const ordered_json driver = {
      {"name", "leafpress"},
      {"version", LEAFPRESS_VERSION},
      {"rules", rules_json},
  };
  const ordered_json run = {
      {"tool", {{"driver", driver}}},
      {"originalUriBaseIds", {{"SRCROOT", {{"uri", working_folder_uri()}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"invocations", ordered_json::array({{{"executionSuccessful", true}}})},
      {"results", results},
  };
  const ordered_json log = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", ordered_json::array({run})},
  };
  out << log.dump(2) << '\n';
}

}  // namespace leafpress::cli
