#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leafpress::pdf {

/// Where a placed glyph of a reordered program stands: moved by (dx, dy) font units from the
/// pen, advancing it by its glyph's own advance or, without `advances`, by nothing.
struct GlyphPlacement {
  std::int16_t dx = 0;
  std::int16_t dy = 0;
  bool advances = true;
};

/// One glyph of a reordered program: glyph `glyph` of the program as it stands or, with a
/// `placement`, a composite glyph of one component, `glyph` moved by the placement's offset
/// (OpenType 'glyf': ARGS_ARE_XY_VALUES, not rounded to the grid), so that a code drawn at
/// the pen shows a mark where the shaper put it.
struct ProgramGlyph {
  std::uint16_t glyph = 0;
  std::optional<GlyphPlacement> placement = std::nullopt;
};

/// The TrueType program `program` (glyf, loca, hmtx, hhea, maxp and head; other tables are
/// copied) with its glyphs renumbered so that glyph i is `order[i]` of the program (a glyph
/// may appear more than once, placed or not), followed by the components composite and
/// placed glyphs need and that `order` leaves out, the composites pointing to their new ids;
/// maxp's composite limits and head's bounding box grow to hold the placed glyphs. With
/// order[code] the glyph of each code, a CIDFontType2 shows its codes through /CIDToGIDMap
/// /Identity (ISO 32000-1 §9.7.4.2), without a map stream. nullopt when the program is not
/// one this reads (no glyf, a table out of bounds, a glyph id out of range, composites
/// nested in a loop) or a placement moves a glyph out of 16-bit coordinates.
std::optional<std::string> reorder_glyphs(std::string_view program, const std::vector<ProgramGlyph>& order);

}  // namespace leafpress::pdf
