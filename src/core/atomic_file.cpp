#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  // The temporary name starts with '.', so globs over the output folder never pick it up.
  std::string name = ".";
  name += path.filename().string();
  name += ".XXXXXX";
  std::string temp = (path.parent_path() / name).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) fail(path, "create temporary file", errno);
  try {
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

}  // namespace leafpress::core
