#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace leafpress::load {

/// What a value of leaflet.yaml is, as the loader reads it and a JSON Schema states it.
enum class ValueKind : std::uint8_t {
  text_key,        // a string key such as "what.p1"
  text_keys,       // a list of string keys
  key_or_keys,     // one string key, or a list of them
  string,          // any text (a path, an address, a font family)
  names,           // a list of strings
  language,        // a BCP 47 tag such as "fr" or "pt-BR"
  languages,       // a list of language tags
  formats,         // a format, or a list of formats
  whole,           // a whole number from `min` to `max`
  number,          // a number from `min` to `max`
  boolean,         // true or false
  length,          // "12mm", "0.5in", "10pt" or a number of points
  width,           // a length, or a share of the column such as "70%"
  color,           // "#RRGGBB", "cmyk(C%, M%, Y%, K%)" or a name of the theme's palette
  color_map,       // a map of colour names to colours (a palette)
  language_map,    // a map of language tags to strings (as digits: {ar: latn})
  intent,          // a rendering intent
  map,             // a map, described by the LeafletMap named `map`
  map_or_nothing,  // the same, or nothing at all (as `print:` alone)
  map_or_path,     // the same, or the path of a .yaml file holding it (as `theme:`)
  map_or_string,   // the same, or a string standing for its one required key (as `logo:`)
  maps_by_language,  // a map of language tags to maps, each described by the LeafletMap named `map`
  map_list,        // a list of maps, each described by the LeafletMap named `map`
  text_key_rows,   // a list of rows, each a list of string keys (a table's rows)
  shares,          // a list of shares of a width, such as "40%"
  blocks,          // the content: a list of blocks, each a map whose kind names it
  variables,       // a map of variable names to default values, or to nothing
};

/// One key of a map in leaflet.yaml.
struct LeafletKey {
  std::string_view name;
  ValueKind kind;
  std::string_view help;
  bool required = false;
  std::string_view map = {};  // for the map kinds: the LeafletMap describing the value
  double min = 0;
  double max = 0;
};

/// One kind of map in leaflet.yaml: the root ("leaflet"), a section ("theme", "page"…), or a
/// block ("block.paragraph", whose first key is its kind).
struct LeafletMap {
  std::string_view name;
  std::string_view help;
  std::span<const LeafletKey> keys;
};

/// Every map leaflet.yaml may hold, the root first. The loader checks keys against it
/// (leaflet_keys) and `leafpress schema` writes it as a JSON Schema, so the two agree.
std::span<const LeafletMap> leaflet_maps();

/// The map named `name`; throws std::out_of_range for a name the table lacks.
const LeafletMap& leaflet_map(std::string_view name);

/// The key names of the map named `name`, as SchemaReader::check_keys takes them.
std::vector<std::string_view> leaflet_keys(std::string_view name);

/// The block kinds, in the order the guide lists them; each has a map "block.<kind>".
std::span<const std::string_view> leaflet_block_kinds();

}  // namespace leafpress::load
