#include "cli/leaflet_folders.hpp"

#include <algorithm>
#include <filesystem>

namespace leafpress::cli {

std::vector<std::string> default_leaflets() {
  namespace fs = std::filesystem;
  std::vector<std::string> folders;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("leaflets", ec)) {
    if (entry.is_directory() && fs::is_regular_file(entry.path() / "leaflet.yaml")) {
      folders.push_back(entry.path().string());
    }
  }
  std::sort(folders.begin(), folders.end());
  return folders;
}

}  // namespace leafpress::cli
