#include "core/diagnostics.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "core/printable.hpp"

namespace leafpress::core {

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

void Diagnostics::error(SourceLoc loc, std::string message, std::string hint) {
  add({Severity::error, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourceLoc loc, std::string message, std::string hint) {
  add({warnings_are_errors_ ? Severity::error : Severity::warning, std::move(loc), std::move(message),
       std::move(hint)});
}

void Diagnostics::note(SourceLoc loc, std::string message, std::string hint) {
  add({Severity::note, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::add(Diagnostic diagnostic) {
  if (diagnostic.rule.empty()) diagnostic.rule = rule_for(diagnostic.message).id;
  const auto& loc = diagnostic.loc;
  if (!reported_.emplace(loc.file, loc.line, loc.column, diagnostic.message).second) return;
  if (diagnostic.severity == Severity::error) ++error_count_;
  if (diagnostic.severity == Severity::note) ++note_count_;
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
  std::string out = printable(to_string(diagnostic.loc));
  if (!out.empty()) out += ": ";
  out += std::string(severity_name(diagnostic.severity)) + ": ";
  out += printable(diagnostic.message);
  if (!diagnostic.hint.empty()) out += "\n  hint: " + printable(diagnostic.hint);
  return out;
}

std::vector<Diagnostic> merge_documents(const std::vector<Diagnostic>& diagnostics) {
  auto add_new = [](std::vector<std::string>& into, const std::vector<std::string>& from) {
    for (const std::string& item : from) {
      if (std::find(into.begin(), into.end(), item) == into.end()) into.push_back(item);
    }
  };
  std::vector<Diagnostic> merged;
  std::map<std::tuple<std::string, int, int, std::string, Severity>, std::size_t> index;
  for (const Diagnostic& d : diagnostics) {
    const auto key = std::make_tuple(d.loc.file, d.loc.line, d.loc.column, d.message, d.severity);
    const auto [it, fresh] = index.emplace(key, merged.size());
    if (fresh) {
      merged.push_back(d);
      continue;
    }
    add_new(merged[it->second].languages, d.languages);
    add_new(merged[it->second].formats, d.formats);
  }
  return merged;
}

}  // namespace leafpress::core
