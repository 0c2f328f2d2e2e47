#pragma once

#include <iosfwd>

#include "cli/options.hpp"

namespace leafpress::cli {

/// `leafpress strings export|import|status|mark-current`: the translation workflow. Returns the
/// exit code.
int run_strings_command(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace leafpress::cli
