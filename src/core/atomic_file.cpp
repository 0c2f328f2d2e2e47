#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <csignal>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <memory>
#include <string>

namespace leafpress::core {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const char* step, int error) {
  throw OutputError("cannot write '" + path.string() + "': " + step + ": " + std::strerror(error));
}

/// The most a single write() hands the kernel. Linux (6.x, ext4) keeps a file in the page
/// cache in folios as large as the writes that made it, and a process that maps the file
/// maps a whole folio where it reads: a cache entry written in one 6 MB write() made a run
/// that read 1.4 MB of its records 2.1 MiB larger at its peak than the same bytes written in
/// 64 KiB pieces (the 40-page stress document, 21.3 against 19.2 MiB; the 12-document
/// batch 28.5 against 24.6).
constexpr std::size_t kWritePiece = 64 << 10;

void write_all(int fd, std::string_view bytes, const std::filesystem::path& path) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), std::min(bytes.size(), kWritePiece));
    if (written < 0) {
      if (errno == EINTR) continue;
      fail(path, "write", errno);
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
}

/// ".immunotherapy.fr.pdf." for "output/immunotherapy.fr.pdf": what every temporary file
/// of that target starts with, before mkstemp's six characters.
std::string temporary_prefix(const std::filesystem::path& path) { return "." + path.filename().string() + "."; }

// The temporary files being written, for the signal handler to remove: the process's one
// piece of global state, as signals themselves are the process's. A slot holds a pointer to
// a name that stays alive while it is registered; the handler only reads and unlinks.
std::array<std::atomic<const char*>, 64> g_temporaries{};

void on_signal(int signal) {
  for (auto& slot : g_temporaries) {
    if (const char* name = slot.load()) ::unlink(name);  // async-signal-safe (signal-safety(7))
  }
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

/// A temporary file beside its target, registered for removal on SIGINT and SIGTERM while
/// it exists; removed when destroyed unless committed (renamed into place).
class Temporary {
 public:
  explicit Temporary(const std::filesystem::path& target)
      : target_(target), name_((target.parent_path() / (temporary_prefix(target) + "XXXXXX")).string()) {}
  Temporary(const Temporary&) = delete;
  Temporary& operator=(const Temporary&) = delete;
  ~Temporary() {
    if (!committed_ && created_) ::unlink(name_.c_str());
    forget_earlier();
    unregister();
  }

  /// Creates the file and writes `bytes` to it, flushed as `flush` says; throws OutputError.
  void write(std::string_view bytes, Flush flush) {
    // Registered before it exists: mkstemp fills in the name and then creates the file, so
    // a signal at any moment finds either no file or its name.
    for (auto& slot : g_temporaries) {
      const char* empty = nullptr;
      if (slot.compare_exchange_strong(empty, name_.c_str())) {
        slot_ = &slot;
        break;
      }
    }
    const int fd = ::mkstemp(name_.data());
    if (fd < 0) fail(target_, "create temporary file", errno);
    created_ = true;
    try {
      // Held until close: remove_stale_temporaries in another run leaves a locked file alone.
      if (::flock(fd, LOCK_EX) != 0) fail(target_, "lock temporary file", errno);
      write_all(fd, bytes, target_);
      if (::fchmod(fd, 0644) != 0) fail(target_, "chmod", errno);
      if (flush == Flush::to_disk && ::fsync(fd) != 0) fail(target_, "fsync", errno);
    } catch (...) {
      ::close(fd);
      throw;
    }
    if (::close(fd) != 0) fail(target_, "close", errno);
  }

  /// Keeps the file now at the target under a hidden name of its own (a hard link), so that
  /// undo_commit can put it back; nothing when there is none.
  void keep_earlier() {
    std::string earlier = (target_.parent_path() / (temporary_prefix(target_) + "XXXXXX")).string();
    const int fd = ::mkstemp(earlier.data());
    if (fd < 0) return;
    ::close(fd);
    ::unlink(earlier.c_str());
    if (::link(target_.c_str(), earlier.c_str()) == 0) earlier_ = earlier;
  }

  /// Renames the file into place; throws OutputError.
  void commit() {
    if (::rename(name_.c_str(), target_.c_str()) != 0) fail(target_, "rename", errno);
    committed_ = true;
    unregister();
  }

  /// Puts the earlier file back at the target (or removes the new one when there was none).
  void undo_commit() {
    if (!committed_) return;
    if (earlier_.empty()) {
      ::unlink(target_.c_str());
    } else if (::rename(earlier_.c_str(), target_.c_str()) == 0) {
      earlier_.clear();
    }
  }

  /// Removes the kept earlier file once the commit stands.
  void forget_earlier() {
    if (!earlier_.empty()) ::unlink(earlier_.c_str());
    earlier_.clear();
  }

 private:
  void unregister() {
    if (slot_) slot_->store(nullptr);
    slot_ = nullptr;
  }

  std::filesystem::path target_;
  std::string name_;
  std::string earlier_;  // a hard link to the file the commit replaced, until it stands
  std::atomic<const char*>* slot_ = nullptr;
  bool created_ = false;
  bool committed_ = false;
};

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  write_files_atomically({{path, bytes}});
}

void write_cache_entry(const std::filesystem::path& path, std::string_view bytes) {
  Temporary temporary(path);
  temporary.write(bytes, Flush::left_to_system);
  temporary.commit();
}

bool store_cache_entry(const std::filesystem::path& path, std::string_view bytes) {
  try {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) return false;
    write_cache_entry(path, bytes);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

void write_files_atomically(const std::vector<std::pair<std::filesystem::path, std::string_view>>& files, Flush flush) {
  // The temporary names start with '.', so globs over the output folder never pick them up.
  std::vector<std::unique_ptr<Temporary>> temporaries;
  for (const auto& [path, bytes] : files) {
    temporaries.push_back(std::make_unique<Temporary>(path));
    temporaries.back()->write(bytes, flush);
  }
  if (temporaries.size() == 1) {
    temporaries.front()->commit();
    return;
  }
  for (auto& temporary : temporaries) temporary->keep_earlier();
  for (std::size_t i = 0; i < temporaries.size(); ++i) {
    try {
      temporaries[i]->commit();
    } catch (...) {
      for (std::size_t j = 0; j < i; ++j) temporaries[j]->undo_commit();
      throw;
    }
  }
}

void remove_temporaries_on_signals() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

std::size_t remove_stale_temporaries(const std::filesystem::path& path, std::filesystem::file_time_type started) {
  namespace fs = std::filesystem;
  const std::string prefix = temporary_prefix(path);
  const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  std::size_t removed = 0;
  std::error_code ec;
  for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() != prefix.size() + 6 || name.compare(0, prefix.size(), prefix) != 0) continue;
    if (!std::all_of(name.begin() + static_cast<std::ptrdiff_t>(prefix.size()), name.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; })) {
      continue;
    }
    std::error_code time_ec;
    if (!it->is_regular_file(time_ec) || it->last_write_time(time_ec) >= started || time_ec) continue;
    const int fd = ::open(it->path().c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) continue;
    // A live writer holds the lock; a killed one released it when the kernel closed its files.
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::unlink(it->path().c_str()) == 0) ++removed;
    ::close(fd);
  }
  return removed;
}

}  // namespace leafpress::core
