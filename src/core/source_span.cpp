#include "core/source_span.hpp"

#include <cstddef>

namespace leafpress::core {
namespace {

/// Index just past the quote closing the scalar opened at `open`, or the line's end.
std::size_t quoted_end(std::string_view line, std::size_t open) {
  const char quote = line[open];
  for (std::size_t i = open + 1; i < line.size(); ++i) {
    if (quote == '"' && line[i] == '\\') {
      ++i;  // "\"" escapes the quote (YAML 1.2 §7.3.1)
    } else if (line[i] == quote) {
      if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
        ++i;  // '' is a quote inside a single-quoted scalar (§7.3.2)
      } else {
        return i + 1;
      }
    }
  }
  return line.size();
}

/// Index just past the bracket closing the collection opened at `open`, or the line's end.
std::size_t flow_end(std::string_view line, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"' || c == '\'') {
      i = quoted_end(line, i) - 1;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if ((c == ']' || c == '}') && --depth == 0) {
      return i + 1;
    }
  }
  return line.size();
}

bool in_flow(std::string_view line, std::size_t at) {
  int depth = 0;
  for (std::size_t i = 0; i < at; ++i) {
    if (line[i] == '"' || line[i] == '\'') {
      i = quoted_end(line, i) - 1;
    } else if (line[i] == '[' || line[i] == '{') {
      ++depth;
    } else if (line[i] == ']' || line[i] == '}') {
      --depth;
    }
  }
  return depth > 0;
}

std::size_t plain_end(std::string_view line, std::size_t start) {
  const bool flow = in_flow(line, start);
  std::size_t end = start;
  for (std::size_t i = start; i < line.size(); ++i) {
    const char c = line[i];
    const bool blank_after = i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t';
    if (c == ':' && blank_after) break;
    if (c == '#' && i > start && (line[i - 1] == ' ' || line[i - 1] == '\t')) break;
    if (flow && (c == ',' || c == ']' || c == '}')) break;
    if (c != ' ' && c != '\t') end = i + 1;
  }
  return end;
}

}  // namespace

int value_end_column(std::string_view line, int column) {
  if (column < 1 || static_cast<std::size_t>(column) > line.size()) return column;
  const auto start = static_cast<std::size_t>(column - 1);
  std::size_t end = 0;
  switch (line[start]) {
    case '"':
    case '\'': end = quoted_end(line, start); break;
    case '[':
    case '{': end = flow_end(line, start); break;
    default: end = plain_end(line, start); break;
  }
  if (end <= start) end = start + 1;
  return static_cast<int>(end) + 1;
}

int code_point_column(std::string_view line, int byte_column) {
  if (byte_column < 1) return byte_column;
  int column = 1;
  const auto stop = static_cast<std::size_t>(byte_column - 1);
  for (std::size_t i = 0; i < stop; ++i) {
    // Continuation bytes (10xxxxxx) belong to the code point before them.
    if (i >= line.size() || (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

}  // namespace leafpress::core
