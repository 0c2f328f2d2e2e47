#include "cli/json_schema.hpp"

#include <nlohmann/json.hpp>

#include "document/theme.hpp"
#include "load/leaflet_schema.hpp"

namespace leafpress::cli {
namespace {

using nlohmann::ordered_json;
using load::LeafletKey;
using load::LeafletMap;
using load::ValueKind;

constexpr const char* kDraft = "http://json-schema.org/draft-07/schema#";
// As load::is_string_key and document::find_placeholders read them.
constexpr const char* kKeyPattern = "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$";
// As load::is_language_tag reads it.
constexpr const char* kLanguagePattern = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$";
// As SchemaReader::length reads it: a number of points, or with mm, in or pt.
constexpr const char* kLengthPattern = "^[0-9]+(\\.[0-9]*)?(mm|in|pt)?$";

ordered_json ref_to(std::string_view name) { return {{"$ref", "#/definitions/" + std::string(name)}}; }

/// The definitions every map refers to.
ordered_json shared_definitions() {
  ordered_json defs;
  defs["text_key"] = {{"type", "string"},
                      {"pattern", kKeyPattern},
                      {"description", "a string key such as 'what.p1'; the words are in the <lang>.yaml files"}};
  defs["text_keys"] = {{"type", "array"}, {"minItems", 1}, {"items", ref_to("text_key")}};
  defs["language"] = {{"type", "string"}, {"pattern", kLanguagePattern}};
  ordered_json format_names = ordered_json::array();
  for (const document::Format format : document::kFormats) format_names.push_back(document::format_name(format));
  defs["format"] = {{"type", "string"}, {"enum", format_names}};
  defs["formats"] = {{"oneOf", {ref_to("format"), {{"type", "array"}, {"minItems", 1}, {"uniqueItems", true},
                                                 {"items", ref_to("format")}}}}};
  defs["length"] = {{"oneOf", {{{"type", "number"}, {"minimum", 0}}, {{"type", "string"}, {"pattern", kLengthPattern}}}}};
  defs["color"] = {{"type", "string"},
                   {"description", "\"#RRGGBB\", \"cmyk(C%, M%, Y%, K%)\" or a name of the theme's palette"},
                   {"pattern", "^(#[0-9A-Fa-f]{6}|cmyk\\(.*\\)|[A-Za-z0-9_-]+)$"}};
  return defs;
}

ordered_json value_schema(const LeafletKey& key) {
  ordered_json schema;
  switch (key.kind) {
    case ValueKind::text_key: schema = ref_to("text_key"); break;
    case ValueKind::text_keys: schema = ref_to("text_keys"); break;
    case ValueKind::key_or_keys: schema = {{"oneOf", {ref_to("text_key"), ref_to("text_keys")}}}; break;
    case ValueKind::string: schema = {{"type", "string"}}; break;
    case ValueKind::names: schema = {{"type", "array"}, {"items", {{"type", "string"}}}}; break;
    case ValueKind::language: schema = ref_to("language"); break;
    case ValueKind::languages:
      schema = {{"type", "array"}, {"minItems", 1}, {"uniqueItems", true}, {"items", ref_to("language")}};
      break;
    case ValueKind::formats: schema = ref_to("formats"); break;
    case ValueKind::whole: schema = {{"type", "integer"}, {"minimum", key.min}, {"maximum", key.max}}; break;
    case ValueKind::number: schema = {{"type", "number"}, {"minimum", key.min}, {"maximum", key.max}}; break;
    case ValueKind::boolean: schema = {{"type", "boolean"}}; break;
    case ValueKind::length: schema = ref_to("length"); break;
    case ValueKind::width:
      schema = {{"oneOf", {ref_to("length"), {{"type", "string"}, {"pattern", "^[0-9]+(\\.[0-9]*)?%$"}}}}};
      break;
    case ValueKind::color: schema = ref_to("color"); break;
    case ValueKind::color_map:
      schema = {{"type", "object"},
                {"propertyNames", {{"pattern", "^[A-Za-z0-9_-]+$"}}},
                {"additionalProperties", ref_to("color")}};
      break;
    case ValueKind::language_map:
      schema = {{"type", "object"},
                {"propertyNames", {{"pattern", kLanguagePattern}}},
                {"additionalProperties", {{"type", "string"}}}};
      break;
    case ValueKind::intent:
      schema = {{"type", "string"},
                {"enum", {"relative_colorimetric", "perceptual", "saturation", "absolute_colorimetric"}}};
      break;
    case ValueKind::map: schema = ref_to(key.map); break;
    case ValueKind::map_or_nothing: schema = {{"oneOf", {ref_to(key.map), {{"type", "null"}}}}}; break;
    case ValueKind::map_or_path:
      schema = {{"oneOf", {ref_to(key.map), {{"type", "string"}, {"pattern", "\\.yaml$"}}}}};
      break;
    case ValueKind::map_or_string: schema = {{"oneOf", {ref_to(key.map), {{"type", "string"}}}}}; break;
    case ValueKind::text_key_rows:
      schema = {{"type", "array"}, {"minItems", 1}, {"items", ref_to("text_keys")}};
      break;
    case ValueKind::shares:
      schema = {{"type", "array"}, {"minItems", 1}, {"items", {{"type", "string"}, {"pattern", "^[0-9]+(\\.[0-9]*)?%$"}}}};
      break;
    case ValueKind::maps_by_language:
      schema = {{"type", "object"}, {"propertyNames", {{"pattern", kLanguagePattern}}}, {"additionalProperties", ref_to(key.map)}};
      break;
    case ValueKind::map_list: schema = {{"type", "array"}, {"minItems", 1}, {"items", ref_to(key.map)}}; break;
    case ValueKind::blocks: {
      ordered_json kinds = ordered_json::array();
      for (const std::string_view kind : load::leaflet_block_kinds()) kinds.push_back(ref_to("block." + std::string(kind)));
      schema = {{"type", "array"}, {"items", {{"oneOf", kinds}}}};
      break;
    }
    case ValueKind::variables:
      schema = {{"type", "object"},
                {"propertyNames", {{"pattern", kKeyPattern}}},
                {"additionalProperties", {{"type", {"string", "null"}}}}};
      break;
  }
  schema["description"] = key.help;
  return schema;
}

ordered_json map_schema(const LeafletMap& map) {
  ordered_json properties = ordered_json::object();
  ordered_json required = ordered_json::array();
  for (const LeafletKey& key : map.keys) {
    properties[std::string(key.name)] = value_schema(key);
    if (key.required) required.push_back(key.name);
  }
  ordered_json schema = {{"type", "object"}, {"description", map.help}, {"properties", properties},
                         {"additionalProperties", false}};
  if (!required.empty()) schema["required"] = required;
  return schema;
}

}  // namespace

std::string leaflet_json_schema() {
  ordered_json definitions = shared_definitions();
  for (const LeafletMap& map : load::leaflet_maps()) {
    if (map.name != "leaflet") definitions[std::string(map.name)] = map_schema(map);
  }
  ordered_json schema = {{"$schema", kDraft}, {"$id", "https://leafpress.invalid/schema/leaflet.schema.json"},
                         {"title", "leafpress leaflet.yaml"}};
  const ordered_json root = map_schema(load::leaflet_map("leaflet"));
  for (const auto& [name, value] : root.items()) schema[name] = value;
  schema["definitions"] = definitions;
  return schema.dump(2) + "\n";
}

std::string strings_json_schema() {
  const ordered_json entry = {{"oneOf", {{{"type", "string"}, {"minLength", 1}}, ref_to("strings")}}};
  ordered_json strings = {{"type", "object"},
                          {"description", "strings by key; a map nests keys: what: {p1: …} is 'what.p1'"},
                          {"propertyNames", {{"pattern", "^[A-Za-z0-9_-]+$"}}},
                          {"additionalProperties", entry}};
  ordered_json schema = {
      {"$schema", kDraft},
      {"$id", "https://leafpress.invalid/schema/strings.schema.json"},
      {"title", "leafpress strings file (<lang>.yaml)"},
      {"type", ordered_json::array({"object", "null"})},
      {"propertyNames", {{"pattern", "^[A-Za-z0-9_-]+$"}}},
      {"properties",
       {{"translated_from",
         {{"type", "object"},
          {"description", "the fingerprint of the source text each translation was made from, or fuzzy"},
          {"propertyNames", {{"pattern", kKeyPattern}}},
          {"additionalProperties", {{"type", "string"}, {"pattern", "^(.{16}|fuzzy)$"}}}}}}},
      {"additionalProperties", entry},
      {"definitions", {{"strings", strings}}}};
  return schema.dump(2) + "\n";
}

}  // namespace leafpress::cli
