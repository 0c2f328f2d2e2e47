#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leafpress::pdf {

/// The TrueType program `program` (glyf, loca, hmtx, hhea, maxp and head; other tables are
/// copied) with its glyphs renumbered so that glyph i is `order[i]` of the program (a glyph
/// may appear more than once), followed by the components composite glyphs need and that
/// `order` leaves out, the composites pointing to their new ids. With order[code] the glyph
/// of each code, a CIDFontType2 shows its codes through /CIDToGIDMap /Identity (ISO 32000-1
/// §9.7.4.2), without a map stream. nullopt when the program is not one this reads (no glyf,
/// a table out of bounds, a glyph id out of range).
std::optional<std::string> reorder_glyphs(std::string_view program, const std::vector<std::uint16_t>& order);

}  // namespace leafpress::pdf
