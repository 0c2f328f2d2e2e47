#include "core/cache_folder.hpp"

#include <cstdlib>
#include <string_view>

namespace leafpress::core {

std::optional<std::filesystem::path> cache_folder() {
  if (const char* folder = std::getenv("LEAFPRESS_CACHE_DIR")) {
    if (std::string_view(folder) == "off" || !*folder) return std::nullopt;
    return std::filesystem::path(folder);
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "leafpress";
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::filesystem::path(home) / ".cache" / "leafpress";
  }
  return std::nullopt;
}

}  // namespace leafpress::core
