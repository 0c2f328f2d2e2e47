#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/color.hpp"
#include "core/diagnostics.hpp"
#include "core/units.hpp"
#include "document/document.hpp"
#include "load/yaml_file.hpp"

namespace leafpress::load {

/// Reads typed values out of YAML nodes of one file, reporting each mismatch at its node.
/// Every reader returns nullopt after reporting; none throws.
class SchemaReader {
 public:
  SchemaReader(std::string file, core::Diagnostics& diags) : file_(std::move(file)), diags_(diags) {}

  const std::string& file() const { return file_; }
  core::Diagnostics& diags() { return diags_; }
  core::SourceLoc loc(const YamlNode& node) const;

  /// True when `node` is a map; otherwise reports "expected a map for 'what'".
  bool expect_map(const YamlNode& node, std::string_view what);
  /// The value of the first `key` in `map`, if present.
  std::optional<YamlNode> find(const YamlNode& map, std::string_view key) const;
  /// Like find, but reports "missing key 'key' in 'what'" at the map when it is absent.
  std::optional<YamlNode> require(const YamlNode& map, std::string_view key, std::string_view what);
  /// Reports every key of `map` not in `allowed`, with a "did you mean" hint, and duplicates.
  void check_keys(const YamlNode& map, std::string_view what, std::initializer_list<std::string_view> allowed);
  void check_keys(const YamlNode& map, std::string_view what, const std::vector<std::string_view>& allowed);

  std::optional<std::string> string(const YamlNode& node, std::string_view what);
  std::optional<int> integer(const YamlNode& node, std::string_view what, int min, int max);
  std::optional<double> number(const YamlNode& node, std::string_view what, double min, double max);
  std::optional<bool> boolean(const YamlNode& node, std::string_view what);
  /// "12mm", "0.5in", "10pt" or a bare number of points.
  std::optional<double> length(const YamlNode& node, std::string_view what);
  /// The colour under `key` of `map`, "#RRGGBB" or "cmyk(C%, M%, Y%, K%)"
  /// (core::try_parse_color); nullopt without reporting when the key is absent. An empty
  /// value (an unquoted "#..." is a YAML comment) is reported at the key.
  std::optional<core::Color> color(const YamlNode& map, std::string_view key);
  /// "trifold", or a list such as [brochure, trifold]; each format at most once.
  std::vector<document::Format> formats(const YamlNode& node, std::string_view what);
  /// A dotted string key such as "what.p1".
  std::optional<document::TextRef> text_ref(const YamlNode& node, std::string_view what);

  void error(const YamlNode& node, std::string message, std::string hint = {});

 private:
  std::string file_;
  core::Diagnostics& diags_;
};

/// The candidate closest to `word` by edit distance, when it is close enough to suggest.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

/// True for keys such as "what.p1": names of letters, digits, '_' and '-', joined by dots.
bool is_string_key(std::string_view text);

}  // namespace leafpress::load
