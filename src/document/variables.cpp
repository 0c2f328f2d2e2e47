#include "document/variables.hpp"

#include <algorithm>

namespace leafpress::document {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/// "hospital.phone": names joined by single dots, none empty.
bool is_variable_name(std::string_view text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '.' ? text[i - 1] == '.' : !is_name_char(text[i])) return false;
  }
  return true;
}

}  // namespace

std::vector<Placeholder> find_placeholders(std::string_view text) {
  std::vector<Placeholder> found;
  // One pass: a name runs from '{' over name characters and dots; whatever stops it (a '}'
  // or not) is where the search goes on, so "{{{{…}" takes linear time, not quadratic.
  std::size_t at = text.find('{');
  while (at != std::string_view::npos) {
    std::size_t end = at + 1;
    while (end < text.size() && (is_name_char(text[end]) || text[end] == '.')) ++end;
    const std::string_view name = text.substr(at + 1, end - at - 1);
    if (end < text.size() && text[end] == '}' && is_variable_name(name)) found.push_back({std::string(name), at});
    at = text.find('{', end);
  }
  return found;
}

std::vector<std::string> placeholder_names(std::string_view text) {
  std::vector<std::string> names;
  for (Placeholder& placeholder : find_placeholders(text)) names.push_back(std::move(placeholder.name));
  std::sort(names.begin(), names.end());
  return names;
}

std::string fill_placeholders(std::string_view text, const std::map<std::string, std::string, std::less<>>& value_of) {
  std::string out;
  std::size_t copied = 0;
  for (const Placeholder& placeholder : find_placeholders(text)) {
    const auto value = value_of.find(placeholder.name);
    if (value == value_of.end()) continue;
    out.append(text.substr(copied, placeholder.offset - copied));
    out += value->second;
    copied = placeholder.offset + placeholder.name.size() + 2;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace leafpress::document
