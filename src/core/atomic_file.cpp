#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace leafpress::core {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const char* step, int error) {
  throw std::runtime_error("cannot write '" + path.string() + "': " + step + ": " + std::strerror(error));
}

void write_all(int fd, std::string_view bytes, const std::filesystem::path& path) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
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

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  // The temporary name starts with '.', so globs over the output folder never pick it up.
  std::string temp = (path.parent_path() / (temporary_prefix(path) + "XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) fail(path, "create temporary file", errno);
  try {
    // Held until close: remove_stale_temporaries in another run leaves a locked file alone.
    if (::flock(fd, LOCK_EX) != 0) fail(path, "lock temporary file", errno);
    write_all(fd, bytes, path);
    if (::fchmod(fd, 0644) != 0) fail(path, "chmod", errno);
    if (::fsync(fd) != 0) fail(path, "fsync", errno);
    if (::close(fd) != 0) {
      ::unlink(temp.c_str());
      fail(path, "close", errno);
    }
  } catch (...) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    fail(path, "rename", error);
  }
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
