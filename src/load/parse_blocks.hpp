#pragma once

#include <optional>
#include <vector>

#include "core/link_target.hpp"
#include "document/document.hpp"
#include "images/image_files.hpp"
#include "load/schema.hpp"

namespace leafpress::load {

/// The `content:` list of leaflet.yaml: one Block per item, each checked against its kind.
/// Figures' pictures are read, checked and decoded through `images`, QR codes encoded;
/// sources' addresses and QR codes' data must be links `links` allows.
std::vector<document::Block<document::TextRef>> parse_blocks(const YamlNode& content, SchemaReader& reader,
                                                             images::ImageFiles& images, const core::LinkPolicy& links);

}  // namespace leafpress::load
