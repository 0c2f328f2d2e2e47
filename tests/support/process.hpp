#pragma once

#include <functional>
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

/// A command left running in the background, its output going to files; stopped with
/// SIGTERM (then waited for) when the object goes.
class BackgroundProcess {
 public:
  BackgroundProcess(const std::vector<std::string>& argv, const std::string& working_dir, const std::string& out_file,
                    const std::string& err_file);
  ~BackgroundProcess();
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;

  /// Sends `signal` and waits; the exit code as run_process reports it.
  int stop(int signal = 15);

 private:
  int pid_ = -1;
};

/// Polls `done` every 20 ms until it is true or `seconds` pass; true if it became true.
bool wait_until(const std::function<bool()>& done, double seconds);

/// True when `program` is found on PATH.
bool have_program(const std::string& program);

}  // namespace leafpress::testing
