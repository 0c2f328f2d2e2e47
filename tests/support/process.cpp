#include "support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <thread>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace leafpress::testing {
namespace {

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void read_both(int out_fd, int err_fd, std::string& out, std::string& err) {
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  int open_count = 2;
  char buffer[65536];
  while (open_count > 0) {
    if (::poll(fds, 2, -1) < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        (i == 0 ? out : err).append(buffer, static_cast<std::size_t>(n));
      } else {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_count;
      }
    }
  }
}

}  // namespace

RunningProcess start_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
  int out_pipe[2];
  int err_pipe[2];
  if (::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");

  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) env_strings.emplace_back(*e);
  for (const std::string& extra : options.extra_env) {
    // An extra "NAME=value" replaces the inherited NAME, whose first entry would win.
    const std::string name = extra.substr(0, extra.find('=') + 1);
    std::erase_if(env_strings, [&](const std::string& entry) { return entry.rfind(name, 0) == 0; });
    env_strings.push_back(extra);
  }
  std::vector<char*> env;
  for (std::string& entry : env_strings) env.push_back(entry.data());
  env.push_back(nullptr);
  std::vector<std::string> args = argv;
  std::vector<char*> arg_pointers;
  for (std::string& arg : args) arg_pointers.push_back(arg.data());
  arg_pointers.push_back(nullptr);

  RunningProcess process;
  process.started = now_seconds();
  process.pid = ::fork();
  if (process.pid < 0) throw std::runtime_error("fork failed");
  if (process.pid == 0) {
    ::dup2(out_pipe[1], STDOUT_FILENO);
    ::dup2(err_pipe[1], STDERR_FILENO);
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    if (options.max_file_size) {
      const rlimit file_size{*options.max_file_size, *options.max_file_size};
      const rlimit no_core{0, 0};
      if (::setrlimit(RLIMIT_FSIZE, &file_size) != 0 || ::setrlimit(RLIMIT_CORE, &no_core) != 0) ::_exit(126);
    }
    if (::chdir(options.working_dir.c_str()) != 0) ::_exit(126);
    ::execvpe(arg_pointers[0], arg_pointers.data(), env.data());
    ::_exit(127);
  }
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  process.out_fd = out_pipe[0];
  process.err_fd = err_pipe[0];
  return process;
}

bool is_running(const RunningProcess& process) {
  siginfo_t info{};
  // WNOWAIT leaves the child to be reaped by finish_process.
  if (::waitid(P_PID, static_cast<id_t>(process.pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0) return false;
  return info.si_pid == 0;
}

void send_signal(const RunningProcess& process, int signal) { ::kill(process.pid, signal); }

ProcessResult finish_process(RunningProcess& process) {
  ProcessResult result;
  read_both(process.out_fd, process.err_fd, result.out, result.err);
  int status = 0;
  ::waitpid(process.pid, &status, 0);
  result.seconds = now_seconds() - process.started;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  process.pid = -1;
  return result;
}

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& working_dir,
                          const std::vector<std::string>& extra_env) {
  RunningProcess process = start_process(argv, {working_dir, extra_env, std::nullopt});
  return finish_process(process);
}

BackgroundProcess::BackgroundProcess(const std::vector<std::string>& argv, const std::string& working_dir,
                                     const std::string& out_file, const std::string& err_file) {
  std::vector<std::string> args = argv;
  std::vector<char*> arg_pointers;
  for (std::string& arg : args) arg_pointers.push_back(arg.data());
  arg_pointers.push_back(nullptr);
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    const int out = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0 || err < 0 || ::chdir(working_dir.c_str()) != 0) ::_exit(126);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    ::execvp(arg_pointers[0], arg_pointers.data());
    ::_exit(127);
  }
}

BackgroundProcess::~BackgroundProcess() { stop(); }

int BackgroundProcess::stop(int signal) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, signal);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

bool wait_until(const std::function<bool()>& done, double seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

bool have_program(const std::string& program) {
  return run_process({"sh", "-c", "command -v " + program}).exit_code == 0;
}

std::string without_notes(const std::string& err) {
  std::string kept;
  bool in_note = false;
  std::size_t start = 0;
  while (start < err.size()) {
    std::size_t end = err.find('\n', start);
    end = end == std::string::npos ? err.size() : end + 1;
    const std::string line = err.substr(start, end - start);
    if (line.rfind("  ", 0) != 0) in_note = line.find(": note: ") != std::string::npos;
    if (!in_note) kept += line;
    start = end;
  }
  return kept;
}

}  // namespace leafpress::testing
