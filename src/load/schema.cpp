#include "load/schema.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <vector>

namespace leafpress::load {
namespace {

/// Optimal string alignment distance: Levenshtein plus adjacent transpositions, so the
/// typo "levle" is one edit from "level".
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

std::string in_quotes(std::string_view what) { return "'" + std::string(what) + "'"; }

std::optional<double> parse_number(std::string_view text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::optional<std::string> best;
  // Suggest only near misses: one edit in a short word, a third of the letters in a long one.
  std::size_t best_distance = std::max<std::size_t>(1, word.size() / 3) + 1;
  for (const std::string_view candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = std::string(candidate);
    }
  }
  return best;
}

bool is_string_key(std::string_view text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  char previous = '.';
  for (const char c : text) {
    const bool name_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '_' || c == '-';
    if (!name_char && c != '.') return false;
    if (c == '.' && previous == '.') return false;
    previous = c;
  }
  return true;
}

core::SourceLoc SchemaReader::loc(const YamlNode& node) const { return loc_of(node, file_); }

void SchemaReader::error(const YamlNode& node, std::string message, std::string hint) {
  diags_.error(loc(node), std::move(message), std::move(hint));
}

bool SchemaReader::expect_map(const YamlNode& node, std::string_view what) {
  if (node.is_map()) return true;
  error(node, "expected a map for " + in_quotes(what) + ", got " + describe(node));
  return false;
}

std::optional<YamlNode> SchemaReader::find(const YamlNode& map, std::string_view key) const {
  YamlNode value;
  if (map.find(key, value)) return value;
  return std::nullopt;
}

std::optional<YamlNode> SchemaReader::require(const YamlNode& map, std::string_view key, std::string_view what) {
  if (auto node = find(map, key)) return node;
  error(map, "missing key " + in_quotes(key) + " in " + in_quotes(what));
  return std::nullopt;
}

void SchemaReader::check_keys(const YamlNode& map, std::string_view what,
                              std::initializer_list<std::string_view> allowed) {
  check_keys(map, what, std::vector<std::string_view>(allowed));
}

void SchemaReader::check_keys(const YamlNode& map, std::string_view what,
                              const std::vector<std::string_view>& allowed) {
  std::set<std::string> seen;
  for (const auto& entry : map.entries()) {
    const YamlNode& key = entry.key;
    if (!key.is_scalar()) {
      error(key, "expected a name as key in " + in_quotes(what) + ", got " + describe(key));
      continue;
    }
    const std::string name(key.scalar());
    if (!seen.insert(name).second) {
      error(key, "duplicate key " + in_quotes(name) + " in " + in_quotes(what));
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    std::string hint;
    if (const auto suggestion = closest_match(name, allowed)) {
      hint = "did you mean " + in_quotes(*suggestion) + "?";
    } else {
      hint = "the keys of " + in_quotes(what) + " are: ";
      for (std::size_t i = 0; i < allowed.size(); ++i) hint += (i == 0 ? "" : ", ") + std::string(allowed[i]);
    }
    error(key, "unknown key " + in_quotes(name) + " in " + in_quotes(what), hint);
  }
}

std::optional<std::string> SchemaReader::string(const YamlNode& node, std::string_view what) {
  if (node.is_scalar()) return std::string(node.scalar());
  error(node, "expected a string for " + in_quotes(what) + ", got " + describe(node));
  return std::nullopt;
}

std::optional<int> SchemaReader::integer(const YamlNode& node, std::string_view what, int min, int max) {
  if (node.is_scalar()) {
    if (const auto value = yaml_integer(node.scalar()); value && *value >= min && *value <= max) return value;
  }
  error(node,
        "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) + " for " +
            in_quotes(what) + ", got " + describe(node));
  return std::nullopt;
}

std::optional<double> SchemaReader::number(const YamlNode& node, std::string_view what, double min, double max) {
  if (node.is_scalar()) {
    if (const auto value = parse_number(node.scalar()); value && *value >= min && *value <= max) return value;
  }
  auto text = [](double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
    return s;
  };
  error(node, "expected a number from " + text(min) + " to " + text(max) + " for " + in_quotes(what) + ", got " +
                  describe(node));
  return std::nullopt;
}

std::optional<bool> SchemaReader::boolean(const YamlNode& node, std::string_view what) {
  if (node.is_scalar()) {
    if (const auto value = yaml_boolean(node.scalar())) return value;
  }
  error(node, "expected true or false for " + in_quotes(what) + ", got " + describe(node));
  return std::nullopt;
}

std::optional<double> SchemaReader::length(const YamlNode& node, std::string_view what) {
  if (node.is_scalar()) {
    std::string_view text = node.scalar();
    double scale = 1.0;
    if (text.size() > 2) {
      const std::string_view unit = text.substr(text.size() - 2);
      if (unit == "mm") scale = core::kPointsPerMm;
      else if (unit == "in") scale = core::kPointsPerInch;
      else if (unit == "pt") scale = 1.0;
      if (unit == "mm" || unit == "in" || unit == "pt") text.remove_suffix(2);
    }
    if (const auto value = parse_number(text); value && *value >= 0 && *value * scale <= 1000) return *value * scale;
  }
  error(node, "expected a length such as '20mm', '0.5in' or '12pt' for " + in_quotes(what) + ", got " +
                  describe(node));
  return std::nullopt;
}

std::optional<core::Color> SchemaReader::color(const YamlNode& map, std::string_view key) {
  const std::string expected =
      "expected a colour such as '#0B6E75' or 'cmyk(100%, 0%, 35%, 45%)' for " + in_quotes(key) + ", got ";
  for (const auto& entry : map.entries()) {
    if (!entry.key.is_scalar() || entry.key.scalar() != key) continue;
    const YamlNode& node = entry.value;
    if (node.is_null()) {
      // An unquoted #0B6E75 is a YAML comment, which leaves the key with no value; yaml-cpp
      // places that missing value at the next token, so the key is the place to show.
      error(entry.key, expected + "nothing",
            "write the colour in quotes: \"#0B6E75\"; unquoted, a '#' starts a YAML comment");
      return std::nullopt;
    }
    if (!node.is_scalar()) {
      error(node, expected + describe(node));
      return std::nullopt;
    }
    std::string problem;
    if (auto color = core::try_parse_color(node.scalar(), problem)) return color;
    if (problem.empty()) {
      error(node, expected + describe(node),
            "'#RRGGBB' gives red, green and blue in hexadecimal; cmyk() gives the four inks in percent");
    } else {
      error(node, "bad colour " + in_quotes(node.scalar()) + " for " + in_quotes(key) + ": " + problem,
            "write the four inks in percent, as in 'cmyk(100%, 0%, 35%, 45%)'");
    }
    return std::nullopt;
  }
  return std::nullopt;
}

std::vector<document::Format> SchemaReader::formats(const YamlNode& node, std::string_view what) {
  std::vector<document::Format> formats;
  auto read = [&](const YamlNode& item) {
    const auto name = string(item, what);
    if (!name) return;
    std::vector<std::string_view> names;
    for (const document::Format format : document::kFormats) names.push_back(document::format_name(format));
    const auto format = document::format_named(*name);
    if (!format) {
      const auto suggestion = closest_match(*name, names);
      error(item, "unknown format '" + *name + "'",
            suggestion ? "did you mean '" + *suggestion + "'?" : "the formats are: brochure, trifold, booklet, poster, flyer");
    } else if (std::find(formats.begin(), formats.end(), *format) != formats.end()) {
      error(item, "format '" + *name + "' is listed twice");
    } else {
      formats.push_back(*format);
    }
  };
  if (node.is_sequence() && node.size() > 0) {
    for (const YamlNode& item : node.items()) read(item);
  } else if (node.is_scalar()) {
    read(node);
  } else {
    error(node, "expected a format or a list of formats such as [brochure, trifold] for " + in_quotes(what) +
                    ", got " + describe(node));
  }
  return formats;
}

std::optional<document::TextRef> SchemaReader::text_ref(const YamlNode& node, std::string_view what) {
  if (!node.is_scalar()) {
    error(node, "expected a string key for " + in_quotes(what) + ", got " + describe(node));
    return std::nullopt;
  }
  if (!is_string_key(node.scalar())) {
    error(node, "expected a string key for " + in_quotes(what) + ", got '" + std::string(node.scalar()) + "'",
          "keys look like 'what.p1'; the words themselves go in the <lang>.yaml files");
    return std::nullopt;
  }
  return document::TextRef{std::string(node.scalar()), loc(node)};
}

}  // namespace leafpress::load
