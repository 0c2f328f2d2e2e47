#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace leafpress::cli {

enum ExitCode : int { kOk = 0, kInputErrors = 1, kUsageError = 2, kInternalError = 3 };

/// Runs one leafpress command: results on `out`, diagnostics (and, with `terminal`, a
/// progress line) on `err`.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool terminal = false);

}  // namespace leafpress::cli
