#include "cli/folder_watcher.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

namespace leafpress::cli {
namespace {

constexpr std::uint32_t kEvents =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF;

// How often a folder that went away is looked for again.
constexpr int kReturnPollMs = 200;

}  // namespace

FolderWatcher::FolderWatcher(const std::vector<std::filesystem::path>& folders) : fd_(inotify_init1(IN_CLOEXEC)) {
  if (fd_ < 0) return;
  for (const auto& folder : folders) watches_.push_back({inotify_add_watch(fd_, folder.c_str(), kEvents), folder});
}

FolderWatcher::~FolderWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

bool FolderWatcher::any_gone() const {
  return std::any_of(watches_.begin(), watches_.end(), [](const Watch& w) { return w.descriptor < 0; });
}

void FolderWatcher::read_events(std::set<std::filesystem::path>& changed) {
  alignas(inotify_event) std::array<char, 16384> buffer;
  const ssize_t length = ::read(fd_, buffer.data(), buffer.size());
  for (ssize_t at = 0; at + static_cast<ssize_t>(sizeof(inotify_event)) <= length;) {
    inotify_event event;
    std::memcpy(&event, buffer.data() + at, sizeof event);
    const char* name = buffer.data() + at + sizeof(inotify_event);
    for (Watch& watch : watches_) {
      if (watch.descriptor != event.wd) continue;
      if (event.len > 0) changed.insert(watch.folder / name);
      // The folder itself went: its watch ends (a moved folder's would follow it elsewhere).
      if (event.mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
        if (!(event.mask & IN_IGNORED)) inotify_rm_watch(fd_, watch.descriptor);
        watch.descriptor = -1;
      }
    }
    at += static_cast<ssize_t>(sizeof(inotify_event) + event.len);
  }
}

void FolderWatcher::watch_returned_folders(std::set<std::filesystem::path>& changed) {
  for (Watch& watch : watches_) {
    if (watch.descriptor >= 0) continue;
    std::error_code ec;
    if (!std::filesystem::is_directory(watch.folder, ec)) continue;
    watch.descriptor = inotify_add_watch(fd_, watch.folder.c_str(), kEvents);
    if (watch.descriptor < 0) continue;
    for (const auto& entry : std::filesystem::directory_iterator(watch.folder, ec)) changed.insert(entry.path());
  }
}

std::set<std::filesystem::path> FolderWatcher::wait_for_changes(std::chrono::milliseconds quiet) {
  std::set<std::filesystem::path> changed;
  if (fd_ < 0) return changed;
  pollfd pfd{fd_, POLLIN, 0};
  for (;;) {
    watch_returned_folders(changed);
    // Until the first change, wait as long as it takes (looking for folders that went away).
    const int timeout = !changed.empty() ? static_cast<int>(quiet.count()) : any_gone() ? kReturnPollMs : -1;
    const int ready = ::poll(&pfd, 1, timeout);
    if (ready > 0) {
      read_events(changed);
    } else if (ready < 0 && errno != EINTR) {
      return changed;
    } else if (ready == 0 && !changed.empty()) {
      return changed;
    }
  }
}

}  // namespace leafpress::cli
