#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace leafpress::cli {

/// 0 ok; 1 a leaflet has errors; 2 usage error; 3 internal error (a bug in leafpress);
/// 4 an output could not be written (the output folder, a full disk): not the input's fault.
enum ExitCode : int { kOk = 0, kInputErrors = 1, kUsageError = 2, kInternalError = 3, kOutputError = 4 };

/// Runs one leafpress command: results on `out`, diagnostics (and, with `terminal`, a
/// progress line) on `err`.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool terminal = false);

}  // namespace leafpress::cli
