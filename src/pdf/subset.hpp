#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "fonts/face.hpp"

namespace leafpress::pdf {

/// A font program cut down to the glyphs a document uses, and where each glyph went.
struct Subset {
  std::string font_program;
  std::string cff_table;  // the program's 'CFF ' table, for CFF faces
  std::map<std::uint32_t, std::uint16_t> new_glyph_of;  // original glyph id -> id in the subset
};

/// Subsets `face` to `glyphs` (plus .notdef) with hb-subset, dropping hinting and the
/// layout tables a PDF never reads; with `keep_ids`, glyphs keep their ids (the others
/// emptied). nullopt when HarfBuzz cannot subset the font.
std::optional<Subset> subset_face(const fonts::Face& face, const std::set<std::uint32_t>& glyphs, bool keep_ids = false);

}  // namespace leafpress::pdf
