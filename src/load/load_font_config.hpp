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

/// True for ISO 15924 script codes as written: four letters, the first upper-case ("Arab").
bool is_script_code(std::string_view text);

}  // namespace leafpress::load
