#include "load/yaml_file.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <tuple>
#include <utility>
#include <vector>

#include "core/read_file.hpp"
#include "core/utf8.hpp"
#include "load/yaml_prescan.hpp"
#include "load/yaml_syntax_hints.hpp"
#include "load/yaml_tree_cache.hpp"

namespace leafpress::load {
namespace {

core::SourceLoc loc_of_offset(const std::string& bytes, std::size_t offset, const std::string& file) {
  const auto line_start = bytes.rfind('\n', offset == 0 ? 0 : offset - 1);
  const std::size_t column_start = (line_start == std::string::npos || offset == 0) ? 0 : line_start + 1;
  const auto line = 1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
  return {file, static_cast<int>(line), static_cast<int>(offset - column_start + 1)};
}

/// The place yaml-cpp gave `mark`, 1-based; 0 and 0 when it gave none.
std::pair<int, int> place_of(const YAML::Mark& mark) {
  if (mark.is_null()) return {0, 0};
  return {mark.line + 1, mark.column + 1};
}

/// Builds a YamlTree from the tree yaml-cpp built, checking it as the pre-scan checked the
/// bytes: yaml-cpp reads some YAML (a ":" line under a ":" line) as one level deeper per
/// line, which the pre-scan counts as one level in all, and its own guard stops only at
/// 2000. `budget` is the nodes the walk may still visit: a tree holds at most a few per byte,
/// an expanded alias far more. The first problem ends the walk and the tree is not used.
class TreeBuilder {
 public:
  /// A YamlTree counts its nodes and text in 32 bits: a file near 4 GB (with its limit raised
  /// that far) counts as expanded rather than wrap them.
  TreeBuilder(int max_nesting, std::size_t budget)
      : max_nesting_(max_nesting), budget_(std::min<std::size_t>(budget, kMaxCount)) {}

  /// The first map or list nested deeper than the limit, and where.
  std::optional<YAML::Mark> too_deep;
  /// Whether the walk met more nodes than the file's bytes could hold without aliases.
  bool expanded = false;

  /// Adds `node` and everything inside it; its index, or nullopt after a problem.
  std::optional<std::uint32_t> add(const YAML::Node& node, int depth) {
    if (too_deep || expanded) return std::nullopt;
    if (budget_ == 0) {
      expanded = true;
      return std::nullopt;
    }
    --budget_;
    const auto index = static_cast<std::uint32_t>(nodes_.size());
    YamlNodeRecord& record = nodes_.emplace_back();
    std::tie(record.line, record.column) = place_of(node.Mark());
    if (node.IsScalar()) {
      if (node.Scalar().size() > kMaxCount - text_.size()) {
        expanded = true;
        return std::nullopt;
      }
      record.kind = YamlKind::kScalar;
      record.first = static_cast<std::uint32_t>(text_.size());
      record.count = static_cast<std::uint32_t>(node.Scalar().size());
      text_ += node.Scalar();
      return index;
    }
    if (!node.IsMap() && !node.IsSequence()) return index;  // null
    if (depth + 1 > max_nesting_) {
      too_deep = node.Mark();
      return std::nullopt;
    }
    const bool map = node.IsMap();
    // The parts first, then the slots for them, so that each collection's slots lie together.
    std::vector<YAML::Node> parts;
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (map) {
        parts.push_back(it->first);
        parts.push_back(it->second);
      } else {
        parts.push_back(*it);
      }
    }
    const std::size_t first = children_.size();
    children_.resize(first + parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const auto child = add(parts[i], depth + 1);
      if (!child) return std::nullopt;
      children_[first + i] = *child;
    }
    YamlNodeRecord& done = nodes_[index];  // nodes_ has grown since
    done.kind = map ? YamlKind::kMap : YamlKind::kSequence;
    done.first = static_cast<std::uint32_t>(first);
    done.count = static_cast<std::uint32_t>(map ? parts.size() / 2 : parts.size());
    return index;
  }

  YamlTree tree() && { return YamlTree(std::move(nodes_), std::move(children_), std::move(text_)); }

 private:
  static constexpr std::size_t kMaxCount = 0x7FFFFFFF;

  int max_nesting_;
  std::size_t budget_;
  std::vector<YamlNodeRecord> nodes_;
  std::vector<std::uint32_t> children_;
  std::string text_;
};

/// Reports a file over `limits.max_file_bytes`; `size` is its size when known.
void report_too_big(std::optional<std::uintmax_t> size, const std::string& display_name, const core::Limits& limits,
                    core::Diagnostics& diags) {
  const std::string limit = core::format_bytes(limits.max_file_bytes);
  diags.error({display_name, 0, 0},
              size ? "file is " + core::format_bytes(static_cast<std::size_t>(*size)) + ", over the limit of " + limit
                   : "file larger than the limit of " + limit,
              "leaflet files are small; raise the limit with --max-file-bytes if this one must be this big");
}

}  // namespace

core::SourceLoc loc_of(const YamlNode& node, const std::string& file) { return {file, node.line(), node.column()}; }

std::string describe(const YamlNode& node) {
  switch (node.kind()) {
    case YamlKind::kMap:
      return "a map";
    case YamlKind::kSequence:
      return "a list";
    case YamlKind::kScalar:
      return "'" + std::string(node.scalar()) + "'";
    case YamlKind::kNull:
      return "nothing";
  }
  return "nothing";
}

std::optional<int> yaml_integer(std::string_view text) {
  int value = 0;
  if (YAML::convert<int>::decode(YAML::Node(std::string(text)), value)) return value;
  return std::nullopt;
}

std::optional<bool> yaml_boolean(std::string_view text) {
  bool value = false;
  if (YAML::convert<bool>::decode(YAML::Node(std::string(text)), value)) return value;
  return std::nullopt;
}

std::optional<YamlFile> parse_yaml_text(const std::string& bytes, const std::string& display_name,
                                        core::Diagnostics& diags, const core::Limits& limits) {
  if (bytes.size() > limits.max_file_bytes) {
    report_too_big(bytes.size(), display_name, limits, diags);
    return std::nullopt;
  }
  if (const auto bad = core::find_invalid_utf8(bytes)) {
    diags.error(loc_of_offset(bytes, *bad, display_name), "invalid UTF-8 byte sequence",
                "save the file as UTF-8");
    return std::nullopt;
  }
  if (const auto nul = bytes.find('\0'); nul != std::string::npos) {
    diags.error(loc_of_offset(bytes, nul, display_name), "NUL byte in a YAML file",
                "leaflet files are text; remove the NUL byte, or save the file as UTF-8 if it is UTF-16");
    return std::nullopt;
  }
  if (const auto problem = prescan_yaml(bytes, limits)) {
    diags.error(loc_of_offset(bytes, problem->offset, display_name), problem->message, problem->hint);
    return std::nullopt;
  }
  // The checks above ran on the bytes whatever the cache holds, so their diagnostics never
  // depend on it; only a tree parsed without any problem is kept, and one kept is read back
  // only under the nesting limit of this run.
  const auto slot = yaml_tree_slot(bytes);
  if (slot) {
    if (auto kept = find_cached_yaml_tree(*slot, limits.max_nesting)) {
      return YamlFile(display_name, std::make_shared<const YamlTree>(std::move(*kept)));
    }
  }
  try {
    const YAML::Node root = YAML::Load(bytes);
    TreeBuilder builder(limits.max_nesting, 4 * bytes.size() + 64);
    builder.add(root, 0);
    if (builder.too_deep) {
      const PrescanProblem problem = nesting_problem(0, limits);
      const auto [line, column] = place_of(*builder.too_deep);
      diags.error({display_name, line, column}, problem.message, problem.hint);
      return std::nullopt;
    }
    if (builder.expanded) {
      diags.error({display_name, 0, 0}, "YAML aliases expand this file beyond its size",
                  "leaflet files allow no aliases; write the values out in full");
      return std::nullopt;
    }
    auto tree = std::make_shared<const YamlTree>(std::move(builder).tree());
    if (slot) keep_yaml_tree(*slot, *tree);
    return YamlFile(display_name, std::move(tree));
  } catch (const YAML::DeepRecursion& e) {  // yaml-cpp's own guard, 2000 calls deep
    const PrescanProblem problem = nesting_problem(0, limits);
    core::SourceLoc loc{display_name, 0, 0};
    if (!e.mark.is_null()) loc = {display_name, e.mark.line + 1, e.mark.column + 1};
    diags.error(loc, problem.message, problem.hint);
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    if (e.mark.is_null()) {
      diags.error({display_name, 0, 0}, "malformed YAML: " + e.msg);
      return std::nullopt;
    }
    const SyntaxError error = explain_syntax_error(bytes, e.mark.line, e.mark.column, e.msg);
    diags.error({display_name, error.line + 1, error.column + 1}, error.message, error.hint);
    return std::nullopt;
  }
}

std::optional<YamlFile> parse_yaml_file(const std::filesystem::path& path, const std::string& display_name,
                                        core::Diagnostics& diags, const core::Limits& limits) {
  const auto bytes = core::try_read_file(path, limits.max_file_bytes);
  if (!bytes) {
    diags.error({display_name, 0, 0}, "cannot read file");
    return std::nullopt;
  }
  if (bytes->size() > limits.max_file_bytes) {
    // Only the limit and one byte more were read: the file system knows the real size.
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    report_too_big(ec ? std::nullopt : std::optional<std::uintmax_t>(size), display_name, limits, diags);
    return std::nullopt;
  }
  return parse_yaml_text(*bytes, display_name, diags, limits);
}

}  // namespace leafpress::load
