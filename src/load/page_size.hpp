#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "document/theme.hpp"

namespace leafpress::load {

/// The smallest and largest side a page may have, in millimetres: a business card, and
/// A0's long side with room to spare.
inline constexpr double kSmallestSideMm = 50;
inline constexpr double kLargestSideMm = 1500;

/// A page size as leaflet.yaml names it: an ISO 216 A or B size ("A3", "B5"), "Letter",
/// "Legal", "Tabloid", "DL" (99 x 210 mm, a third of A4), or "W x H mm" ("100 x 210 mm",
/// also "in" and "pt"); any of them followed by "portrait" or "landscape". Named sizes are
/// portrait unless "landscape" follows; a custom size is as written. nullopt when the text
/// is none of these or a side is outside [kSmallestSideMm, kLargestSideMm].
std::optional<document::PageSize> try_parse_page_size(std::string_view text);

/// The names try_parse_page_size knows, for hints: "A0–A10, B0–B10, Letter, ...".
std::string page_size_names();

}  // namespace leafpress::load
