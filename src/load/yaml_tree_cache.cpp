#include "load/yaml_tree_cache.hpp"

#include <cstdint>
#include <cstring>
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

template <class Record>
void put_records(std::string& out, const std::vector<Record>& records) {
  const std::size_t at = out.size();
  out.resize(at + records.size() * sizeof(Record));
  if (!records.empty()) std::memcpy(out.data() + at, records.data(), records.size() * sizeof(Record));
}

template <class Integer>
void put_integer(std::string& out, Integer value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

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

/// The fingerprint of `source` as this format keys it, its 16 raw bytes: the entry's name
/// in hexadecimal, and its first bytes after the magic.
std::string source_digest(std::string_view source) {
  core::Fingerprint print;
  print.add(kMagic);
  print.add(source);
  const auto digest = print.digest();
  return std::string(digest.begin(), digest.end());
}

std::string hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (const char c : bytes) {
    out += kDigits[static_cast<unsigned char>(c) >> 4];
    out += kDigits[static_cast<unsigned char>(c) & 15];
  }
  return out;
}

}  // namespace

std::string yaml_tree_entry(const YamlTree& tree, std::string_view source) {
  std::string payload;
  put_integer(payload, static_cast<std::uint32_t>(tree.nodes().size()));
  put_integer(payload, static_cast<std::uint32_t>(tree.children().size()));
  put_integer(payload, static_cast<std::uint32_t>(tree.text().size()));
  put_records(payload, tree.nodes());
  put_records(payload, tree.children());
  payload += tree.text();
  std::string out(kMagic);
  out += source_digest(source);
  put_integer(out, static_cast<std::uint64_t>(payload.size()));
  out += core::content_digest(payload);
  out += payload;
  return out;
}

namespace {

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
  return folder / ("yaml-" + hex(digest_of_source) + ".bin");
}

}  // namespace

std::optional<YamlTree> read_yaml_tree_entry(std::string_view entry, std::string_view source, int max_nesting) {
  return read_entry(entry, source_digest(source), max_nesting);
}

std::filesystem::path yaml_tree_entry_path(const std::filesystem::path& folder, std::string_view source) {
  return entry_path(folder, source_digest(source));
}

std::optional<YamlTree> find_cached_yaml_tree(std::string_view source, int max_nesting) {
  const auto folder = core::cache_folder();
  if (!folder) return std::nullopt;
  // A tree takes at most 48 bytes a node and a few nodes a byte of its file (parse_yaml_text's budget).
  const std::size_t max_bytes = 256 * (source.size() + 64);
  const std::string digest = source_digest(source);
  const auto entry = core::try_read_file(entry_path(*folder, digest), max_bytes);
  if (!entry || entry->size() > max_bytes) return std::nullopt;
  return read_entry(*entry, digest, max_nesting);
}

void keep_yaml_tree(const YamlTree& tree, std::string_view source) {
  const auto folder = core::cache_folder();
  if (!folder || core::find_invalid_utf8(tree.text())) return;
  core::store_cache_entry(yaml_tree_entry_path(*folder, source), yaml_tree_entry(tree, source));
}

}  // namespace leafpress::load
