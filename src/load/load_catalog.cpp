#include "load/load_catalog.hpp"

#include <set>

#include "load/schema.hpp"

namespace leafpress::load {
namespace {

void collect(const YAML::Node& map, const std::string& prefix, document::Catalog& catalog, SchemaReader& reader) {
  std::set<std::string> seen;
  for (const auto& entry : map) {
    const YAML::Node& key = entry.first;
    const YAML::Node& value = entry.second;
    if (!key.IsScalar() || !is_string_key(key.Scalar()) || key.Scalar().find('.') != std::string::npos) {
      reader.error(key, "expected a key name of letters, digits, '_' or '-', got " + describe(key));
      continue;
    }
    const std::string path = prefix.empty() ? key.Scalar() : prefix + "." + key.Scalar();
    if (!seen.insert(key.Scalar()).second) {
      reader.error(key, "duplicate key '" + path + "'");
      continue;
    }
    if (value.IsMap()) {
      collect(value, path, catalog, reader);
    } else if (value.IsScalar() && !value.Scalar().empty()) {
      catalog.strings.emplace(path, document::StringEntry{value.Scalar(), reader.loc(value)});
    } else {
      reader.error(value.IsNull() ? key : value, "expected a string or a map of strings for '" + path + "', got " +
                                                     (value.IsScalar() ? std::string("an empty string") : describe(value)));
    }
  }
}

}  // namespace

document::Catalog load_catalog(const YamlFile& file, const std::string& language, core::Diagnostics& diags) {
  document::Catalog catalog{language, file.name, {}};
  SchemaReader reader(file.name, diags);
  if (file.root.IsNull()) return catalog;
  if (!file.root.IsMap()) {
    reader.error(file.root, "expected a map of strings by key, got " + describe(file.root));
    return catalog;
  }
  collect(file.root, "", catalog, reader);
  return catalog;
}

}  // namespace leafpress::load
