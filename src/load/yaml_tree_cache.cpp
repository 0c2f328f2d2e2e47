#include "load/yaml_tree_cache.hpp"

#include <cstdint>
#include <cstring>
#include <span>
#include <type_traits>
#include <vector>

#include "core/atomic_file.hpp"
#include "core/byte_reader.hpp"
#include "core/cache_folder.hpp"
#include "core/hash.hpp"
#include "core/read_file.hpp"
#include "core/utf8.hpp"

namespace leafpress::load {
namespace {

// The entry's first bytes; a change to the layout, to YamlNodeRecord or to how a tree is
// built from yaml-cpp's result changes it.
constexpr std::string_view kMagic = "leafpress yaml tree 1\n";

static_assert(sizeof(YamlNodeRecord) == 20 && std::is_trivially_copyable_v<YamlNodeRecord>);

/// `count` records read from `in` into a vector (an entry's bytes need not be aligned).
template <class Record>
bool take_records(core::ByteReader& in, std::uint32_t count, std::vector<Record>& out) {
  std::string_view piece;
  if (count > in.left() / sizeof(Record) || !in.bytes(count * sizeof(Record), piece)) return false;
  out.resize(count);
  if (count != 0) std::memcpy(out.data(), piece.data(), piece.size());
  return true;
}

/// Whether the parts make a tree the loaders can walk (see read_yaml_tree_entry).
bool is_walkable(const std::vector<YamlNodeRecord>& nodes, const std::vector<std::uint32_t>& children,
                 std::string_view text, int max_nesting) {
  if (nodes.empty()) return false;
  std::vector<std::int32_t> depth(nodes.size(), -1);  // -1: not yet inside a collection
  depth[0] = 0;
  std::uint64_t claimed = 0;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const YamlNodeRecord& node = nodes[i];
    if (depth[i] < 0 || node.line < 0 || node.column < 0) return false;  // outside every map and list
    switch (node.kind) {
      case YamlKind::kNull:
        if (node.first != 0 || node.count != 0) return false;
        break;
      case YamlKind::kScalar:
        if (std::uint64_t{node.first} + node.count > text.size()) return false;
        break;
      case YamlKind::kSequence:
      case YamlKind::kMap: {
        if (depth[i] + 1 > max_nesting) return false;
        const std::uint64_t slots = node.kind == YamlKind::kMap ? 2 * std::uint64_t{node.count} : node.count;
        if (node.first != claimed || claimed + slots > children.size()) return false;  // slots in order, none shared
        for (std::uint64_t s = node.first; s < node.first + slots; ++s) {
          const std::uint32_t child = children[s];
          if (child <= i || child >= nodes.size() || depth[child] >= 0) return false;
          depth[child] = depth[i] + 1;
        }
        claimed += slots;
        break;
      }
      default:
        return false;
    }
  }
  return claimed == children.size() && !core::find_invalid_utf8(text);
}

/// The fingerprint (core::content_digest) of `source` as this format keys it: the entry
/// carries it after its magic, and its own fingerprint names the entry.
std::string source_digest(std::string_view source) {
  std::string key(kMagic);
  key += source;
  return core::content_digest(key);
}

/// The entry holding `tree`, for bytes whose source_digest is `digest_of_source`.
std::string entry_with(const YamlTree& tree, std::string_view digest_of_source) {
  std::string payload;
  core::append_integer(payload, static_cast<std::uint32_t>(tree.nodes().size()));
  core::append_integer(payload, static_cast<std::uint32_t>(tree.children().size()));
  core::append_integer(payload, static_cast<std::uint32_t>(tree.text().size()));
  core::append_records(payload, std::span(tree.nodes()));
  core::append_records(payload, std::span(tree.children()));
  payload += tree.text();
  std::string out(kMagic);
  out += digest_of_source;
  core::append_integer(out, static_cast<std::uint64_t>(payload.size()));
  out += core::content_digest(payload);
  out += payload;
  return out;
}

/// read_yaml_tree_entry, given source_digest(source).
std::optional<YamlTree> read_entry(std::string_view entry, std::string_view digest_of_source, int max_nesting) {
  core::ByteReader in(entry);
  std::uint64_t payload_size = 0;
  std::string_view digest;
  std::string_view payload;
  if (!in.literal(kMagic) || !in.literal(digest_of_source) || !in.integer(payload_size) || !in.bytes(16, digest) ||
      payload_size != in.left() || !in.bytes(payload_size, payload) || digest != core::content_digest(payload)) {
    return std::nullopt;
  }
  core::ByteReader parts(payload);
  std::uint32_t node_count = 0;
  std::uint32_t child_count = 0;
  std::uint32_t text_size = 0;
  std::vector<YamlNodeRecord> nodes;
  std::vector<std::uint32_t> children;
  std::string_view text;
  if (!parts.integer(node_count) || !parts.integer(child_count) || !parts.integer(text_size) ||
      !take_records(parts, node_count, nodes) || !take_records(parts, child_count, children) ||
      !parts.bytes(text_size, text) || !parts.at_end() || !is_walkable(nodes, children, text, max_nesting)) {
    return std::nullopt;
  }
  return YamlTree(std::move(nodes), std::move(children), std::string(text));
}

std::filesystem::path entry_path(const std::filesystem::path& folder, std::string_view digest_of_source) {
  return folder / ("yaml-" + core::content_hash(digest_of_source) + ".bin");
}

}  // namespace

std::string yaml_tree_entry(const YamlTree& tree, std::string_view source) {
  return entry_with(tree, source_digest(source));
}

std::optional<YamlTree> read_yaml_tree_entry(std::string_view entry, std::string_view source, int max_nesting) {
  return read_entry(entry, source_digest(source), max_nesting);
}

std::filesystem::path yaml_tree_entry_path(const std::filesystem::path& folder, std::string_view source) {
  return entry_path(folder, source_digest(source));
}

std::optional<YamlTreeSlot> yaml_tree_slot(std::string_view source) {
  const auto folder = core::cache_folder();
  if (!folder) return std::nullopt;
  std::string digest = source_digest(source);
  return YamlTreeSlot{entry_path(*folder, digest), std::move(digest), source.size()};
}

std::optional<YamlTree> find_cached_yaml_tree(const YamlTreeSlot& slot, int max_nesting) {
  // A node takes 28 bytes (its record and its slot) and parse_yaml_text allows a few nodes a
  // byte of the file: an entry much bigger than that is refused unread.
  const std::size_t max_bytes = 256 * (slot.source_size + 64);
  const auto entry = core::try_read_file(slot.path, max_bytes);
  if (!entry || entry->size() > max_bytes) return std::nullopt;
  return read_entry(*entry, slot.source_digest, max_nesting);
}

void keep_yaml_tree(const YamlTreeSlot& slot, const YamlTree& tree) {
  if (core::find_invalid_utf8(tree.text())) return;
  core::store_cache_entry(slot.path, entry_with(tree, slot.source_digest));
}

}  // namespace leafpress::load
