#pragma once

#include <filesystem>
#include <optional>

namespace leafpress::core {

/// Where leafpress keeps what it can compute again (compiled hyphenation patterns, pictures
/// in their PDF form): $LEAFPRESS_CACHE_DIR, else $XDG_CACHE_HOME/leafpress, else
/// ~/.cache/leafpress; nullopt when none is set or LEAFPRESS_CACHE_DIR is "off". Output
/// never depends on what is there.
std::optional<std::filesystem::path> cache_folder();

}  // namespace leafpress::core
