#include "core/confine.hpp"

namespace leafpress::core {
namespace fs = std::filesystem;

std::optional<fs::path> outside_target(const fs::path& path, const fs::path& folder) {
  std::error_code ec;
  const fs::path real_folder = fs::canonical(folder, ec);
  if (ec) return std::nullopt;
  const fs::path target = fs::canonical(path, ec);
  if (ec) return std::nullopt;
  // "a/b" relative to "a" is "b"; anything outside starts with "..".
  const fs::path relative = target.lexically_relative(real_folder);
  if (!relative.empty() && *relative.begin() != "..") return std::nullopt;
  return target;
}

}  // namespace leafpress::core
