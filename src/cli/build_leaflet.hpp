#pragma once

#include <filesystem>
#include <iosfwd>

#include "cli/options.hpp"
#include "core/diagnostics.hpp"
#include "fonts/font_registry.hpp"

namespace leafpress::cli {

/// Loads one leaflet and, for each wanted language, localizes, lays out and (unless
/// `write` is false) writes <out>/<leaflet>.<lang>.pdf atomically. A language with errors
/// writes no file; its earlier PDF stays as it was. Returns true when there were no errors.
bool build_leaflet(const std::filesystem::path& folder, const Options& options, bool write,
                   fonts::FontRegistry& registry, core::Diagnostics& diags, std::ostream& out);

}  // namespace leafpress::cli
