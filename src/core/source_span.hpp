#pragma once

#include <string_view>

namespace leafpress::core {

/// The byte column (1-based) just past the YAML value that starts at byte column `column`
/// of `line`: a quoted scalar to its closing quote, a [flow] or {flow} collection to its
/// closing bracket, a plain scalar to before ": ", " #", the line's end or, inside a flow
/// collection, the next ',', ']' or '}'. A value that goes on past the line ends with it.
/// `column` itself when it is not on the line.
int value_end_column(std::string_view line, int column);

/// The 1-based column in Unicode code points of byte column `byte_column` of `line` (for
/// SARIF's "unicodeCodePoints" columns); bytes past the line count one each.
int code_point_column(std::string_view line, int byte_column);

}  // namespace leafpress::core
