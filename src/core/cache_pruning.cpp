#include "core/cache_pruning.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <string_view>

namespace leafpress::core {
namespace {

using Clock = std::chrono::system_clock;

constexpr std::string_view kStamp = "pruned";

/// A fingerprint as entries are named by: core::content_hash's 32 hex digits, or
/// core::text_hash's 16.
bool is_fingerprint(std::string_view text) {
  return (text.size() == 32 || text.size() == 16) &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool is_kind(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
}

/// Whether `name` is an entry's: a kind of lower-case words joined by '-', '-', a
/// fingerprint, and ".bin" or ".txt".
bool is_entry(std::string_view name) {
  if (!name.ends_with(".bin") && !name.ends_with(".txt")) return false;
  name.remove_suffix(4);
  const std::size_t dash = name.rfind('-');
  return dash != std::string_view::npos && is_kind(name.substr(0, dash)) && is_fingerprint(name.substr(dash + 1));
}

/// Whether `name` is an entry's temporary file (core::store_cache_entry): '.', the entry's
/// name, '.' and mkstemp's six characters.
bool is_entry_temporary(std::string_view name) {
  if (!name.starts_with('.') || name.size() < 8 || name[name.size() - 7] != '.') return false;
  return is_entry(name.substr(1, name.size() - 8));
}

Clock::time_point time_of(const timespec& at) {
  return Clock::time_point(std::chrono::duration_cast<Clock::duration>(std::chrono::seconds(at.tv_sec) +
                                                                       std::chrono::nanoseconds(at.tv_nsec)));
}

/// Whether the folder was looked through within `every` of `now`; if not, stamps it now.
bool pruned_lately(int folder, const CachePruning& pruning, Clock::time_point now) {
  const std::string stamp(kStamp);
  struct stat seen {};
  if (::fstatat(folder, stamp.c_str(), &seen, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(seen.st_mode) &&
      now - time_of(seen.st_mtim) < pruning.every && time_of(seen.st_mtim) <= now) {
    return true;
  }
  const int fd = ::openat(folder, stamp.c_str(), O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) return true;  // a folder we cannot write to has nothing of ours to remove
  const auto since_epoch = now.time_since_epoch();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
  const timespec at{
      static_cast<time_t>(seconds.count()),
      static_cast<long>(std::chrono::duration_cast<std::chrono::nanoseconds>(since_epoch - seconds).count())};
  const timespec times[2] = {at, at};
  ::futimens(fd, times);
  ::close(fd);
  return false;
}

}  // namespace

std::size_t prune_cache_folder(const std::filesystem::path& folder, const CachePruning& pruning,
                               Clock::time_point now) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return 0;
  const std::unique_ptr<DIR, int (*)(DIR*)> dir(::fdopendir(fd), ::closedir);
  if (!dir) {
    ::close(fd);
    return 0;
  }
  if (pruned_lately(fd, pruning, now)) return 0;
  std::size_t removed = 0;
  while (const dirent* found = ::readdir(dir.get())) {
    const std::string_view name = found->d_name;
    if (!is_entry(name) && !is_entry_temporary(name)) continue;
    struct stat seen {};
    if (::fstatat(fd, found->d_name, &seen, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(seen.st_mode)) continue;
    const Clock::time_point used = std::max(time_of(seen.st_atim), time_of(seen.st_mtim));
    if (now - used < pruning.unused_for) continue;
    if (::unlinkat(fd, found->d_name, 0) == 0) ++removed;
  }
  return removed;
}

}  // namespace leafpress::core
