#include "core/file_identity.hpp"

#include <sys/stat.h>

#include <chrono>

namespace leafpress::core {
namespace {

// A file changed within this time could change again within the same timestamp (the
// "racy timestamp" rule of git's index).
constexpr auto kSettledFor = std::chrono::seconds(2);

}  // namespace

std::optional<std::string> settled_identity(const std::filesystem::path& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0 || status.st_ctim.tv_sec <= 0) return std::nullopt;
  const auto changed = std::chrono::seconds(status.st_ctim.tv_sec) + std::chrono::nanoseconds(status.st_ctim.tv_nsec);
  if (changed + kSettledFor > std::chrono::system_clock::now().time_since_epoch()) return std::nullopt;
  std::string identity = path.native();
  for (const auto number : {static_cast<long long>(status.st_dev), static_cast<long long>(status.st_ino),
                            static_cast<long long>(status.st_size), static_cast<long long>(status.st_mtim.tv_sec),
                            static_cast<long long>(status.st_mtim.tv_nsec), static_cast<long long>(status.st_ctim.tv_sec),
                            static_cast<long long>(status.st_ctim.tv_nsec)}) {
    identity += '\n' + std::to_string(number);
  }
  return identity;
}

}  // namespace leafpress::core
