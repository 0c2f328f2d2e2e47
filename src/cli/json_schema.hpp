#pragma once

#include <string>

namespace leafpress::cli {

/// The JSON Schema (draft-07) of leaflet.yaml, made from the loader's own table of maps and
/// keys (load/leaflet_schema.hpp): what yaml-language-server and other editors complete and
/// check as one types. Two-space indented, ending in a newline; the same bytes every time.
std::string leaflet_json_schema();

/// The JSON Schema of a strings file (<lang>.yaml): string keys, nested to any depth, whose
/// leaves are non-empty strings, and the `translated_from` map of fingerprints.
std::string strings_json_schema();

}  // namespace leafpress::cli
