#include "locale/inline_markup.hpp"

#include <algorithm>

#include <string>

namespace leafpress::locale {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// Collapses white space runs to one space and trims both ends.
std::string collapse_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t at = 0; at < text.size();) {
    if (is_space(text[at])) {
      pending_space = !out.empty();
      ++at;
      continue;
    }
    std::size_t end = at + 1;  // a word, copied whole
    while (end < text.size() && !is_space(text[end])) ++end;
    if (pending_space) out += ' ';
    pending_space = false;
    out.append(text.substr(at, end - at));
    at = end;
  }
  return out;
}

/// True for the characters markup is made of; the others are text.
bool is_markup(char c) { return c == '\\' || c == '*' || c == '[' || c == ']'; }

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
    } else if (c == '[' && !bracket_open_ && open_bracket()) {
    } else if (c == ']' && bracket_open_) {
      flush();
      span_.link.clear();
      span_.language.clear();
      bracket_open_ = false;
      pos_ = link_end_;
    } else {
      // The character, and the plain text after it up to the next markup character.
      std::size_t end = pos_ + 1;
      while (end < text_.size() && !is_markup(text_[end])) ++end;
      buffer_.append(text_.substr(pos_, end - pos_));
      pos_ = end;
    }
  }

  /// At '[': finds "](url)" or "]{lang=xx}" ahead; the text up to ']' becomes a link, or a
  /// passage in language xx (Pandoc's bracketed span).
  bool open_bracket() {
    const std::size_t close = find_unescaped(']', pos_ + 1);
    constexpr std::string_view kLang = "{lang=";
    if (close != std::string_view::npos && text_.substr(close + 1, kLang.size()) == kLang) {
      const std::size_t end = text_.find('}', close + 1);
      const std::string_view tag =
          end == std::string_view::npos ? "" : text_.substr(close + 1 + kLang.size(), end - close - 1 - kLang.size());
      if (!is_language_tag(tag)) {
        diags_.error(loc_, "malformed language span in string '" + std::string(key_) + "'",
                     "write [words]{lang=en} with a language tag such as en, fr or pt-BR");
        return false;
      }
      flush();
      span_.language = std::string(tag);
      link_end_ = end + 1;
      bracket_open_ = true;
      ++pos_;
      return true;
    }
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
    bracket_open_ = true;
    ++pos_;
    return true;
  }

  static bool is_language_tag(std::string_view tag) {
    if (tag.size() < 2 || tag.size() > 35) return false;
    return std::all_of(tag.begin(), tag.end(), [](char ch) {
      return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-';
    });
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
        spans_.back().link == span_.link && spans_.back().language == span_.language) {
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
  bool bracket_open_ = false;
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
