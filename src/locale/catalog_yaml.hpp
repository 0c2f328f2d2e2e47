#pragma once

#include <map>
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

/// `text` as a YAML double-quoted scalar (YAML 1.2 §7.3.1).
std::string yaml_quoted(std::string_view text);

}  // namespace leafpress::locale
