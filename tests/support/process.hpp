#pragma once

#include <sys/types.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace leafpress::testing {

/// What a finished command printed, how it ended and how long it ran.
struct ProcessResult {
  int exit_code = -1;  // 128 + the signal's number when a signal ended it, as a shell says
  std::string out;
  std::string err;
  double seconds = 0;
};

/// How to start a command beyond its arguments.
struct ProcessOptions {
  std::string working_dir = ".";
  std::vector<std::string> extra_env{};  // "NAME=value" entries, each replacing an inherited NAME
  /// RLIMIT_FSIZE: a write past this many bytes in any file kills the command with
  /// SIGXFSZ, in the middle of that write, as a crash would (no core file is written).
  std::optional<std::size_t> max_file_size{};
};

/// A command started by start_process; finish_process must be called on it once.
struct RunningProcess {
  pid_t pid = -1;
  int out_fd = -1;
  int err_fd = -1;
  double started = 0;  // seconds on the steady clock
};

/// Starts `argv` (no shell) and returns at once, its stdout and stderr going to pipes.
RunningProcess start_process(const std::vector<std::string>& argv, const ProcessOptions& options);

/// True while the command has not ended (it is not reaped: finish_process still works).
bool is_running(const RunningProcess& process);

/// Sends `signal` to the command.
void send_signal(const RunningProcess& process, int signal);

/// Reads what the command prints until it closes both pipes, then waits for it.
ProcessResult finish_process(RunningProcess& process);

/// Runs `argv` (no shell) in `working_dir` with optional environment entries ("NAME=value",
/// replacing any inherited NAME), captures stdout and stderr, and waits for it.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& working_dir = ".",
                          const std::vector<std::string>& extra_env = {});

/// `err` without the notes leafpress prints (what a build did on its own, such as setting a
/// brochure smaller to make an even page count) and their hint lines: the warnings and errors.
std::string without_notes(const std::string& err);

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
