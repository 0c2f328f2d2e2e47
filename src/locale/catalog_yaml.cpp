#include "locale/catalog_yaml.hpp"

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
    } else if (byte < 0x20 || byte == 0x7F) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + '"';
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
    for (const auto& [key, hash] : translated_from) out += "  " + key + ": \"" + hash + "\"\n";
  }
  return out;
}

}  // namespace leafpress::locale
