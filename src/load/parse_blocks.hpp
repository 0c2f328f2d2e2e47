#pragma once

#include <optional>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "document/document.hpp"
#include "images/image_files.hpp"
#include "load/schema.hpp"

namespace leafpress::load {

/// The `content:` list of leaflet.yaml: one Block per item, each checked against its kind.
/// Figures' pictures are read, checked and decoded through `images`, QR codes encoded.
std::vector<document::Block<document::TextRef>> parse_blocks(const YAML::Node& content, SchemaReader& reader,
                                                             images::ImageFiles& images);

}  // namespace leafpress::load
