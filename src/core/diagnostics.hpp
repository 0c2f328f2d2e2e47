#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <tuple>
#include <string_view>
#include <vector>

#include "core/diagnostic_rules.hpp"
#include "core/source_loc.hpp"

namespace leafpress::core {

/// A note says what the build did on its own (a brochure set smaller to make an even page
/// count): printed in every report, never counted as a warning, never failing --strict.
enum class Severity : std::uint8_t { warning, error, note };

/// "error", "warning" or "note", as reports print it.
const char* severity_name(Severity severity);

/// One problem found in the input, with the place that caused it.
struct Diagnostic {
  Severity severity = Severity::error;
  SourceLoc loc;
  std::string message;
  std::string hint{};
  std::string rule{};  // a DiagnosticRule's id; Diagnostics::add fills it in from the message
  std::vector<std::string> languages{};  // the languages being built when it was found; empty: any
  std::vector<std::string> formats{};    // the formats (variants) it was found in; empty: any
};

/// Collects every problem of a run, so a user sees them all at once.
class Diagnostics {
 public:
  /// With `warnings_are_errors` (--strict), every warning is recorded as an error.
  explicit Diagnostics(bool warnings_are_errors = false) : warnings_are_errors_(warnings_are_errors) {}

  void error(SourceLoc loc, std::string message, std::string hint = {});
  void warning(SourceLoc loc, std::string message, std::string hint = {});
  void note(SourceLoc loc, std::string message, std::string hint = {});
  void add(Diagnostic diagnostic);

  bool has_errors() const { return error_count_ > 0; }
  std::size_t error_count() const { return error_count_; }
  std::size_t warning_count() const { return items_.size() - error_count_ - note_count_; }
  std::size_t note_count() const { return note_count_; }
  const std::vector<Diagnostic>& items() const { return items_; }
  /// Whether warnings are recorded as errors (--strict).
  bool warnings_are_errors() const { return warnings_are_errors_; }

 private:
  std::vector<Diagnostic> items_;
  /// (file, line, column, message) of each item: the same problem found twice, as when a
  /// text is set once to measure it, is reported once.
  std::set<std::tuple<std::string, int, int, std::string>> reported_;
  std::size_t error_count_ = 0;
  std::size_t note_count_ = 0;
  bool warnings_are_errors_ = false;
};

/// The diagnostics in reading order: files in the order they were first reported, and by
/// line and column within a file, so a user can fix them top to bottom.
std::vector<Diagnostic> in_reading_order(const Diagnostics& diags);

/// Compiler style: "file:line:col: error: message", then "  hint: ..." when there is one;
/// control characters and invalid UTF-8 in any part are shown escaped (core::printable).
std::string format(const Diagnostic& diagnostic);

/// The diagnostics of a leaflet's documents (one per language and format) merged: a problem
/// found in several documents (a picture's resolution, found in every language and format;
/// a missing translation, in every format of its language) appears once, at the place it
/// was first found, listing the languages and formats it was found in. Each input
/// diagnostic's `languages` and `formats` hold the one document it came from.
std::vector<Diagnostic> merge_documents(const std::vector<Diagnostic>& diagnostics);

}  // namespace leafpress::core
