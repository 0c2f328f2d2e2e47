#include "engines/font_program.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include FT_OUTLINE_H

#include <stdexcept>

namespace leafpress::engines {

struct FontProgram::Impl {
  std::string bytes;
  FT_Library library = nullptr;
  FT_Face face = nullptr;
  bool cid_keyed = false;
  std::map<std::uint32_t, unsigned> glyph_of_cid;
};

FontProgram::FontProgram(std::string bytes, long face_index) : impl_(std::make_unique<Impl>()) {
  impl_->bytes = std::move(bytes);
  if (FT_Init_FreeType(&impl_->library) != 0) throw std::runtime_error("FreeType does not start");
  if (FT_New_Memory_Face(impl_->library, reinterpret_cast<const FT_Byte*>(impl_->bytes.data()),
                         static_cast<FT_Long>(impl_->bytes.size()), face_index, &impl_->face) != 0) {
    FT_Done_FreeType(impl_->library);
    impl_->library = nullptr;
    throw std::runtime_error("FreeType cannot open the font program");
  }
  FT_Bool is_cid = 0;
  if (FT_Get_CID_Is_Internally_CID_Keyed(impl_->face, &is_cid) == 0 && is_cid) {
    impl_->cid_keyed = true;
    for (FT_Long glyph = 0; glyph < impl_->face->num_glyphs; ++glyph) {
      FT_UInt cid = 0;
      if (FT_Get_CID_From_Glyph_Index(impl_->face, static_cast<FT_UInt>(glyph), &cid) == 0) {
        impl_->glyph_of_cid.emplace(cid, static_cast<unsigned>(glyph));
      }
    }
  }
}

FontProgram::~FontProgram() {
  if (impl_->face) FT_Done_Face(impl_->face);
  if (impl_->library) FT_Done_FreeType(impl_->library);
}

unsigned FontProgram::glyph_count() const { return static_cast<unsigned>(impl_->face->num_glyphs); }

bool FontProgram::cid_keyed() const { return impl_->cid_keyed; }

unsigned FontProgram::glyph_of_cid(std::uint32_t cid) const {
  if (!impl_->cid_keyed) return cid < glyph_count() ? cid : 0;  // ISO 32000-1 §9.7.4.2
  const auto found = impl_->glyph_of_cid.find(cid);
  return found == impl_->glyph_of_cid.end() ? 0 : found->second;
}

void FontProgram::load(unsigned glyph) const {
  // A pure CID-keyed CFF program is indexed by CID in FreeType; glyph ids are wanted here.
  unsigned index = glyph;
  if (impl_->cid_keyed && !FT_IS_SFNT(impl_->face)) {
    FT_UInt cid = 0;
    if (FT_Get_CID_From_Glyph_Index(impl_->face, glyph, &cid) != 0) throw std::runtime_error("no CID for glyph " + std::to_string(glyph));
    index = cid;
  }
  if (FT_Load_Glyph(impl_->face, index, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) != 0) {
    throw std::runtime_error("FreeType cannot load glyph " + std::to_string(glyph));
  }
}

double FontProgram::advance(unsigned glyph) const {
  load(glyph);
  return static_cast<double>(impl_->face->glyph->metrics.horiAdvance) * 1000.0 / impl_->face->units_per_EM;
}

Outline FontProgram::outline(unsigned glyph) const {
  load(glyph);
  const FT_Outline& o = impl_->face->glyph->outline;
  Outline out;
  for (int i = 0; i < o.n_points; ++i) {
    out.points.push_back(o.points[i].x);
    out.points.push_back(o.points[i].y);
    out.on_curve.push_back(static_cast<char>(o.tags[i] & 1));
  }
  for (int i = 0; i < o.n_contours; ++i) out.contour_ends.push_back(o.contours[i]);
  return out;
}

std::optional<SoleComponent> FontProgram::sole_component(unsigned glyph) const {
  if (FT_Load_Glyph(impl_->face, glyph, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP | FT_LOAD_NO_RECURSE) != 0) {
    throw std::runtime_error("FreeType cannot load glyph " + std::to_string(glyph));
  }
  const FT_GlyphSlot slot = impl_->face->glyph;
  if (slot->format != FT_GLYPH_FORMAT_COMPOSITE || slot->num_subglyphs != 1) return std::nullopt;
  FT_Int index = 0, dx = 0, dy = 0;
  FT_UInt flags = 0;
  FT_Matrix matrix{};
  if (FT_Get_SubGlyph_Info(slot, 0, &index, &flags, &dx, &dy, &matrix) != 0) return std::nullopt;
  const FT_UInt scaled = FT_SUBGLYPH_FLAG_SCALE | FT_SUBGLYPH_FLAG_XY_SCALE | FT_SUBGLYPH_FLAG_2X2;
  if (!(flags & FT_SUBGLYPH_FLAG_ARGS_ARE_XY_VALUES) || (flags & FT_SUBGLYPH_FLAG_ROUND_XY_TO_GRID) || (flags & scaled)) {
    return std::nullopt;
  }
  return SoleComponent{static_cast<unsigned>(index), dx, dy};
}

}  // namespace leafpress::engines
