#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"
#include "load/yaml_node.hpp"

namespace leafpress::load {

/// A parsed YAML file: the file name used in diagnostics, its tree and the tree's root.
/// The root and every node reached from it stay valid while the tree does, wherever the
/// YamlFile is moved or copied to.
struct YamlFile {
  YamlFile(std::string file_name, std::shared_ptr<const YamlTree> file_tree)
      : name(std::move(file_name)), tree(std::move(file_tree)), root(tree.get(), 0) {}

  std::string name;
  std::shared_ptr<const YamlTree> tree;
  YamlNode root;
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

/// The place of a node, 1-based; 0 and 0 when yaml-cpp gave it none.
core::SourceLoc loc_of(const YamlNode& node, const std::string& file);

/// "a map", "a list", "a string" or "nothing": for "expected X, got Y" messages.
std::string describe(const YamlNode& node);

/// The whole number yaml-cpp reads in `text` (YAML::convert<int>), as the schema reads it.
std::optional<int> yaml_integer(std::string_view text);

/// The boolean yaml-cpp reads in `text` (YAML::convert<bool>: true/false, yes/no, on/off...).
std::optional<bool> yaml_boolean(std::string_view text);

}  // namespace leafpress::load
