#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/options.hpp"

namespace leafpress::cli {

/// `strings export`: the default language's strings as a PO file, a POT template (no
/// --lang) or XLIFF 2.1 (--out FILE.xlf), keeping what a translator's earlier file at the
/// target holds (comments, obsolete messages, "#|"). Returns the exit code.
int export_strings(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace leafpress::cli
