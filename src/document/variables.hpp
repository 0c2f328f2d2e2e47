#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_loc.hpp"

namespace leafpress::document {

/// A name a leaflet declares in `variables:` for strings of every language to use as
/// `{hospital.phone}`, with the value it takes when a variant gives none.
struct Variable {
  std::string name;
  std::optional<std::string> default_value;
  core::SourceLoc loc;
};

/// One row of a leaflet's variants file: a name for its PDFs and a value for each variable.
struct VariantRow {
  std::string name;
  core::SourceLoc loc;
  std::map<std::string, std::string> values;
};

/// A placeholder in a string: the variable name between braces and where it starts.
///
///   "Appelez le {hospital.phone}."  → {"hospital.phone", 11}
struct Placeholder {
  std::string name;
  std::size_t offset;
};

/// Every `{name}` in `text` whose name is letters, digits, '_' and '-' joined by dots, in
/// order; other braces are text.
std::vector<Placeholder> find_placeholders(std::string_view text);

/// The placeholder names of `text`, sorted, each as often as it appears.
std::vector<std::string> placeholder_names(std::string_view text);

/// `text` with each `{name}` whose name `value_of` knows replaced by its value; others kept.
std::string fill_placeholders(std::string_view text, const std::map<std::string, std::string, std::less<>>& value_of);

}  // namespace leafpress::document
