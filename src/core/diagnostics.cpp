#include "core/diagnostics.hpp"

#include <cstdio>

#include <algorithm>
#include <tuple>
#include <utility>

namespace leafpress::core {

void Diagnostics::error(SourceLoc loc, std::string message, std::string hint) {
  add({Severity::error, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourceLoc loc, std::string message, std::string hint) {
  add({warnings_are_errors_ ? Severity::error : Severity::warning, std::move(loc), std::move(message),
       std::move(hint)});
}

void Diagnostics::add(Diagnostic diagnostic) {
  const auto& loc = diagnostic.loc;
  if (!reported_.emplace(loc.file, loc.line, loc.column, diagnostic.message).second) return;
  if (diagnostic.severity == Severity::error) ++error_count_;
  items_.push_back(std::move(diagnostic));
}

std::vector<Diagnostic> in_reading_order(const Diagnostics& diags) {
  std::vector<std::string> files;
  auto file_rank = [&files](const std::string& file) {
    const auto it = std::find(files.begin(), files.end(), file);
    return static_cast<std::size_t>(it - files.begin());
  };
  for (const Diagnostic& d : diags.items()) {
    if (std::find(files.begin(), files.end(), d.loc.file) == files.end()) files.push_back(d.loc.file);
  }
  std::vector<Diagnostic> sorted = diags.items();
  std::stable_sort(sorted.begin(), sorted.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    return std::make_tuple(file_rank(a.loc.file), a.loc.line, a.loc.column) <
           std::make_tuple(file_rank(b.loc.file), b.loc.line, b.loc.column);
  });
  return sorted;
}

std::string format(const Diagnostic& diagnostic) {
  std::string out = to_string(diagnostic.loc);
  if (!out.empty()) out += ": ";
  out += diagnostic.severity == Severity::error ? "error: " : "warning: ";
  out += diagnostic.message;
  if (!diagnostic.hint.empty()) out += "\n  hint: " + diagnostic.hint;
  return out;
}

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
      out += escaped;
    } else {
      out += c;  // UTF-8 passes through: the input was checked for valid UTF-8 on reading
    }
  }
  return out + '"';
}

std::string to_json(const Diagnostic& d) {
  return "{\"file\": " + json_string(d.loc.file) + ", \"line\": " + std::to_string(d.loc.line) +
         ", \"column\": " + std::to_string(d.loc.column) + ", \"severity\": \"" +
         (d.severity == Severity::error ? "error" : "warning") + "\", \"message\": " + json_string(d.message) +
         ", \"hint\": " + json_string(d.hint) + "}";
}

}  // namespace leafpress::core
