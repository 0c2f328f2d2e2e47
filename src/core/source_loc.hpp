#pragma once

#include <string>

namespace leafpress::core {

/// A place in an input file; line and column are 1-based, 0 means "unknown".
struct SourceLoc {
  std::string file;
  int line = 0;
  int column = 0;
};

/// "file:line:col", "file:line" or "file", whichever parts are known.
std::string to_string(const SourceLoc& loc);

}  // namespace leafpress::core
