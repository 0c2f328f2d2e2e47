#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace leafpress::cli {

enum ExitCode : int { kOk = 0, kInputErrors = 1, kUsageError = 2, kInternalError = 3 };

/// Runs one leafpress command; diagnostics go to `err`, progress to `out`.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace leafpress::cli
