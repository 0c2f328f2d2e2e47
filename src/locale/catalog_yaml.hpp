#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace leafpress::locale {

/// A strings file (<lang>.yaml) as `leafpress strings import` writes it: `strings` nested by
/// their dotted keys, in the order given, each value a double-quoted YAML scalar; then the
/// `translated_from` map of each key to the fingerprint of the text it was translated from.
std::string format_catalog_yaml(std::string_view header_comment,
                                const std::vector<std::pair<std::string, std::string>>& strings,
                                const std::map<std::string, std::string>& translated_from);

/// `text` as a YAML double-quoted scalar (YAML 1.2 §7.3.1), every control character and
/// line separator escaped.
std::string yaml_quoted(std::string_view text);

/// `text` fit for one line of a YAML comment: control characters and line separators
/// (which would end the comment and start YAML) become '?'.
std::string comment_safe(std::string_view text);

/// The fingerprint value that marks a translation a translator left fuzzy: outdated until a
/// translator checks it, whatever the source says.
inline constexpr std::string_view kFuzzyFingerprint = "fuzzy";

/// A hand-written strings file with `additions` (key → fingerprint) set in its top-level
/// `translated_from` map, every other byte kept: the map is appended at the end when the
/// file has none; a key the map has gets the new value on its line; other keys are added
/// under its `translated_from:` line. nullopt when the file writes the map in flow style
/// (`translated_from: {…}`), which this cannot edit.
std::optional<std::string> with_translated_from(std::string_view yaml, const std::map<std::string, std::string>& additions);

}  // namespace leafpress::locale
