#include "fonts/face.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include <hb-ot.h>

#include "core/c_handle.hpp"

namespace leafpress::fonts {
namespace {

using FtLibrary = core::CHandle<FT_LibraryRec_, FT_Done_FreeType>;
using FtFace = core::CHandle<FT_FaceRec_, FT_Done_Face>;

/// PDF names allow any byte but are safest as printable ASCII without delimiters.
std::string sanitize_name(const char* name, const std::string& fallback) {
  std::string out;
  for (const char* p = name ? name : ""; *p; ++p) {
    const char c = *p;
    if (c > 32 && c < 127 && std::string_view("()<>[]{}/%#").find(c) == std::string_view::npos) out += c;
  }
  if (out.empty()) {
    for (const char c : fallback) out += (c == ' ' ? '-' : c);
  }
  return out.substr(0, 100);
}

void read_metrics(FT_Face face, FaceMetrics& m) {
  m.units_per_em = face->units_per_EM;
  m.ascender = face->ascender;
  m.descender = face->descender;
  m.line_gap = face->height - face->ascender + face->descender;
  m.bbox = {static_cast<int>(face->bbox.xMin), static_cast<int>(face->bbox.yMin), static_cast<int>(face->bbox.xMax),
            static_cast<int>(face->bbox.yMax)};
  m.fixed_pitch = FT_IS_FIXED_WIDTH(face);
  m.italic = (face->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
  m.bold = (face->style_flags & FT_STYLE_FLAG_BOLD) != 0;
  m.cap_height = m.ascender * 7 / 10;
  if (const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2))) {
    if (os2->version >= 2 && os2->sCapHeight > 0) m.cap_height = os2->sCapHeight;
    // OpenType OS/2 sFamilyClass: classes 1-5 and 7 are serif designs.
    const int family_class = os2->sFamilyClass >> 8;
    m.serif = (family_class >= 1 && family_class <= 5) || family_class == 7;
    // Many fonts (Noto among them) leave the class at 0; PANOSE bSerifStyle 2-10 are serifs,
    // 11-13 sans serifs, for Latin text faces (bFamilyType 2).
    if (family_class == 0 && os2->panose[0] == 2 && os2->panose[1] >= 2) m.serif = os2->panose[1] <= 10;
    if (os2->sTypoAscender != 0 && (os2->fsSelection & (1 << 7))) {  // USE_TYPO_METRICS
      m.ascender = os2->sTypoAscender;
      m.descender = os2->sTypoDescender;
      m.line_gap = os2->sTypoLineGap;
    }
  }
  if (const auto* post = static_cast<const TT_Postscript*>(FT_Get_Sfnt_Table(face, FT_SFNT_POST))) {
    m.italic_angle = static_cast<double>(post->italicAngle) / 65536.0;
  }
}

}  // namespace

std::unique_ptr<Face> Face::try_open(const std::filesystem::path& path, int index, std::string& error) {
  FT_Library raw_library = nullptr;
  if (FT_Init_FreeType(&raw_library) != 0) {
    error = "FreeType could not start";
    return nullptr;
  }
  FtLibrary library(raw_library);
  FT_Face raw_face = nullptr;
  if (FT_New_Face(library.get(), path.c_str(), index, &raw_face) != 0) {
    error = "not a font file FreeType can read";
    return nullptr;
  }
  FtFace ft_face(raw_face);
  if (!FT_IS_SFNT(raw_face) || !FT_IS_SCALABLE(raw_face) || raw_face->units_per_EM == 0) {
    error = "not an OpenType or TrueType font";
    return nullptr;
  }

  std::unique_ptr<Face> face(new Face());
  face->path_ = path;
  face->index_ = index;
  face->family_ = raw_face->family_name ? raw_face->family_name : "";
  face->style_name_ = raw_face->style_name ? raw_face->style_name : "";
  face->postscript_name_ = sanitize_name(FT_Get_Postscript_Name(raw_face), face->family_ + "-" + face->style_name_);
  read_metrics(raw_face, face->metrics_);
  // With neither class nor PANOSE set, the family's own name is the best evidence left.
  if (!face->metrics_.serif && face->family_.find("Serif") != std::string::npos &&
      face->family_.find("Sans") == std::string::npos) {
    face->metrics_.serif = true;
  }

  face->blob_.reset(hb_blob_create_from_file_or_fail(path.c_str()));
  if (!face->blob_) {
    error = "cannot read the font file";
    return nullptr;
  }
  face->hb_face_.reset(hb_face_create(face->blob_.get(), static_cast<unsigned>(index)));
  if (hb_face_get_glyph_count(face->hb_face_.get()) == 0) {
    error = "HarfBuzz finds no glyphs in this font";
    return nullptr;
  }
  const core::CHandle<hb_blob_t, hb_blob_destroy> cff(
      hb_face_reference_table(face->hb_face_.get(), HB_TAG('C', 'F', 'F', ' ')));
  face->is_cff_ = hb_blob_get_length(cff.get()) > 0;
  face->hb_font_.reset(hb_font_create(face->hb_face_.get()));
  hb_ot_font_set_funcs(face->hb_font_.get());
  return face;
}

bool Face::covers(char32_t code_point) const {
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(hb_font_.get(), code_point, &glyph);
}

int Face::advance(std::uint32_t glyph) const { return hb_font_get_glyph_h_advance(hb_font_.get(), glyph); }

}  // namespace leafpress::fonts
