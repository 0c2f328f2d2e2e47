#include "cli/folder_watcher.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <array>
#include <cstring>

namespace leafpress::cli {

FolderWatcher::FolderWatcher(const std::vector<std::filesystem::path>& folders) : fd_(inotify_init1(IN_CLOEXEC)) {
  if (fd_ < 0) return;
  for (const auto& folder : folders) {
    const int watch = inotify_add_watch(fd_, folder.c_str(),
                                        IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE);
    if (watch >= 0) watches_.emplace_back(watch, folder);
  }
}

FolderWatcher::~FolderWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

void FolderWatcher::read_events(std::set<std::filesystem::path>& changed) {
  alignas(inotify_event) std::array<char, 16384> buffer;
  const ssize_t length = ::read(fd_, buffer.data(), buffer.size());
  for (ssize_t at = 0; at + static_cast<ssize_t>(sizeof(inotify_event)) <= length;) {
    inotify_event event;
    std::memcpy(&event, buffer.data() + at, sizeof event);
    const char* name = buffer.data() + at + sizeof(inotify_event);
    for (const auto& [watch, folder] : watches_) {
      if (watch == event.wd && event.len > 0) changed.insert(folder / name);
    }
    at += static_cast<ssize_t>(sizeof(inotify_event) + event.len);
  }
}

std::set<std::filesystem::path> FolderWatcher::wait_for_changes(std::chrono::milliseconds quiet) {
  std::set<std::filesystem::path> changed;
  if (fd_ < 0) return changed;
  pollfd pfd{fd_, POLLIN, 0};
  int timeout = -1;  // wait for the first change as long as it takes
  while (::poll(&pfd, 1, timeout) > 0) {
    read_events(changed);
    timeout = static_cast<int>(quiet.count());
  }
  return changed;
}

}  // namespace leafpress::cli
