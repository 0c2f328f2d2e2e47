#include "cli/data_folder.hpp"

#include <optional>

namespace leafpress::cli {
namespace fs = std::filesystem;
namespace {

constexpr const char* kConfigFile = "fallback.yaml";

bool has_config(const fs::path& folder) {
  std::error_code ec;
  return fs::is_regular_file(folder / kConfigFile, ec);
}

/// The nearest fonts/ folder of a project holding `leaflet_folder`: in the leaflet's folder
/// itself, or in a folder above it where it holds fallback.yaml or sits beside leaflets/.
std::optional<fs::path> project_fonts(const fs::path& leaflet_folder, std::vector<fs::path>& looked_in) {
  std::error_code ec;
  const fs::path start = fs::weakly_canonical(fs::absolute(leaflet_folder, ec), ec);
  for (fs::path folder = start;; folder = folder.parent_path()) {
    const fs::path fonts = folder / "fonts";
    looked_in.push_back(fonts);
    if (fs::is_directory(fonts, ec) &&
        (folder == start || has_config(fonts) || fs::is_directory(folder / "leaflets", ec))) {
      return fonts;
    }
    if (folder == folder.parent_path() || folder.empty()) return std::nullopt;
  }
}

/// The folders that may hold the data installed with the running program (its font
/// configuration and examples), in the order they are tried: <prefix>/share/leafpress when
/// the binary is <prefix>/bin/leafpress, found from the binary's own path so that an
/// installed or unpacked copy works from any folder and under any prefix; the sources it was
/// built from when the binary runs in its build folder; the data folder of the prefix it was
/// built for, so that a copy of the binary finds an installed copy's data.
std::vector<fs::path> data_folder_candidates() {
  std::vector<fs::path> candidates;
  std::error_code ec;
  // The kernel's record of the running binary, with links resolved (proc(5)).
  const fs::path binary = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    candidates.push_back((binary.parent_path() / LEAFPRESS_DATA_FROM_BIN).lexically_normal());
    // A binary run where it was built reads the data of its sources, as installed.
    if (fs::equivalent(binary.parent_path(), LEAFPRESS_BUILD_FOLDER, ec)) candidates.emplace_back(LEAFPRESS_SOURCE_FOLDER);
  }
  // A binary copied out of its prefix still finds the data installed where it was built for.
  candidates.emplace_back(LEAFPRESS_INSTALLED_DATA);
  return candidates;
}

}  // namespace

FontFolders font_folders_for(const std::string& fonts_dir, const std::string& leaflet) {
  FontFolders folders;
  if (!fonts_dir.empty()) {
    folders.fonts = fonts_dir;
    folders.looked_in.push_back(folders.fonts);
  } else if (auto found = project_fonts(leaflet, folders.looked_in)) {
    folders.fonts = *found;
  } else {
    std::error_code ec;
    folders.fonts = fs::absolute(leaflet, ec) / "fonts";
  }
  if (has_config(folders.fonts)) {
    folders.config = folders.fonts;
    return folders;
  }
  for (const fs::path& data : data_folder_candidates()) {
    const fs::path installed = data / "fonts";
    folders.looked_in.push_back(installed);
    if (has_config(installed)) {
      folders.config = installed;
      break;
    }
  }
  return folders;
}

}  // namespace leafpress::cli
