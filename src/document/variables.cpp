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
  for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open + 1);
    if (close == std::string_view::npos) break;
    const std::string_view name = text.substr(open + 1, close - open - 1);
    if (is_variable_name(name)) found.push_back({std::string(name), open});
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
