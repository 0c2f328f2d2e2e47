#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"

namespace leafpress::cli {

/// The lines of the files diagnostics point at, each file read once, for end positions and
/// code point columns; a file over `max_bytes` or unreadable has no lines.
class SourceLines {
 public:
  explicit SourceLines(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  /// Line `number` (1-based) of `file` without its line break; nullopt when there is none.
  std::optional<std::string_view> line(const std::string& file, int number);

 private:
  std::size_t max_bytes_;
  std::map<std::string, std::vector<std::string>> files_;
};

/// Gives each diagnostic with a line and column but no end the end of the value there
/// (core::value_end_column); one without a readable line ends where it starts.
void fill_end_positions(std::vector<core::Diagnostic>& diagnostics, SourceLines& lines);

}  // namespace leafpress::cli
