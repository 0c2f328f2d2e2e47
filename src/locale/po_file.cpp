#include "locale/po_file.hpp"

#include <sstream>

namespace leafpress::locale {
namespace {

/// A PO string literal: C escapes, and long text split over lines after spaces so that
/// translators' editors show it well (msgid "" then one quoted piece per line).
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out + '"';
}

std::string field(std::string_view keyword, std::string_view text) {
  constexpr std::size_t kWidth = 76;
  if (text.size() + keyword.size() + 3 <= kWidth || text.find(' ') == std::string_view::npos) {
    return std::string(keyword) + ' ' + quoted(text) + '\n';
  }
  std::string out = std::string(keyword) + " \"\"\n";
  while (!text.empty()) {
    std::size_t cut = text.size();
    if (cut > kWidth) {
      const std::size_t space = text.rfind(' ', kWidth);
      cut = space == std::string_view::npos || space == 0 ? kWidth : space + 1;
    }
    out += quoted(text.substr(0, cut)) + '\n';
    text.remove_prefix(cut);
  }
  return out;
}

/// Reads one PO string literal starting at `at` in `line`; nullopt when malformed.
std::optional<std::string> unquote(std::string_view line, std::size_t at) {
  if (at >= line.size() || line[at] != '"') return std::nullopt;
  std::string out;
  for (std::size_t i = at + 1; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"') {
      return line.find_first_not_of(" \t\r", i + 1) == std::string_view::npos ? std::optional(out) : std::nullopt;
    }
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i >= line.size()) return std::nullopt;
    switch (line[i]) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      default: return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string PoFile::header_field(std::string_view name) const {
  for (const auto& [key, value] : header) {
    if (key == name) return value;
  }
  return {};
}

std::string format_po(const PoFile& po, std::string_view title_comment) {
  std::string out = "# " + std::string(title_comment) + "\nmsgid \"\"\nmsgstr \"\"\n";
  for (const auto& [key, value] : po.header) out += quoted(key + ": " + value + "\n") + '\n';
  for (const PoEntry& entry : po.entries) {
    out += '\n';
    for (const std::string& comment : entry.comments) out += "#. " + comment + '\n';
    if (entry.fuzzy) out += "#, fuzzy\n";
    out += field("msgctxt", entry.context);
    out += field("msgid", entry.source);
    out += field("msgstr", entry.translation);
  }
  return out;
}

std::optional<PoFile> parse_po(std::string_view bytes, const std::string& file_name, core::Diagnostics& diags) {
  PoFile po;
  PoEntry current;
  std::string* target = nullptr;  // the field continuation lines add to
  bool in_entry = false;
  const std::size_t errors_before = diags.error_count();
  auto finish = [&] {
    if (!in_entry) return;
    if (current.context.empty() && current.source.empty()) {
      std::istringstream header(current.translation);
      for (std::string line; std::getline(header, line);) {
        const auto colon = line.find(':');
        if (colon != std::string::npos) {
          po.header.emplace_back(line.substr(0, colon), line.substr(line.find_first_not_of(' ', colon + 1)));
        }
      }
    } else {
      po.entries.push_back(std::move(current));
    }
    current = {};
    in_entry = false;
    target = nullptr;
  };
  std::istringstream in{std::string(bytes)};
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos) {
      finish();
      continue;
    }
    if (line[first] == '#') {
      if (line.compare(first, 2, "#,") == 0 && line.find("fuzzy", first) != std::string::npos) {
        finish();
        current.fuzzy = true;
      }
      continue;
    }
    const std::string_view rest = std::string_view(line).substr(first);
    std::size_t quote = first;
    if (rest.rfind("msgctxt", 0) == 0 || rest.rfind("msgid", 0) == 0 || rest.rfind("msgstr", 0) == 0) {
      const bool context = rest.rfind("msgctxt", 0) == 0;
      if (context || (rest.rfind("msgid ", 0) == 0 && !current.context.empty() && !current.source.empty())) finish();
      if (!in_entry) current.loc = {file_name, number, static_cast<int>(first) + 1};
      in_entry = true;
      target = context ? &current.context : rest.rfind("msgid", 0) == 0 ? &current.source : &current.translation;
      quote = line.find('"', first);
      if (rest.rfind("msgid_plural", 0) == 0 || rest.rfind("msgstr[", 0) == 0) {
        diags.error({file_name, number, static_cast<int>(first) + 1}, "plural forms are not used in leaflets",
                    "give each string one msgstr");
        continue;
      }
    }
    const auto text = quote == std::string::npos ? std::nullopt : unquote(line, quote);
    if (!target || !text) {
      diags.error({file_name, number, static_cast<int>(first) + 1},
                  "expected msgctxt, msgid, msgstr or a quoted continuation line, got '" + std::string(rest.substr(0, 40)) + "'",
                  "is this a PO file written by `leafpress strings export`?");
      continue;
    }
    *target += *text;
  }
  finish();
  if (diags.error_count() > errors_before) return std::nullopt;
  return po;
}

}  // namespace leafpress::locale
