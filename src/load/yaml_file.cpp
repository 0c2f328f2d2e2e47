#include "load/yaml_file.hpp"

#include <algorithm>
#include <cstdint>

#include <yaml-cpp/depthguard.h>

#include "core/read_file.hpp"
#include "core/utf8.hpp"
#include "load/yaml_prescan.hpp"
#include "load/yaml_syntax_hints.hpp"

namespace leafpress::load {
namespace {

core::SourceLoc loc_of_offset(const std::string& bytes, std::size_t offset, const std::string& file) {
  const auto line_start = bytes.rfind('\n', offset == 0 ? 0 : offset - 1);
  const std::size_t column_start = (line_start == std::string::npos || offset == 0) ? 0 : line_start + 1;
  const auto line = 1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
  return {file, static_cast<int>(line), static_cast<int>(offset - column_start + 1)};
}

/// What walking a parsed tree found: the first map or list nested deeper than the limit,
/// and whether it met more nodes than the file's bytes could hold without aliases.
struct TreeCheck {
  std::optional<YAML::Mark> too_deep;
  bool expanded = false;
};

/// Checks the tree yaml-cpp built, as the pre-scan checked the bytes: yaml-cpp reads some
/// YAML (a ":" line under a ":" line) as one level deeper per line, which the pre-scan
/// counts as one level in all, and its own guard stops only at 2000. `budget` is the nodes
/// the walk may still visit: a tree holds at most a few per byte, an expanded alias far more.
void check_tree(const YAML::Node& node, int depth, int max_nesting, std::size_t& budget, TreeCheck& check) {
  if (check.too_deep || check.expanded) return;
  if (budget == 0) {
    check.expanded = true;
    return;
  }
  --budget;
  if (!node.IsMap() && !node.IsSequence()) return;
  if (depth + 1 > max_nesting) {
    check.too_deep = node.Mark();
    return;
  }
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (node.IsMap()) {
      check_tree(it->first, depth + 1, max_nesting, budget, check);
      check_tree(it->second, depth + 1, max_nesting, budget, check);
    } else {
      check_tree(*it, depth + 1, max_nesting, budget, check);
    }
  }
}

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

core::SourceLoc loc_of(const YAML::Node& node, const std::string& file) {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return {file, 0, 0};
  return {file, mark.line + 1, mark.column + 1};
}

std::string describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return "'" + node.Scalar() + "'";
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: return "nothing";
  }
  return "nothing";
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
  try {
    YamlFile file{display_name, YAML::Load(bytes)};
    TreeCheck check;
    std::size_t budget = 4 * bytes.size() + 64;
    check_tree(file.root, 0, limits.max_nesting, budget, check);
    if (check.too_deep) {
      const PrescanProblem problem = nesting_problem(0, limits);
      core::SourceLoc loc{display_name, 0, 0};
      if (!check.too_deep->is_null()) loc = {display_name, check.too_deep->line + 1, check.too_deep->column + 1};
      diags.error(loc, problem.message, problem.hint);
      return std::nullopt;
    }
    if (check.expanded) {
      diags.error({display_name, 0, 0}, "YAML aliases expand this file beyond its size",
                  "leaflet files allow no aliases; write the values out in full");
      return std::nullopt;
    }
    return file;
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
