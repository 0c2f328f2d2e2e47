#pragma once

#include <chrono>
#include <filesystem>
#include <set>
#include <vector>

namespace leafpress::cli {

/// Watches folders (not their subfolders) for files written, created, moved or deleted,
/// through Linux inotify. Editors save in bursts (a temporary file, a rename), so changes
/// are handed out in batches once the folders have been quiet for a moment. A folder that
/// is deleted or moved away is watched again as soon as it is back (as when a checkout or
/// a sync tool recreates it), and every file in it then counts as changed.
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
  struct Watch {
    int descriptor = -1;  // -1 while the folder is gone
    std::filesystem::path folder;
  };

  void read_events(std::set<std::filesystem::path>& changed);
  /// Watches again each folder that is back, adding its files to `changed`.
  void watch_returned_folders(std::set<std::filesystem::path>& changed);
  bool any_gone() const;

  int fd_ = -1;
  std::vector<Watch> watches_;
};

}  // namespace leafpress::cli
