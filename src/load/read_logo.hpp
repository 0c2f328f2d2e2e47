#pragma once

#include <optional>

#include "document/blocks.hpp"
#include "document/document.hpp"
#include "images/image_files.hpp"
#include "load/schema.hpp"

namespace leafpress::load {

/// `theme: logo:`, a map {file, alt, width, every_page}, or just the file's path for a logo
/// that is decoration only. The picture is read through `images` (PNG or JPEG); an SVG or
/// PDF logo is refused with a hint to export it as PNG. nullopt after reporting.
std::optional<document::Logo<document::TextRef>> read_logo(const YamlNode& node, SchemaReader& reader,
                                                           images::ImageFiles& images);

}  // namespace leafpress::load
