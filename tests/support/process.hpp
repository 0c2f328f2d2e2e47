#pragma once

#include <string>
#include <vector>

namespace leafpress::testing {

/// What a finished command printed and how it ended.
struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs `argv` (no shell) in `working_dir` with optional environment entries ("NAME=value",
/// replacing any inherited NAME), captures stdout and stderr, and waits for it.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& working_dir = ".",
                          const std::vector<std::string>& extra_env = {});

/// True when `program` is found on PATH.
bool have_program(const std::string& program);

}  // namespace leafpress::testing
