#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <hyphen.h>

namespace leafpress::text {

/// libhyphen's pattern machine as bytes, and back. Building the machine from a .dic file
/// (hnj_hyphen_load) costs more than setting a leaflet: a compiled copy is kept in a cache
/// folder, keyed by the .dic file's bytes, and read back in a fraction of the time.
std::string serialize_patterns(const HyphenDict& dict);

/// The machine read back from serialize_patterns' bytes, allocated as hnj_hyphen_free
/// expects; nullptr when the bytes are not a whole, consistent machine (every state and
/// transition checked: a damaged or planted cache file must not lead libhyphen astray).
HyphenDict* deserialize_patterns(std::string_view bytes);

/// Where compiled patterns are kept: $LEAFPRESS_CACHE_DIR, else $XDG_CACHE_HOME/leafpress,
/// else ~/.cache/leafpress; nullopt when none is set or LEAFPRESS_CACHE_DIR is "off".
std::optional<std::filesystem::path> pattern_cache_folder();

/// Loads a .dic file through the cache: read from it when a compiled copy of these exact
/// bytes is there, else compiled by libhyphen and stored (quietly skipped when the folder
/// cannot be written). nullptr when libhyphen cannot read the file.
HyphenDict* load_patterns(const std::filesystem::path& dic);

}  // namespace leafpress::text
