#pragma once

#include <string>
#include <string_view>

namespace leafpress::load {

/// A YAML syntax error as a person editing the file needs it: where the mistake is (0-based
/// line and column), what it is, and how to fix it.
struct SyntaxError {
  int line = 0;
  int column = 0;
  std::string message;
  std::string hint;
};

/// Explains the syntax error yaml-cpp reported as `parser_message` at 0-based `line` and
/// `column` of `bytes`, naming the common mistakes behind it: an unquoted ': ' inside a
/// value, a tab in the indentation, a line indented to match nothing above it, text after a
/// closing quote, a value starting with a character YAML reserves. Falls back to yaml-cpp's
/// own words, at its place, with no hint. Every message starts "malformed YAML: ".
SyntaxError explain_syntax_error(std::string_view bytes, int line, int column, std::string_view parser_message);

}  // namespace leafpress::load
