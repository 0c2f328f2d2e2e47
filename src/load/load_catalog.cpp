#include "load/load_catalog.hpp"

#include <set>

#include "load/schema.hpp"

namespace leafpress::load {
namespace {

// The top-level key that records what each translation was made from.
constexpr const char* kTranslatedFrom = "translated_from";

void read_translated_from(const YAML::Node& map, document::Catalog& catalog, SchemaReader& reader) {
  if (!reader.expect_map(map, kTranslatedFrom)) return;
  for (const auto& entry : map) {
    const bool key_ok = entry.first.IsScalar() && is_string_key(entry.first.Scalar());
    // A fingerprint (16 hex digits), or "fuzzy": a translation imported unchecked.
    const bool hash_ok =
        entry.second.IsScalar() && (entry.second.Scalar().size() == 16 || entry.second.Scalar() == "fuzzy");
    if (!key_ok || !hash_ok) {
      reader.error(key_ok ? entry.second : entry.first,
                   "expected 'key: fingerprint' pairs in 'translated_from', as `leafpress strings import` writes them");
      continue;
    }
    catalog.translated_from[entry.first.Scalar()] = entry.second.Scalar();
  }
}

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
    if (prefix.empty() && key.Scalar() == kTranslatedFrom) {
      read_translated_from(value, catalog, reader);
      continue;
    }
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
