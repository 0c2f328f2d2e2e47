#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <yaml-cpp/yaml.h>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"

namespace leafpress::load {

/// A parsed YAML file: the root node and the file name used in diagnostics.
struct YamlFile {
  std::string name;
  YAML::Node root;
};

/// Reads and parses one YAML file; reports unreadable files, files over
/// `limits.max_file_bytes`, invalid UTF-8, NUL bytes, what prescan_yaml refuses and
/// malformed YAML at their place and returns nullopt. yaml-cpp exceptions never leave this
/// function.
std::optional<YamlFile> parse_yaml_file(const std::filesystem::path& path, const std::string& display_name,
                                        core::Diagnostics& diags, const core::Limits& limits = {});

/// Parses YAML held in memory with the same checks as parse_yaml_file, `limits.max_file_bytes`
/// included, as if `bytes` were the file's.
std::optional<YamlFile> parse_yaml_text(const std::string& bytes, const std::string& display_name,
                                        core::Diagnostics& diags, const core::Limits& limits = {});

/// The place of a node, 1-based (yaml-cpp marks are 0-based).
core::SourceLoc loc_of(const YAML::Node& node, const std::string& file);

/// "a map", "a list", "a string" or "nothing": for "expected X, got Y" messages.
std::string describe(const YAML::Node& node);

}  // namespace leafpress::load
