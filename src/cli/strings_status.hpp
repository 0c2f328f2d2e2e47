#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/options.hpp"

namespace leafpress::cli {

/// `strings status`: per leaflet and language, what is translated, missing or outdated
/// (with --keys, which keys; --diagnostics json, as JSON). Returns the exit code.
int strings_status(const Options& options, const std::vector<std::string>& folders, std::ostream& out,
                   std::ostream& err);

/// `strings mark-current`: records the fingerprint of the source of every translation that
/// has none (with --replace, also of outdated and fuzzy ones), editing each strings file in
/// place. Returns the exit code.
int mark_current(const Options& options, const std::vector<std::string>& folders, std::ostream& out,
                 std::ostream& err);

}  // namespace leafpress::cli
