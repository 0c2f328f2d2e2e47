#pragma once

#include <filesystem>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"
#include "document/font_config.hpp"

namespace leafpress::cli {

/// The font configuration of `font_folder` (its fallback.yaml), as load::load_font_config
/// reads it, but taken from the cache folder (core::cache_folder) when an entry made from the
/// same bytes is there: yaml-cpp needs 5 M instructions for the shipped file's 3 KB, a fifth
/// of building a one-word leaflet. A configuration read with any problem is not kept (its
/// problems are reported on every run); a damaged or unreadable entry is ignored and the file
/// read again. The configuration never depends on whether the cache was used.
document::FontConfig cached_font_config(const std::filesystem::path& font_folder, core::Diagnostics& diags,
                                        const core::Limits& limits);

}  // namespace leafpress::cli
