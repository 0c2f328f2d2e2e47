#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "load/yaml_node.hpp"

namespace leafpress::load {

/// The bytes of a cache entry holding `tree`, the tree parsed from `source` (whose digest the
/// entry carries, so that an entry is only ever read for the bytes it was made from).
std::string yaml_tree_entry(const YamlTree& tree, std::string_view source);

/// The tree an entry holds, when the entry is whole (its payload's digest matches), was made
/// from `source`, and holds a tree the loaders can walk: every count and index within the
/// entry, every node but the root inside exactly one map or list that comes before it, no map
/// or list nested deeper than `max_nesting` (as parse_yaml_text's check counts), text in
/// UTF-8. Anything else, damaged or planted, is nullopt.
std::optional<YamlTree> read_yaml_tree_entry(std::string_view entry, std::string_view source, int max_nesting);

/// Where `folder` keeps the tree parsed from `source`.
std::filesystem::path yaml_tree_entry_path(const std::filesystem::path& folder, std::string_view source);

/// Where the cache folder (core::cache_folder) keeps the tree of one file's bytes: the entry's
/// path and the fingerprint of the bytes it must carry.
struct YamlTreeSlot {
  std::filesystem::path path;
  std::string source_digest;
  std::size_t source_size = 0;
};

/// The slot of `source`, or nullopt when there is no cache folder (LEAFPRESS_CACHE_DIR=off).
std::optional<YamlTreeSlot> yaml_tree_slot(std::string_view source);

/// The tree an earlier parse_yaml_text kept in `slot`; nullopt when there is none, or
/// read_yaml_tree_entry would refuse it.
std::optional<YamlTree> find_cached_yaml_tree(const YamlTreeSlot& slot, int max_nesting);

/// Keeps `tree`, parsed with no problem from the bytes of `slot`, when its text is UTF-8 (an
/// entry that would be refused is not written). A cache that cannot be written only costs time.
void keep_yaml_tree(const YamlTreeSlot& slot, const YamlTree& tree);

}  // namespace leafpress::load
