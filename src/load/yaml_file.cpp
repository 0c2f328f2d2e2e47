#include "load/yaml_file.hpp"

#include <algorithm>

#include "core/read_file.hpp"
#include "core/utf8.hpp"
#include "load/yaml_prescan.hpp"

namespace leafpress::load {
namespace {

core::SourceLoc loc_of_offset(const std::string& bytes, std::size_t offset, const std::string& file) {
  const auto line_start = bytes.rfind('\n', offset == 0 ? 0 : offset - 1);
  const std::size_t column_start = (line_start == std::string::npos || offset == 0) ? 0 : line_start + 1;
  const auto line = 1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
  return {file, static_cast<int>(line), static_cast<int>(offset - column_start + 1)};
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
    return YamlFile{display_name, YAML::Load(bytes)};
  } catch (const YAML::Exception& e) {
    core::SourceLoc loc{display_name, 0, 0};
    if (!e.mark.is_null()) loc = {display_name, e.mark.line + 1, e.mark.column + 1};
    diags.error(loc, "malformed YAML: " + e.msg);
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
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    const std::string limit = core::format_bytes(limits.max_file_bytes);
    diags.error({display_name, 0, 0},
                ec ? "file larger than the limit of " + limit
                   : "file is " + core::format_bytes(size) + ", over the limit of " + limit,
                "leaflet files are small; raise the limit with --max-file-bytes if this one must be this big");
    return std::nullopt;
  }
  return parse_yaml_text(*bytes, display_name, diags, limits);
}

}  // namespace leafpress::load
