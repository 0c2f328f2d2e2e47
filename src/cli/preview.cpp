#include "cli/preview.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>

extern char** environ;

namespace leafpress::cli {
namespace fs = std::filesystem;
namespace {

std::optional<fs::path> on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const fs::path candidate = fs::path(dir.empty() ? "." : dir) / program;
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

/// Runs `argv` with standard output and error discarded; its exit status, or -1.
int run_quietly(std::vector<std::string> argv) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<char*> args;
  for (std::string& arg : argv) args.push_back(arg.data());
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return -1;
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

fs::path page_file(const fs::path& pdf, std::size_t page) {
  return pdf.parent_path() / (pdf.stem().string() + "-" + std::to_string(page) + ".png");
}

}  // namespace

std::optional<PreviewRenderer> find_preview_renderer() {
  for (const char* name : {"pdftoppm", "mutool"}) {
    if (auto program = on_path(name)) return PreviewRenderer{name, *program};
  }
  return std::nullopt;
}

PreviewResult render_previews(const PreviewRenderer& renderer, const fs::path& pdf, std::size_t pages, int width) {
  PreviewResult result;
  const std::string w = std::to_string(width);
  for (std::size_t page = 1; page <= pages; ++page) {
    const fs::path png = page_file(pdf, page);
    const std::string number = std::to_string(page);
    // pdftoppm appends ".png" to the name it is given; mutool takes the whole name.
    const std::vector<std::string> argv =
        renderer.name == "pdftoppm"
            ? std::vector<std::string>{renderer.program.string(), "-png", "-singlefile", "-f", number, "-l", number,
                                       "-scale-to-x", w, "-scale-to-y", "-1", pdf.string(),
                                       (png.parent_path() / png.stem()).string()}
            : std::vector<std::string>{renderer.program.string(), "draw", "-q", "-w", w, "-o", png.string(),
                                       pdf.string(), number};
    if (run_quietly(argv) != 0 || !fs::exists(png)) {
      result.error = renderer.name + " could not render page " + number + " of " + pdf.string();
      return result;
    }
    result.files.push_back(png);
  }
  return result;
}

}  // namespace leafpress::cli
