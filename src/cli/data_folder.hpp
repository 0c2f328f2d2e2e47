#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace leafpress::cli {

/// Where a build takes its fonts and its font configuration from.
struct FontFolders {
  /// The project's font folder: brand fonts and hyphenation/ dictionaries (it may not exist).
  std::filesystem::path fonts;
  /// The folder whose fallback.yaml is read; empty when none was found.
  std::filesystem::path config;
  /// Every folder looked in for fallback.yaml, in order, for the warning when none was found.
  std::vector<std::filesystem::path> looked_in;
};

/// The font folders for `leaflet` (its folder) when --fonts names `fonts_dir` (empty: none),
/// never taken from the working folder. The fonts: `fonts_dir`; else the nearest fonts/
/// folder in the leaflet's folder or above it that holds fallback.yaml or sits beside a
/// leaflets/ folder (a project: <project>/leaflets/<name> -> <project>/fonts). The
/// configuration: that folder's fallback.yaml; else the one installed with the program
/// (<prefix>/share/leafpress/fonts beside bin/leafpress; the sources' fonts/ for a binary run
/// in its build folder).
FontFolders font_folders_for(const std::string& fonts_dir, const std::string& leaflet);

}  // namespace leafpress::cli
