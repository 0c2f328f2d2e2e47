#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/options.hpp"

namespace leafpress::cli {

/// `strings import`: a translated PO or XLIFF file merged by key into the leaflet's
/// <lang>.yaml, after every check passed; nothing is written otherwise. Returns the exit code.
int import_strings(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace leafpress::cli
