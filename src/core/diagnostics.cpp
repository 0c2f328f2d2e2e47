#include "core/diagnostics.hpp"

#include <utility>

namespace leafpress::core {

void Diagnostics::error(SourceLoc loc, std::string message, std::string hint) {
  add({Severity::error, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourceLoc loc, std::string message, std::string hint) {
  add({Severity::warning, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::error) ++error_count_;
  items_.push_back(std::move(diagnostic));
}

std::string format(const Diagnostic& diagnostic) {
  std::string out = to_string(diagnostic.loc);
  if (!out.empty()) out += ": ";
  out += diagnostic.severity == Severity::error ? "error: " : "warning: ";
  out += diagnostic.message;
  if (!diagnostic.hint.empty()) out += "\n  hint: " + diagnostic.hint;
  return out;
}

}  // namespace leafpress::core
