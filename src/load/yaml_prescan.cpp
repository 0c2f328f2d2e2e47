#include "load/yaml_prescan.hpp"

#include <algorithm>
#include <vector>

namespace leafpress::load {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\0'; }
bool is_flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

/// One pass over the bytes. Block structure is followed by indentation: a stack of the
/// columns where block maps and lists start; flow collections (`[`, `{`) add one level each
/// until they close. Scalars are skipped by the rules of YAML 1.2 §7 (flow) and §8 (block)
/// that decide where they end, since an alias or a bracket inside one is only text.
class Prescan {
 public:
  Prescan(std::string_view bytes, const core::Limits& limits) : bytes_(bytes), limits_(limits) {}

  std::optional<PrescanProblem> run() {
    std::size_t pos = 0;
    while (pos < bytes_.size() && !problem_) {
      line_start_ = pos;
      std::size_t first = pos;
      while (first < bytes_.size() && bytes_[first] == ' ') ++first;
      const int indent = static_cast<int>(first - pos);
      const char c = peek(first);
      if (rest_is_blank(first)) {  // blank lines neither end nor start anything
        pos = line_end(first) + 1;
        continue;
      }
      if (c == '#') {  // a comment line ends a plain scalar (YAML 1.2 §7.3.3)
        open_plain_ = false;
        pos = line_end(first) + 1;
        continue;
      }
      if (indent == 0 && (starts_with(first, "---") || starts_with(first, "...")) && is_blank(peek(first + 3))) {
        levels_.clear();
        open_plain_ = false;
        value_pending_ = false;
        pos = (c == '.' ? line_end(first) : scan_line(first + 3)) + 1;
        continue;
      }
      if (indent == 0 && c == '%') {  // a directive
        pos = line_end(first) + 1;
        continue;
      }
      if (open_plain_ && indent > top_column()) {
        pos = continue_plain(first) + 1;
        continue;
      }
      open_plain_ = false;
      while (!levels_.empty() && levels_.back().column > indent) levels_.pop_back();
      pos = scan_line(first) + 1;
    }
    return problem_;
  }

 private:
  struct Level {
    int column;
    bool sequence;
  };

  char peek(std::size_t at) const { return at < bytes_.size() ? bytes_[at] : '\0'; }
  bool starts_with(std::size_t at, std::string_view text) const { return bytes_.substr(at, text.size()) == text; }
  int column(std::size_t at) const { return static_cast<int>(at - line_start_); }
  int top_column() const { return levels_.empty() ? -1 : levels_.back().column; }

  /// The '\n' ending the line holding `at`, or the end of the bytes.
  std::size_t line_end(std::size_t at) const {
    const std::size_t end = bytes_.find('\n', at);
    return end == std::string_view::npos ? bytes_.size() : end;
  }

  bool rest_is_blank(std::size_t at) const {
    for (; at < bytes_.size() && bytes_[at] != '\n'; ++at) {
      if (!is_blank(bytes_[at])) return false;
    }
    return true;
  }

  void refuse(std::size_t offset, std::string message, std::string hint) {
    if (!problem_) problem_ = PrescanProblem{offset, std::move(message), std::move(hint)};
  }

  bool check_depth(std::size_t offset) {
    if (static_cast<long>(levels_.size()) + flow_depth_ <= limits_.max_nesting) return true;
    if (!problem_) problem_ = nesting_problem(offset, limits_);
    return false;
  }

  bool check_length(std::size_t start, std::size_t end) {
    if (end - start <= limits_.max_string_bytes) return true;
    refuse(start, "string longer than the limit of " + core::format_bytes(limits_.max_string_bytes),
           "split it into shorter strings, or raise the limit with --max-string-bytes");
    return false;
  }

  void refuse_alias(std::size_t at) {
    // The alias as written, cut after 40 bytes but never inside a UTF-8 sequence.
    std::size_t end = at + 1;
    const auto continues = [&](std::size_t i) { return (static_cast<unsigned char>(bytes_[i]) & 0xC0) == 0x80; };
    while (end < bytes_.size() && !is_blank(bytes_[end]) && !is_flow_indicator(bytes_[end]) &&
           (end - at < 40 || continues(end))) {
      ++end;
    }
    refuse(at, "YAML aliases are not allowed in leaflet files, found '" + std::string(bytes_.substr(at, end - at)) + "'",
           "write the value out in full; to start a string with '*', put the string in quotes");
  }

  /// A block list entry ("- ") at `column`: the list already open there, or a new level
  /// (also under a key at the same column: "key:\n- item", YAML 1.2 §8.2.3).
  bool enter_sequence(int at_column, std::size_t offset) {
    if (!levels_.empty() && levels_.back().column == at_column && levels_.back().sequence) return true;
    levels_.push_back({at_column, true});
    return check_depth(offset);
  }

  /// A key at `column`: the map already open there, or a new level. A list at the same
  /// column was the value of the previous key, and ends here.
  bool enter_map(int at_column, std::size_t offset) {
    if (!levels_.empty() && levels_.back().column == at_column && levels_.back().sequence) levels_.pop_back();
    if (!levels_.empty() && levels_.back().column == at_column) return true;
    levels_.push_back({at_column, false});
    return check_depth(offset);
  }

  /// Scans block content from `at` to the end of its line (or further, for flow collections,
  /// quoted and block scalars that span lines); returns the '\n' where it stopped.
  std::size_t scan_line(std::size_t at) {
    bool node_start = true;   // where a node may begin: a list entry, a key, a value
    int key_column = 0;       // of the quoted scalar or flow collection just read
    std::size_t key_offset = 0;
    long key_depth = 0;       // levels inside that flow collection
    int node_column = -1;     // where the node began, with its anchor or tag
    const bool value_pending = value_pending_;
    bool line_head = true;    // nothing read on this line yet
    bool after_colon = false;  // the last thing read was a ':' with no value after it yet
    value_pending_ = false;
    while (!problem_) {
      while (peek(at) == ' ' || peek(at) == '\t' || peek(at) == '\r') ++at;
      const char c = peek(at);
      if (at >= bytes_.size() || c == '\n' || c == '#') {
        value_pending_ = node_start && after_colon;
        return line_end(at);
      }
      if (!node_start) {
        if (c == ':' && is_blank(peek(at + 1))) {  // "quoted": value or [flow]: value
          if (!enter_map(key_column, key_offset)) return line_end(at);
          flow_depth_ += key_depth;  // yaml-cpp builds the key inside the map
          const bool deep_key = !check_depth(key_offset);
          flow_depth_ -= key_depth;
          if (deep_key) return line_end(at);
          node_start = true;
          node_column = -1;
          after_colon = true;
          ++at;
          continue;
        }
        return line_end(at);  // not YAML; yaml-cpp reports it
      }
      if ((c == '-' || c == '?' || c == ':') && is_blank(peek(at + 1))) {
        // "? key" and ": value" start a map entry, even with no key before the ':'.
        const int entry_column = node_column >= 0 ? node_column : column(at);
        // yaml-cpp reads ": x" under an empty value at the same column as a map inside
        // that value, one level deeper per such line.
        const bool nested_value = c == ':' && line_head && value_pending && !levels_.empty() &&
                                  levels_.back().column == entry_column && !levels_.back().sequence;
        if (nested_value) {
          levels_.push_back({entry_column, false});
          if (!check_depth(at)) return line_end(at);
        } else if (c == '-' ? !enter_sequence(entry_column, at) : !enter_map(entry_column, at)) {
          return line_end(at);
        }
        node_column = -1;
        line_head = false;
        after_colon = c == ':';
        ++at;
        continue;
      }
      line_head = false;
      after_colon = false;
      if (c == '&' || c == '!') {  // an anchor or a tag, before the node it names
        if (node_column < 0) node_column = column(at);
        while (!is_blank(peek(at))) ++at;
        continue;
      }
      if (c == '*') {
        refuse_alias(at);
        return line_end(at);
      }
      if (c == '[' || c == '{' || c == '"' || c == '\'') {
        key_column = node_column >= 0 ? node_column : column(at);
        key_offset = at;
        key_depth = 0;
        if (c == '[' || c == '{') {
          at = scan_flow(at);
          key_depth = deepest_flow_;
        } else {
          at = scan_quoted(at);
        }
        node_start = false;
        continue;
      }
      if (c == '|' || c == '>') return scan_block_scalar(at);
      // A plain scalar: to the end of the line, a ": " that makes it a key, or a comment.
      const std::size_t start = at;
      while (at < bytes_.size() && bytes_[at] != '\n') {
        if (bytes_[at] == ':' && is_blank(peek(at + 1))) break;
        if (bytes_[at] == '#' && is_blank(bytes_[at - 1])) break;
        ++at;
      }
      if (!check_length(start, at)) return line_end(at);
      if (peek(at) == ':') {
        if (!enter_map(node_column >= 0 ? node_column : column(start), start)) return line_end(at);
        node_column = -1;
        after_colon = true;
        ++at;
        continue;
      }
      if (peek(at) == '#') return line_end(at);
      open_plain_ = true;  // it may go on over the next, more indented lines
      plain_start_ = start;
      return at;
    }
    return line_end(at);
  }

  /// A line that continues a multi-line plain scalar (YAML 1.2 §7.3.3): text, whatever its
  /// brackets and asterisks, up to a comment.
  std::size_t continue_plain(std::size_t at) {
    std::size_t end = at;
    while (end < bytes_.size() && bytes_[end] != '\n') {
      if (bytes_[end] == '#' && is_blank(bytes_[end - 1])) {
        open_plain_ = false;
        break;
      }
      ++end;
    }
    check_length(plain_start_, end);
    return line_end(end);
  }

  /// A "double" or 'single' quoted scalar starting at `at`; returns the byte after it.
  std::size_t scan_quoted(std::size_t at) {
    const std::size_t start = at;
    const char quote = bytes_[at++];
    bool closed = false;
    while (at < bytes_.size()) {
      const char c = bytes_[at];
      if (at - start > limits_.max_string_bytes) break;
      if (c == '\\' && quote == '"') {
        at += 2;
        continue;
      }
      if (c == quote) {
        if (quote == '\'' && peek(at + 1) == '\'') {
          at += 2;
          continue;
        }
        ++at;
        closed = true;
        break;
      }
      if (c == '\n') line_start_ = at + 1;
      ++at;
    }
    if (!closed && at >= bytes_.size() && check_length(start, bytes_.size())) {
      // yaml-cpp takes the rest of the file into a string never closed (YAML 1.2 §7.3 wants
      // the closing quote): the keys after it vanish into the text without a word.
      refuse(start, std::string("malformed YAML: the ") + (quote == '"' ? "\"" : "'") + " here is never closed",
             quote == '"' ? "end the string with '\"'; a '\"' inside it is written \\\""
                          : "end the string with '; a ' inside it is written twice ('')");
    }
    at = std::min(at, bytes_.size());
    check_length(start, at);
    return at;
  }

  /// A flow collection starting at `at`, to its closing bracket; returns the byte after it.
  /// Inside, every bracket outside quotes counts: YAML 1.2 §7.3.3 ends plain scalars at them.
  /// A "key: value" entry of a [list] is a map of its own (§7.4.1), one level more.
  std::size_t scan_flow(std::size_t at) {
    struct Open {
      bool list;  // '[' rather than '{'
      bool pair;  // the current entry of the list is a key: value map
    };
    std::vector<Open> open;
    deepest_flow_ = 0;
    bool node_start = true;
    std::size_t plain_start = kNone;  // a plain scalar may go on over lines
    const auto close_pair = [&] {
      if (open.back().pair) {
        open.back().pair = false;
        --flow_depth_;
      }
    };
    while (at < bytes_.size() && !problem_) {
      const char c = bytes_[at];
      if (c == '\n') {
        line_start_ = ++at;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        ++at;
        continue;
      }
      if (c == '#' && is_blank(bytes_[at - 1])) {
        at = line_end(at);
        continue;
      }
      if (c == '[' || c == '{') {
        open.push_back({c == '[', false});
        ++flow_depth_;
        if (!check_depth(at)) break;
        deepest_flow_ = std::max(deepest_flow_, static_cast<long>(open.size()));
        ++at;
        node_start = true;
        plain_start = kNone;
        continue;
      }
      if (c == ']' || c == '}') {
        close_pair();
        open.pop_back();
        --flow_depth_;
        ++at;
        if (open.empty()) return at;
        node_start = false;
        plain_start = kNone;
        continue;
      }
      if (c == ',') {
        close_pair();
        ++at;
        node_start = true;
        plain_start = kNone;
        continue;
      }
      const bool indicator_follows = is_blank(peek(at + 1)) || is_flow_indicator(peek(at + 1));
      if ((c == ':' && (indicator_follows || !node_start)) || (c == '?' && node_start && indicator_follows)) {
        if (open.back().list && !open.back().pair) {  // the entry's first key opens its map
          open.back().pair = true;
          ++flow_depth_;
          if (!check_depth(at)) break;
        }
        ++at;
        node_start = true;
        plain_start = kNone;
        continue;
      }
      if (node_start) {
        if (c == '"' || c == '\'') {
          at = scan_quoted(at);
          node_start = false;
          continue;
        }
        if (c == '*') {
          refuse_alias(at);
          break;
        }
        if (c == '&' || c == '!') {
          while (!is_blank(peek(at)) && !is_flow_indicator(peek(at))) ++at;
          continue;
        }
      }
      // A plain scalar, or the next line of one.
      if (plain_start == kNone) plain_start = at;
      while (at < bytes_.size() && !is_flow_indicator(bytes_[at]) && bytes_[at] != '\n') {
        if (bytes_[at] == ':' && (is_blank(peek(at + 1)) || is_flow_indicator(peek(at + 1)))) break;
        if (bytes_[at] == '#' && is_blank(bytes_[at - 1])) break;
        ++at;
      }
      if (!check_length(plain_start, at)) break;
      node_start = false;
    }
    // Unclosed, or refused: the levels it opened end with it (yaml-cpp reports the bracket).
    for (const Open& level : open) flow_depth_ -= level.pair ? 2 : 1;
    return std::min(at, bytes_.size());
  }

  /// A literal (|) or folded (>) scalar whose header is at `at`: its lines are the blank
  /// ones and those indented at least as much as the first (YAML 1.2 §8.1.1.1), or as the
  /// header's indentation indicator says: the parent's column plus the digit, as yaml-cpp
  /// counts it (the parent of a top-level scalar at column 0). Returns the '\n' ending its
  /// last line.
  std::size_t scan_block_scalar(std::size_t at) {
    const std::size_t header = at;
    const int parent = top_column();
    int content_indent = -1;
    for (std::size_t i = at + 1; i < at + 3 && i < bytes_.size(); ++i) {
      if (bytes_[i] >= '1' && bytes_[i] <= '9') content_indent = std::max(parent, 0) + (bytes_[i] - '0');
    }
    std::size_t last = line_end(at);
    std::size_t line = last + 1;
    const std::size_t content_start = line;
    while (line < bytes_.size()) {
      std::size_t first = line;
      while (first < bytes_.size() && bytes_[first] == ' ') ++first;
      const std::size_t end = line_end(first);
      const int indent = static_cast<int>(first - line);
      if (!rest_is_blank(first)) {
        if (content_indent < 0) {
          if (indent <= parent) break;
          content_indent = indent;
        }
        if (indent < content_indent) break;
      }
      // Blank lines count too: they are kept as line breaks inside the scalar.
      if (!check_length(header, header + (end - content_start))) break;
      last = end;
      line = end + 1;
    }
    return last;
  }

  std::string_view bytes_;
  const core::Limits& limits_;
  std::vector<Level> levels_;
  long flow_depth_ = 0;
  long deepest_flow_ = 0;  // levels of the last flow collection scanned, for a key's depth
  std::size_t line_start_ = 0;
  bool open_plain_ = false;
  bool value_pending_ = false;  // the last line ended with a ':' and no value
  std::size_t plain_start_ = 0;
  std::optional<PrescanProblem> problem_;
};

}  // namespace

PrescanProblem nesting_problem(std::size_t offset, const core::Limits& limits) {
  return {offset, "maps and lists nested deeper than " + std::to_string(limits.max_nesting) + " levels",
          "a leaflet needs a few levels; raise the limit with --max-nesting if this file needs more"};
}

std::optional<PrescanProblem> prescan_yaml(std::string_view bytes, const core::Limits& limits) {
  return Prescan(bytes, limits).run();
}

}  // namespace leafpress::load
