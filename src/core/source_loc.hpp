#pragma once

#include <string>

namespace leafpress::core {

/// A place in an input file; line and column are 1-based and count bytes, 0 means "unknown".
/// The end, when known, is the line and column just past the value the place points at
/// (exclusive, as in SARIF's regions).
struct SourceLoc {
  std::string file;
  int line = 0;
  int column = 0;
  int end_line = 0;
  int end_column = 0;
};

/// "file:line:col", "file:line" or "file", whichever parts are known.
std::string to_string(const SourceLoc& loc);

}  // namespace leafpress::core
