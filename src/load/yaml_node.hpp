#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace leafpress::load {

/// What a YAML node is. yaml-cpp's "undefined" never reaches a tree: a parsed file has none.
enum class YamlKind : std::uint32_t { kNull = 0, kScalar = 1, kSequence = 2, kMap = 3 };

/// One node of a YamlTree as it is stored (and kept in the cache folder): its kind, its place
/// (1-based line and column as diagnostics give them, 0 and 0 when yaml-cpp gave none) and
/// its contents: for a scalar `count` bytes of the tree's text from `first`; for a sequence
/// `count` node indices of the tree's children from `first`; for a map `count` entries, each
/// a key's index then its value's, from `first`.
struct YamlNodeRecord {
  YamlKind kind = YamlKind::kNull;
  std::int32_t line = 0;
  std::int32_t column = 0;
  std::uint32_t first = 0;
  std::uint32_t count = 0;

  bool operator==(const YamlNodeRecord&) const = default;
};

/// A parsed YAML document, immutable: its nodes in document order (the root first, every
/// node before those inside it), the node indices that sequences and maps hold, and the
/// bytes of every scalar. Built once from yaml-cpp's result (yaml_file.cpp) or read back from
/// the cache folder (yaml_tree_cache.cpp); whoever builds one keeps those rules.
class YamlTree {
 public:
  YamlTree(std::vector<YamlNodeRecord> nodes, std::vector<std::uint32_t> children, std::string text)
      : nodes_(std::move(nodes)), children_(std::move(children)), text_(std::move(text)) {}

  const std::vector<YamlNodeRecord>& nodes() const { return nodes_; }
  const std::vector<std::uint32_t>& children() const { return children_; }
  const std::string& text() const { return text_; }

  bool operator==(const YamlTree&) const = default;

 private:
  std::vector<YamlNodeRecord> nodes_;
  std::vector<std::uint32_t> children_;
  std::string text_;
};

class YamlNode;
struct YamlEntry;
template <class Value>
class YamlRange;

/// A node of a YamlTree, or a null node of no tree: a small handle, cheap to copy, valid
/// while its tree lives (a YamlFile owns the tree of its nodes).
class YamlNode {
 public:
  /// A null node with no place.
  YamlNode() = default;
  YamlNode(const YamlTree* tree, std::uint32_t index) : tree_(tree), index_(index) {}

  YamlKind kind() const { return tree_ ? record().kind : YamlKind::kNull; }
  bool is_null() const { return kind() == YamlKind::kNull; }
  bool is_scalar() const { return kind() == YamlKind::kScalar; }
  bool is_sequence() const { return kind() == YamlKind::kSequence; }
  bool is_map() const { return kind() == YamlKind::kMap; }

  /// A scalar's text; empty for any other node.
  std::string_view scalar() const {
    if (!is_scalar()) return {};
    const YamlNodeRecord& r = record();
    return std::string_view(tree_->text()).substr(r.first, r.count);
  }

  /// 1-based line and column of the node, 0 when unknown.
  int line() const { return tree_ ? record().line : 0; }
  int column() const { return tree_ ? record().column : 0; }

  /// The items of a sequence or the entries of a map; 0 for any other node.
  std::size_t size() const { return is_sequence() || is_map() ? record().count : 0; }

  /// Item `i` of a sequence (i < size()).
  YamlNode item(std::size_t i) const { return child(record().first + i); }
  /// Entry `i` of a map (i < size()), in document order; duplicate keys are all kept.
  YamlEntry entry(std::size_t i) const;

  /// The value of the first entry whose key is the scalar `key`, or nothing.
  bool find(std::string_view key, YamlNode& value) const;

  /// A sequence's items; nothing for any other node.
  YamlRange<YamlNode> items() const;
  /// A map's entries in document order; nothing for any other node.
  YamlRange<YamlEntry> entries() const;

 private:
  const YamlNodeRecord& record() const { return tree_->nodes()[index_]; }
  YamlNode child(std::size_t slot) const { return {tree_, tree_->children()[slot]}; }

  const YamlTree* tree_ = nullptr;
  std::uint32_t index_ = 0;
};

/// One key and its value in a map.
struct YamlEntry {
  YamlNode key;
  YamlNode value;
};

inline YamlEntry YamlNode::entry(std::size_t i) const {
  const std::size_t slot = record().first + 2 * i;
  return {child(slot), child(slot + 1)};
}

inline bool YamlNode::find(std::string_view key, YamlNode& value) const {
  const std::size_t count = is_map() ? record().count : 0;
  for (std::size_t i = 0; i < count; ++i) {
    const YamlEntry e = entry(i);
    if (e.key.is_scalar() && e.key.scalar() == key) {
      value = e.value;
      return true;
    }
  }
  return false;
}

/// The items of a sequence or the entries of a map, for range-for.
template <class Value>
class YamlRange {
 public:
  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Value;
    using difference_type = std::ptrdiff_t;
    Iterator(YamlNode node, std::size_t i) : node_(node), i_(i) {}
    Value operator*() const {
      if constexpr (std::is_same_v<Value, YamlEntry>) {
        return node_.entry(i_);
      } else {
        return node_.item(i_);
      }
    }
    Iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator==(const Iterator& other) const { return i_ == other.i_; }

   private:
    YamlNode node_;
    std::size_t i_;
  };
  explicit YamlRange(YamlNode node) : node_(node) {}
  Iterator begin() const { return {node_, 0}; }
  Iterator end() const {
    const bool holds = std::is_same_v<Value, YamlEntry> ? node_.is_map() : node_.is_sequence();
    return {node_, holds ? node_.size() : 0};
  }

 private:
  YamlNode node_;
};

inline YamlRange<YamlNode> YamlNode::items() const { return YamlRange<YamlNode>(*this); }
inline YamlRange<YamlEntry> YamlNode::entries() const { return YamlRange<YamlEntry>(*this); }

}  // namespace leafpress::load
