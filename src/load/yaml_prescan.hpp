#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/limits.hpp"

namespace leafpress::load {

/// Why a YAML file is refused before it is parsed, and the byte where.
struct PrescanProblem {
  std::size_t offset = 0;
  std::string message;
  std::string hint;
};

/// Reads YAML `bytes` as a YAML lexer would, building nothing, and returns the first thing
/// leafpress refuses before yaml-cpp sees the file: an alias (`*name`; leaflet files have no
/// use for them, and nine anchors of nine aliases each expand to 9^9 nodes), maps and lists
/// nested deeper than `limits.max_nesting` (yaml-cpp recurses once per level), or a scalar
/// taking more than `limits.max_string_bytes` in the file (yaml-cpp's scanner needs minutes
/// and gigabytes for a 100 MB one). Where it cannot tell what yaml-cpp will make of some
/// bytes it errs toward counting them as structure, so it may refuse a file that yaml-cpp
/// would reject anyway.
std::optional<PrescanProblem> prescan_yaml(std::string_view bytes, const core::Limits& limits);

/// The message and hint for maps and lists nested deeper than `limits.max_nesting`, at
/// `offset`: prescan_yaml's, and the check of the parsed tree's.
PrescanProblem nesting_problem(std::size_t offset, const core::Limits& limits);

}  // namespace leafpress::load
