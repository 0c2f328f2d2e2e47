#pragma once

#include <chrono>
#include <filesystem>
#include <set>
#include <vector>

namespace leafpress::cli {

/// Watches folders (not their subfolders) for files written, created, moved or deleted,
/// through Linux inotify. Editors save in bursts (a temporary file, a rename), so changes
/// are handed out in batches once the folders have been quiet for a moment.
class FolderWatcher {
 public:
  explicit FolderWatcher(const std::vector<std::filesystem::path>& folders);
  ~FolderWatcher();
  FolderWatcher(const FolderWatcher&) = delete;
  FolderWatcher& operator=(const FolderWatcher&) = delete;

  /// False when inotify could not be set up (then wait_for_changes returns nothing).
  bool ok() const { return fd_ >= 0; }

  /// Blocks until something changes, then until `quiet` passes with no further change;
  /// returns the paths that changed.
  std::set<std::filesystem::path> wait_for_changes(std::chrono::milliseconds quiet);

 private:
  void read_events(std::set<std::filesystem::path>& changed);

  int fd_ = -1;
  std::vector<std::pair<int, std::filesystem::path>> watches_;
};

}  // namespace leafpress::cli
