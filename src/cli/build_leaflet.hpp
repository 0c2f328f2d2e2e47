#pragma once

#include <filesystem>
#include <iosfwd>

#include "cli/options.hpp"
#include "core/diagnostics.hpp"
#include "text/text_context.hpp"
#include "fonts/font_registry.hpp"

namespace leafpress::cli {

/// Loads one leaflet and, for each wanted language, localizes and lays it out within
/// `options.limits`; then, as `options.command` says, writes <out>/<leaflet>.<lang>.pdf
/// atomically (build), prints the display list (dump) or nothing (check). A language with
/// errors writes no file, and its earlier PDF stays as it was; a build first removes the
/// temporary files a run killed before `started` left beside its PDF. Returns true when
/// there were no errors.
bool build_leaflet(const std::filesystem::path& folder, const Options& options, fonts::FontRegistry& registry,
                   text::TextContext& context, std::filesystem::file_time_type started, core::Diagnostics& diags,
                   std::ostream& out);

}  // namespace leafpress::cli
