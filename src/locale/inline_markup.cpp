#include "locale/inline_markup.hpp"

#include <string>

namespace leafpress::locale {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// Collapses white space runs to one space and trims both ends.
std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (const char c : text) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

class MarkupParser {
 public:
  MarkupParser(std::string_view text, const core::SourceLoc& loc, std::string_view key, core::Diagnostics& diags)
      : text_(text), loc_(loc), key_(key), diags_(diags) {}

  document::RichText parse() {
    while (pos_ < text_.size()) step();
    flush();
    if (span_.strong) report("'**'");
    if (span_.emphasis) report("'*'");
    return {std::move(spans_), loc_};
  }

 private:
  void step() {
    const char c = text_[pos_];
    if (c == '\\' && pos_ + 1 < text_.size()) {
      buffer_ += text_[pos_ + 1];
      pos_ += 2;
    } else if (c == '*' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '*') {
      toggle(&document::Span::strong);
      pos_ += 2;
    } else if (c == '*') {
      toggle(&document::Span::emphasis);
      ++pos_;
    } else if (c == '[' && span_.link.empty() && open_link()) {
    } else if (c == ']' && !span_.link.empty()) {
      flush();
      span_.link.clear();
      pos_ = link_end_;
    } else {
      buffer_ += c;
      ++pos_;
    }
  }

  /// At '[': finds "](url)" ahead; when there is one, the text up to ']' becomes a link.
  bool open_link() {
    const std::size_t close = find_unescaped(']', pos_ + 1);
    if (close == std::string_view::npos || close + 1 >= text_.size() || text_[close + 1] != '(') {
      report_link();
      return false;
    }
    const std::size_t url_end = text_.find(')', close + 2);
    const std::string_view url = url_end == std::string_view::npos ? "" : text_.substr(close + 2, url_end - close - 2);
    if (url.empty() || url.find(' ') != std::string_view::npos) {
      report_link();
      return false;
    }
    flush();
    span_.link = std::string(url);
    link_end_ = url_end + 1;
    ++pos_;
    return true;
  }

  std::size_t find_unescaped(char wanted, std::size_t from) const {
    for (std::size_t i = from; i < text_.size(); ++i) {
      if (text_[i] == '\\') ++i;
      else if (text_[i] == wanted) return i;
    }
    return std::string_view::npos;
  }

  void toggle(bool document::Span::*style) {
    flush();
    span_.*style = !(span_.*style);
  }

  void flush() {
    if (buffer_.empty()) return;
    span_.text = std::move(buffer_);
    buffer_.clear();
    if (!spans_.empty() && spans_.back().emphasis == span_.emphasis && spans_.back().strong == span_.strong &&
        spans_.back().link == span_.link) {
      spans_.back().text += span_.text;
    } else {
      spans_.push_back(span_);
    }
    span_.text.clear();
  }

  void report(const std::string& marker) {
    diags_.error(loc_, "unclosed " + marker + " in string '" + std::string(key_) + "'",
                 "close it, or write \\* for a literal asterisk");
  }

  void report_link() {
    diags_.error(loc_, "malformed link in string '" + std::string(key_) + "'",
                 "write links as [text](https://example.org), or \\[ for a literal bracket");
  }

  std::string_view text_;
  const core::SourceLoc& loc_;
  std::string_view key_;
  core::Diagnostics& diags_;
  std::size_t pos_ = 0;
  std::size_t link_end_ = 0;
  std::string buffer_;
  document::Span span_;
  std::vector<document::Span> spans_;
};

}  // namespace

document::RichText parse_inline_markup(std::string_view text, const core::SourceLoc& loc, std::string_view key,
                                       core::Diagnostics& diags) {
  const std::string collapsed = collapse_spaces(text);
  return MarkupParser(collapsed, loc, key, diags).parse();
}

}  // namespace leafpress::locale
