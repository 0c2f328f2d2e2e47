#pragma once

#include <filesystem>
#include <optional>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"
#include "document/font_config.hpp"

namespace leafpress::load {

/// Reads `fallback.yaml` in the project's font folder, within `limits` (refused when it is a
/// symlink leading outside the folder, unless `limits.allow_outside`). A missing file is no
/// error: it gives an empty configuration (no fallback). Problems are reported at their place.
document::FontConfig load_font_config(const std::filesystem::path& font_folder, core::Diagnostics& diags,
                                      const core::Limits& limits = {});

/// True for a BCP 47 primary language subtag as fallback.yaml writes it: two or three
/// lower-case letters ("ja", "ur", "fil").
bool is_language_subtag(std::string_view text);

/// True for ISO 15924 script codes as written: four letters, the first upper-case ("Arab").
bool is_script_code(std::string_view text);

}  // namespace leafpress::load
