#pragma once

#include <optional>

#include "document/document.hpp"
#include "load/yaml_file.hpp"

namespace leafpress::load {

/// The strings of one <lang>.yaml: a nested map flattened to dotted keys ("what.p1").
/// Reports anything that is not a string or a map of strings at its place.
document::Catalog load_catalog(const YamlFile& file, const std::string& language, core::Diagnostics& diags);

}  // namespace leafpress::load
