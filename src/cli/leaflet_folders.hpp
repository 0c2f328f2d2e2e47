#pragma once

#include <string>
#include <vector>

namespace leafpress::cli {

/// Every folder under leaflets/ that holds a leaflet.yaml, sorted: what commands work on
/// when no leaflet is named.
std::vector<std::string> default_leaflets();

}  // namespace leafpress::cli
