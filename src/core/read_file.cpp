#include "core/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace leafpress::core {

std::optional<std::string> try_read_file(const std::filesystem::path& path, std::size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return std::nullopt;
  struct stat status {};
  if (::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  // Read straight into a string of the file's size (one more byte tells a file over
  // `max_bytes`, or one that grew since fstat): no buffer copied and grown chunk by chunk.
  const std::size_t wanted = max_bytes == SIZE_MAX ? max_bytes : max_bytes + 1;
  const auto expected = static_cast<std::size_t>(std::max<off_t>(status.st_size, 0));
  std::string bytes;
  bytes.resize(std::min(wanted, expected + 1));
  std::size_t filled = 0;
  while (filled < wanted) {
    if (filled == bytes.size()) bytes.resize(std::min(wanted, std::max<std::size_t>(bytes.size() * 2, 4096)));
    const ssize_t got = ::read(fd, bytes.data() + filled, bytes.size() - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
  }
  ::close(fd);
  bytes.resize(filled);
  return bytes;
}

}  // namespace leafpress::core
