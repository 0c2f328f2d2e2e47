#include "load/load_catalog.hpp"

#include <set>

#include "load/schema.hpp"

namespace leafpress::load {
namespace {

// The top-level key that records what each translation was made from.
constexpr const char* kTranslatedFrom = "translated_from";

void read_translated_from(const YamlNode& map, document::Catalog& catalog, SchemaReader& reader) {
  if (!reader.expect_map(map, kTranslatedFrom)) return;
  for (const auto& entry : map.entries()) {
    const bool key_ok = entry.key.is_scalar() && is_string_key(entry.key.scalar());
    // A fingerprint (16 hex digits), or "fuzzy": a translation imported unchecked.
    const bool hash_ok =
        entry.value.is_scalar() && (entry.value.scalar().size() == 16 || entry.value.scalar() == "fuzzy");
    if (!key_ok || !hash_ok) {
      reader.error(key_ok ? entry.value : entry.key,
                   "expected 'key: fingerprint' pairs in 'translated_from', as `leafpress strings import` writes them");
      continue;
    }
    catalog.translated_from[std::string(entry.key.scalar())] = entry.value.scalar();
  }
}

void collect(const YamlNode& map, const std::string& prefix, document::Catalog& catalog, SchemaReader& reader) {
  std::set<std::string> seen;
  for (const auto& entry : map.entries()) {
    const YamlNode& key = entry.key;
    const YamlNode& value = entry.value;
    if (!key.is_scalar() || !is_string_key(key.scalar()) || key.scalar().find('.') != std::string::npos) {
      reader.error(key, "expected a key name of letters, digits, '_' or '-', got " + describe(key));
      continue;
    }
    const std::string path = prefix.empty() ? std::string(key.scalar()) : prefix + "." + std::string(key.scalar());
    if (prefix.empty() && key.scalar() == kTranslatedFrom) {
      read_translated_from(value, catalog, reader);
      continue;
    }
    if (!seen.insert(std::string(key.scalar())).second) {
      reader.error(key, "duplicate key '" + path + "'");
      continue;
    }
    if (value.is_map()) {
      collect(value, path, catalog, reader);
    } else if (value.is_scalar() && !value.scalar().empty()) {
      catalog.strings.emplace(path, document::StringEntry{std::string(value.scalar()), reader.loc(value)});
    } else {
      reader.error(value.is_null() ? key : value,
                   "expected a string or a map of strings for '" + path + "', got " +
                       (value.is_scalar() ? std::string("an empty string") : describe(value)));
    }
  }
}

}  // namespace

document::Catalog load_catalog(const YamlFile& file, const std::string& language, core::Diagnostics& diags) {
  document::Catalog catalog{language, file.name, {}};
  SchemaReader reader(file.name, diags);
  if (file.root.is_null()) return catalog;
  if (!file.root.is_map()) {
    reader.error(file.root, "expected a map of strings by key, got " + describe(file.root));
    return catalog;
  }
  collect(file.root, "", catalog, reader);
  return catalog;
}

}  // namespace leafpress::load
