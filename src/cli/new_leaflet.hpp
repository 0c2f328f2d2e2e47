#pragma once

#include <ostream>

#include "cli/options.hpp"

namespace leafpress::cli {

/// `leafpress new NAME`: writes the folder NAME with a small leaflet that builds: leaflet.yaml
/// (title, a heading, a paragraph, a list and a contact block, in the formats asked for) and a
/// strings file per language (`--lang`, the first the default; default fr), each file
/// written atomically. Refuses a NAME that exists, or whose last part is not a name of
/// letters, digits, '_' and '-' (PDFs are named after it). Returns the exit status.
int new_leaflet(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace leafpress::cli
