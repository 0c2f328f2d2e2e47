#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace leafpress::cli {

/// The data installed with the running program (its font configuration and examples):
/// <prefix>/share/leafpress when the binary is <prefix>/bin/leafpress, found from the
/// binary's own path so that an installed or unpacked copy works from any folder and under
/// any prefix; else the data folder of the prefix it was built for, so a copy of the binary
/// finds an installed copy's data; nullopt when there is none.
std::optional<std::filesystem::path> installed_data_folder();

/// The font folder to use when --fonts names none: fonts/ in the working folder; else the
/// one beside the leaflets/ folder holding `leaflet` (<project>/leaflets/<name> ->
/// <project>/fonts); else the installed one (installed_data_folder()/fonts); else "fonts".
std::filesystem::path default_font_folder(const std::string& leaflet);

}  // namespace leafpress::cli
