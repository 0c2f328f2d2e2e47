#include "locale/catalog_yaml.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>

namespace leafpress::locale {
namespace {

/// The dotted keys as a tree, children in first-seen order.
struct KeyNode {
  std::string name;
  std::string value;
  bool leaf = false;
  std::vector<std::unique_ptr<KeyNode>> children;

  KeyNode& child(const std::string& child_name) {
    for (auto& c : children) {
      if (c->name == child_name) return *c;
    }
    children.push_back(std::make_unique<KeyNode>());
    children.back()->name = child_name;
    return *children.back();
  }
};

void insert(KeyNode& root, const std::string& key, const std::string& value) {
  KeyNode* node = &root;
  for (std::size_t start = 0;;) {
    const std::size_t dot = key.find('.', start);
    node = &node->child(key.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  node->leaf = true;
  node->value = value;
}

void write(const KeyNode& node, int depth, std::string& out) {
  for (const auto& child : node.children) {
    out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + child->name + ':';
    if (child->leaf && child->children.empty()) {
      out += ' ' + yaml_quoted(child->value) + '\n';
    } else {
      out += '\n';
      write(*child, depth + 1, out);
    }
  }
}

}  // namespace

std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (byte < 0x20 || byte == 0x7F) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  // U+0085, U+2028 and U+2029 are line breaks to YAML 1.1 readers: escape them too.
  for (const auto& [raw, escape] : {std::pair<std::string_view, std::string_view>{"\xC2\x85", "\\N"},
                                    {"\xE2\x80\xA8", "\\L"},
                                    {"\xE2\x80\xA9", "\\P"}}) {
    for (auto at = out.find(raw); at != std::string::npos; at = out.find(raw, at + escape.size())) {
      out.replace(at, raw.size(), escape);
    }
  }
  return out + '"';
}

std::string comment_safe(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    out += byte < 0x20 || byte == 0x7F ? '?' : c;
  }
  for (const std::string_view separator : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9"}) {
    for (auto at = out.find(separator); at != std::string::npos; at = out.find(separator)) {
      out.replace(at, separator.size(), "?");
    }
  }
  return out;
}

std::optional<std::string> with_translated_from(std::string_view yaml,
                                                const std::map<std::string, std::string>& additions) {
  std::string out(yaml);
  if (additions.empty()) return out;
  std::string entries;
  const auto header = [&]() -> std::size_t {
    for (std::size_t start = 0; start < out.size();) {
      const std::size_t end = std::min(out.find('\n', start), out.size());
      if (out.compare(start, 16, "translated_from:") == 0) return start;
      start = end + 1;
    }
    return std::string::npos;
  }();
  if (header == std::string::npos) {
    if (!out.empty() && out.back() != '\n') out += '\n';
    out += "\n# Fingerprints of the texts these strings were translated from: `leafpress strings status`\n"
           "# compares them with the default language to find outdated translations.\n"
           "translated_from:\n";
    for (const auto& [key, hash] : additions) out += "  " + key + ": " + yaml_quoted(hash) + "\n";
    return out;
  }
  const std::size_t line_end = std::min(out.find('\n', header), out.size());
  const std::string_view rest = std::string_view(out).substr(header + 16, line_end - header - 16);
  if (rest.find_first_not_of(" \t") != std::string_view::npos && rest.find_first_not_of(" \t") != rest.find('#')) {
    return std::nullopt;  // a flow map or a value on the same line
  }
  // The entries take the indentation of the map's first entry (two spaces when it has none).
  std::size_t indent = 2;
  const std::size_t next = line_end + 1;
  if (next < out.size()) {
    const std::size_t first = out.find_first_not_of(' ', next);
    if (first != std::string::npos && first > next && out[first] != '\n' && out[first] != '#') indent = first - next;
  }
  // Entries the map has already get the new value on their own line; the others are added
  // under the map's first line. The map ends at the first line that is not indented.
  std::map<std::string, std::string> to_add = additions;
  for (std::size_t start = next; start < out.size();) {
    const std::size_t end = std::min(out.find('\n', start), out.size());
    const std::string_view line = std::string_view(out).substr(start, end - start);
    const std::size_t first = line.find_first_not_of(' ');
    if (first == 0 && line[0] != '#') break;
    const std::size_t colon = line.find(':');
    if (first != std::string_view::npos && line[first] != '#' && colon != std::string_view::npos) {
      const auto it = to_add.find(std::string(line.substr(first, colon - first)));
      if (it != to_add.end()) {
        const std::string replacement = std::string(line.substr(0, colon)) + ": " + yaml_quoted(it->second);
        out.replace(start, end - start, replacement);
        to_add.erase(it);
        start += replacement.size() + 1;
        continue;
      }
    }
    start = end + 1;
  }
  for (const auto& [key, hash] : to_add) entries += std::string(indent, ' ') + key + ": " + yaml_quoted(hash) + "\n";
  if (line_end == out.size()) out += '\n';
  out.insert(std::min(next, out.size()), entries);
  return out;
}

std::string format_catalog_yaml(std::string_view header_comment,
                                const std::vector<std::pair<std::string, std::string>>& strings,
                                const std::map<std::string, std::string>& translated_from) {
  KeyNode root;
  for (const auto& [key, value] : strings) insert(root, key, value);
  std::string out = "# " + std::string(header_comment) + "\n";
  write(root, 0, out);
  if (!translated_from.empty()) {
    out += "\n# Fingerprints of the texts these strings were translated from: `leafpress strings status`\n"
           "# compares them with the default language to find outdated translations.\n"
           "translated_from:\n";
    for (const auto& [key, hash] : translated_from) out += "  " + key + ": " + yaml_quoted(hash) + "\n";
  }
  return out;
}

}  // namespace leafpress::locale
