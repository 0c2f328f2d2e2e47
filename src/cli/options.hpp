#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/limits.hpp"

namespace leafpress::cli {

enum class Command : std::uint8_t { build, check, dump, help, version };

/// What the command line asked for.
struct Options {
  Command command = Command::help;
  std::vector<std::string> leaflets;   // leaflet folders; empty means every one under leaflets/
  std::vector<std::string> languages;  // empty means every language a leaflet defines
  std::string out_dir = "output";
  std::string fonts_dir;  // empty: the project's fonts/ (see project_font_folder)
  core::Limits limits;    // --max-*, --allow-outside
};

/// Parses argv; nullopt with `error` set on a usage error.
std::optional<Options> parse_options(const std::vector<std::string>& args, std::string& error);

/// The --help text.
std::string usage_text();

}  // namespace leafpress::cli
