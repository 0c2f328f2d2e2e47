#include "load/yaml_syntax_hints.hpp"

#include <optional>
#include <vector>

namespace leafpress::load {
namespace {

constexpr std::string_view kPrefix = "malformed YAML: ";
constexpr std::size_t kNone = std::string_view::npos;

/// The file's lines, without their '\n' (nor a '\r' before it).
std::vector<std::string_view> split_lines(std::string_view bytes) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == kNone) end = bytes.size();
    std::string_view line = bytes.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

int leading_spaces(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return static_cast<int>(n);
}

/// A line with something on it other than a comment.
bool has_content(std::string_view line) {
  const std::size_t first = line.find_first_not_of(" \t");
  return first != kNone && line[first] != '#';
}

/// What a block-style line holds: `- ` entries, then `key: value`, or a bare value.
///
///   "  - paragraph: Note: x"   indent 2, body 4, key "paragraph", colon 13, value "Note: x" at 15
struct LineShape {
  int indent = 0;
  int body = 0;                  // the column after the list entries' dashes
  std::string_view key;          // empty when the line holds no key
  int colon = -1;                // the column of the key's ':'
  std::string_view value;        // after the key's ": " (or the body when there is no key), comment cut
  int value_column = -1;
};

/// The end of a quoted scalar opening at `at`, just past its closing quote, or kNone.
std::size_t quoted_end(std::string_view line, std::size_t at) {
  const char quote = line[at];
  for (std::size_t i = at + 1; i < line.size(); ++i) {
    if (quote == '"' && line[i] == '\\') {
      ++i;
    } else if (line[i] == quote) {
      if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
        ++i;
      } else {
        return i + 1;
      }
    }
  }
  return kNone;
}

/// `text` without a trailing " # comment" and trailing spaces.
std::string_view cut_comment(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t')) {
      text = text.substr(0, i);
      break;
    }
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

LineShape shape_of(std::string_view line) {
  LineShape shape;
  shape.indent = leading_spaces(line);
  std::size_t at = static_cast<std::size_t>(shape.indent);
  while (at < line.size() && line[at] == '-' && (at + 1 == line.size() || line[at + 1] == ' ')) {
    ++at;
    while (at < line.size() && line[at] == ' ') ++at;
  }
  shape.body = static_cast<int>(at);
  std::size_t colon = kNone;
  if (at < line.size() && (line[at] == '"' || line[at] == '\'')) {
    const std::size_t end = quoted_end(line, at);
    if (end != kNone && end < line.size() && line[end] == ':' && (end + 1 == line.size() || line[end + 1] == ' ')) colon = end;
  } else {
    for (std::size_t i = at; i < line.size(); ++i) {
      if (line[i] == '#' && i > at && line[i - 1] == ' ') break;
      if (line[i] == ':' && (i + 1 == line.size() || line[i + 1] == ' ')) {
        colon = i;
        break;
      }
    }
  }
  std::size_t value_start = at;
  if (colon != kNone) {
    shape.key = line.substr(at, colon - at);
    shape.colon = static_cast<int>(colon);
    value_start = colon + 1;
    while (value_start < line.size() && line[value_start] == ' ') ++value_start;
  }
  shape.value_column = static_cast<int>(value_start);
  shape.value = value_start < line.size() ? line.substr(value_start) : std::string_view{};
  if (!shape.value.empty() && shape.value.front() != '"' && shape.value.front() != '\'') {
    shape.value = cut_comment(shape.value);
  }
  return shape;
}

/// The nearest line above `line` with content, or -1.
int line_above(const std::vector<std::string_view>& lines, int line) {
  for (int i = std::min(line, static_cast<int>(lines.size())) - 1; i >= 0; --i) {
    if (has_content(lines[static_cast<std::size_t>(i)])) return i;
  }
  return -1;
}

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

/// `text` cut to about `max` bytes, never inside a UTF-8 sequence, with "…" when cut.
std::string shortened(std::string_view text, std::size_t max = 48) {
  if (text.size() <= max) return std::string(text);
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end)) + "…";
}

/// `text` as a YAML string in quotes: double quotes, or single ones when it holds a '"'
/// and no '\'' (no escapes needed either way then).
std::string as_quoted_scalar(std::string_view text) {
  if (text.find('"') != kNone && text.find('\'') == kNone) return "'" + std::string(text) + "'";
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

/// "key: \"value\"" as the line should read, shortened, for a hint.
std::string suggested_line(std::string_view line, const LineShape& shape, std::string_view value) {
  const std::string head(line.substr(static_cast<std::size_t>(shape.indent),
                                     static_cast<std::size_t>(shape.value_column - shape.indent)));
  std::string suggestion = as_quoted_scalar(value);
  if (suggestion.size() > 60) {
    suggestion = suggestion.front() + shortened(value) + suggestion.back();
  }
  return head + suggestion;
}

std::string spaces(int count) {
  if (count == 0) return "no spaces";
  return std::to_string(count) + (count == 1 ? " space" : " spaces");
}

/// How a line is named in a message: its key, or its first words.
std::string name_of(std::string_view line) {
  const LineShape shape = shape_of(line);
  const std::string dash = shape.body > shape.indent ? "- " : "";
  if (!shape.key.empty()) return quoted(dash + shortened(shape.key, 24));
  return quoted(shortened(cut_comment(line.substr(static_cast<std::size_t>(shape.indent))), 24));
}

std::optional<SyntaxError> tab_in_indentation(const std::vector<std::string_view>& lines, int line) {
  for (const int at : {line, line_above(lines, line)}) {
    if (at < 0 || at >= static_cast<int>(lines.size())) continue;
    const std::string_view text = lines[static_cast<std::size_t>(at)];
    const std::size_t first = text.find_first_not_of(" \t");
    if (first == kNone) continue;
    const std::size_t tab = text.substr(0, first).find('\t');
    if (tab == kNone) continue;
    return SyntaxError{at, static_cast<int>(tab), std::string(kPrefix) + "a tab in the indentation",
                       "YAML indents with spaces only: replace the tab with spaces (in VS Code, "
                       "'Convert Indentation to Spaces')"};
  }
  return std::nullopt;
}

/// "p: Note: this" — the value's own ': ' would start a map inside it.
std::optional<SyntaxError> colon_in_value(std::string_view text, int line, int column) {
  const LineShape shape = shape_of(text);
  if (shape.key.empty() || column <= shape.colon || shape.value.empty()) return std::nullopt;
  const char first = shape.value.front();
  if (first == '"' || first == '\'' || first == '[' || first == '{') return std::nullopt;
  return SyntaxError{line, column,
                     std::string(kPrefix) + "': ' inside the value of " + quoted(shape.key) +
                         ", where YAML expects text to end or a new key to start",
                     "put the whole value in quotes: " + suggested_line(text, shape, shape.value)};
}

/// A key indented under a line that already has a value of its own.
std::optional<SyntaxError> deeper_than_value(const std::vector<std::string_view>& lines, int line) {
  const int above = line_above(lines, line);
  if (above < 0) return std::nullopt;
  const std::string_view text = lines[static_cast<std::size_t>(line)];
  const LineShape shape = shape_of(text);
  const LineShape parent = shape_of(lines[static_cast<std::size_t>(above)]);
  if (shape.key.empty() || shape.indent <= parent.indent || parent.value.empty()) return std::nullopt;
  const std::string parent_name = parent.key.empty() ? name_of(lines[static_cast<std::size_t>(above)]) : quoted(parent.key);
  return SyntaxError{line, shape.indent,
                     std::string(kPrefix) + quoted(shape.key) + " is indented more than " + parent_name + " on line " +
                         std::to_string(above + 1) + ", which has a value already",
                     "keys of one map start in the same column: indent " + quoted(shape.key) + " by " +
                         spaces(parent.body) + ", as " + parent_name +
                         "; or, if this line goes on with the text above, put that text in quotes"};
}

/// "\"Dit \"oui\" ici\"": the value ended at the inner quote, and text follows it.
std::optional<SyntaxError> text_after_quote(std::string_view text, int line, int column) {
  const LineShape shape = shape_of(text);
  if (shape.value.empty()) return std::nullopt;
  const char quote = shape.value.front();
  if (quote != '"' && quote != '\'') return std::nullopt;
  const std::size_t end = quoted_end(shape.value, 0);
  if (end == kNone || end == shape.value.size() || cut_comment(shape.value.substr(end)).empty()) return std::nullopt;
  // "\"Dit \"oui\" ici\"" meant the quotes around the whole; "\"oui\" dit-il" meant them as text.
  const std::string_view whole = cut_comment(shape.value);
  const std::string_view content = whole.size() > 1 && whole.back() == quote ? whole.substr(1, whole.size() - 2) : whole;
  std::string hint = quote == '"' ? "a '\"' inside a \"...\" value is written \\\"" : "a ' inside a '...' value is written twice ('')";
  hint += "; or quote the value the other way: " + suggested_line(text, shape, content);
  const int after = shape.value_column + static_cast<int>(end);
  return SyntaxError{line, after < static_cast<int>(text.size()) ? after : column,
                     std::string(kPrefix) + "text after the closing quote of the value of " +
                         (shape.key.empty() ? std::string("this item") : quoted(shape.key)),
                     hint};
}

/// The columns the lines above `line` open, nearest first, each with its line: the column of
/// the line just above (and of the key after its dashes), then of each line less indented.
struct OpenColumn {
  int column;
  int line;
  bool list_entry;
};

std::vector<OpenColumn> open_columns(const std::vector<std::string_view>& lines, int line) {
  std::vector<OpenColumn> columns;
  int limit = 1 << 30;
  for (int i = line_above(lines, line); i >= 0; i = line_above(lines, i)) {
    const LineShape shape = shape_of(lines[static_cast<std::size_t>(i)]);
    if (shape.indent >= limit) continue;
    if (shape.body > shape.indent && shape.body < limit) columns.push_back({shape.body, i, false});
    columns.push_back({shape.indent, i, shape.body > shape.indent});
    limit = shape.indent;
    if (limit == 0) break;
  }
  return columns;
}

std::string describe_open(const std::vector<std::string_view>& lines, const OpenColumn& open) {
  const std::string_view text = lines[static_cast<std::size_t>(open.line)];
  std::string name;
  if (open.list_entry) {
    name = "the '-' of line " + std::to_string(open.line + 1);
  } else {
    const std::string_view rest = text.substr(static_cast<std::size_t>(open.column));
    name = name_of(std::string(static_cast<std::size_t>(open.column), ' ') + std::string(rest)) + " on line " +
           std::to_string(open.line + 1);
  }
  return spaces(open.column) + ", as " + name;
}

/// A line indented to a column that no line above it opens.
std::optional<SyntaxError> stray_indentation(const std::vector<std::string_view>& lines, int line) {
  if (line >= static_cast<int>(lines.size()) || !has_content(lines[static_cast<std::size_t>(line)])) return std::nullopt;
  const std::string_view text = lines[static_cast<std::size_t>(line)];
  const LineShape shape = shape_of(text);
  const auto columns = open_columns(lines, line);
  if (columns.empty()) return std::nullopt;
  for (const OpenColumn& open : columns) {
    if (open.column == shape.indent) return std::nullopt;
  }
  // Name the two columns nearest to this line's, entries of the same kind first.
  const bool entry = shape.body > shape.indent;
  std::vector<OpenColumn> same;
  for (const OpenColumn& open : columns) {
    if (open.list_entry == entry) same.push_back(open);
  }
  const auto& candidates = same.empty() ? columns : same;
  std::string choices = describe_open(lines, candidates[0]);
  if (candidates.size() > 1) choices += ", or " + describe_open(lines, candidates[1]);
  return SyntaxError{line, shape.indent,
                     std::string(kPrefix) + name_of(text) + " is indented by " + spaces(shape.indent) +
                         ", which lines it up with nothing above it",
                     "indent it by " + choices};
}

/// "p: x" followed by "- y" in the same column: a list among a map's keys.
std::optional<SyntaxError> entry_among_keys(const std::vector<std::string_view>& lines, int line) {
  const int above = line_above(lines, line);
  if (above < 0 || line >= static_cast<int>(lines.size())) return std::nullopt;
  const LineShape shape = shape_of(lines[static_cast<std::size_t>(line)]);
  const LineShape previous = shape_of(lines[static_cast<std::size_t>(above)]);
  if (shape.body == shape.indent || previous.key.empty() || previous.indent != shape.indent) return std::nullopt;
  return SyntaxError{line, shape.indent,
                     std::string(kPrefix) + "a list item among the keys of a map",
                     "a key holds one value or a list: to give " + quoted(previous.key) +
                         " a list, leave nothing after its ':' and write the items below it"};
}

std::optional<SyntaxError> entry_after_key(std::string_view text, int line, int column) {
  const LineShape shape = shape_of(text);
  if (shape.key.empty() || column < shape.value_column) return std::nullopt;
  return SyntaxError{line, column,
                     std::string(kPrefix) + "a list item '- ' after " + quoted(shape.key) + " on the same line",
                     "start the list on the next line, under " + quoted(shape.key) +
                         "; if the '-' is text, put the value in quotes: " +
                         suggested_line(text, shape, shape.value)};
}

std::optional<SyntaxError> reserved_start(std::string_view text, int line, int column) {
  if (column < 0 || column >= static_cast<int>(text.size())) return std::nullopt;
  const char c = text[static_cast<std::size_t>(column)];
  if (c != '@' && c != '`' && c != '%') return std::nullopt;
  const LineShape shape = shape_of(text);
  return SyntaxError{line, column,
                     std::string(kPrefix) + "a value cannot start with '" + std::string(1, c) + "'",
                     "YAML reserves '" + std::string(1, c) + "'; put the value in quotes: " +
                         suggested_line(text, shape, shape.value)};
}

/// The nearest line at or above `line` whose value opens a '[' or '{' it does not close.
std::optional<SyntaxError> unclosed_flow(const std::vector<std::string_view>& lines, int line, std::string_view message) {
  const char open = message.find("sequence") != kNone ? '[' : '{';
  for (int i = std::min(line, static_cast<int>(lines.size()) - 1); i >= 0; --i) {
    const std::string_view text = lines[static_cast<std::size_t>(i)];
    const LineShape shape = shape_of(text);
    if (shape.value.empty() || shape.value.front() != open) continue;
    const char close = open == '[' ? ']' : '}';
    if (cut_comment(shape.value).back() == close) continue;
    const std::string what = open == '[' ? "a list" : "a map";
    return SyntaxError{i, shape.value_column,
                       std::string(kPrefix) + "'" + std::string(1, open) + "' opens " + what + " that is not closed",
                       "close it with '" + std::string(1, close) + "'; if the '" + std::string(1, open) +
                           "' is text, put the value in quotes: " + suggested_line(text, shape, shape.value)};
  }
  return std::nullopt;
}

}  // namespace

SyntaxError explain_syntax_error(std::string_view bytes, int line, int column, std::string_view parser_message) {
  const auto lines = split_lines(bytes);
  const bool on_a_line = line >= 0 && line < static_cast<int>(lines.size());
  const std::string_view text = on_a_line ? lines[static_cast<std::size_t>(line)] : std::string_view{};
  std::optional<SyntaxError> explained = tab_in_indentation(lines, line);
  if (!explained && parser_message == "illegal map value" && on_a_line) {
    explained = colon_in_value(text, line, column);
    if (!explained) explained = deeper_than_value(lines, line);
    if (!explained) explained = stray_indentation(lines, line);
  }
  if (!explained && (parser_message == "end of map not found" || parser_message == "end of sequence not found") &&
      on_a_line) {
    explained = text_after_quote(text, line, column);
    if (!explained) explained = stray_indentation(lines, line);
    if (!explained) explained = entry_among_keys(lines, line);
  }
  if (!explained && parser_message == "illegal block entry" && on_a_line) explained = entry_after_key(text, line, column);
  if (!explained && parser_message == "unknown token" && on_a_line) explained = reserved_start(text, line, column);
  if (!explained && (parser_message == "end of sequence flow not found" || parser_message == "end of map flow not found")) {
    explained = unclosed_flow(lines, line, parser_message);
  }
  if (explained) return *explained;
  return SyntaxError{line, column, std::string(kPrefix) + std::string(parser_message), {}};
}

}  // namespace leafpress::load
