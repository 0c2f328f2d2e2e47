#include "fonts/face.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include FT_CID_H

#include <hb-ot.h>

#include <optional>

#include "core/c_handle.hpp"
#include "core/file_identity.hpp"
#include "fonts/freetype_facts.hpp"

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

/// The names and metrics FreeType reads of `face`.
FreeTypeFacts facts_of(FT_Face face) {
  FreeTypeFacts facts;
  facts.family = face->family_name ? face->family_name : "";
  facts.style_name = face->style_name ? face->style_name : "";
  facts.postscript_name = sanitize_name(FT_Get_Postscript_Name(face), facts.family + "-" + facts.style_name);
  read_metrics(face, facts.metrics);
  // With neither class nor PANOSE set, the family's own name is the best evidence left.
  if (!facts.metrics.serif && facts.family.find("Serif") != std::string::npos &&
      facts.family.find("Sans") == std::string::npos) {
    facts.metrics.serif = true;
  }
  return facts;
}

std::uint32_t read_u32(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return (std::uint32_t{u[0]} << 24) | (std::uint32_t{u[1]} << 16) | (std::uint32_t{u[2]} << 8) | u[3];
}

std::uint16_t read_u16(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return static_cast<std::uint16_t>((u[0] << 8) | u[1]);
}

/// What is wrong with the table directory of face `index` in font file `data`, if anything:
/// FreeType reads tables lazily, so a truncated file can open and fail later, inside
/// shaping or subsetting. OpenType 1.9 "Organization of an OpenType font": an offset table
/// (sfnt version, numTables at +4) then 16-byte table records (tag, checksum, offset,
/// length); a collection ('ttcf') gives each face's offset table at 12 + 4 * index.
std::optional<std::string> directory_problem(const char* data, std::size_t size, int index) {
  const auto is_sfnt = [](std::uint32_t version) {
    return version == 0x00010000 || version == 0x4F54544F || version == 0x74727565;  // 1.0, 'OTTO', 'true'
  };
  const std::string not_a_font = "not an OpenType or TrueType font (no sfnt header)";
  if (size < 4) return not_a_font;
  std::size_t offset = 0;
  if (read_u32(data) == 0x74746366) {  // 'ttcf'
    const std::size_t entry = 12 + 4 * static_cast<std::size_t>(index);
    if (entry + 4 > size) return "truncated: the collection's header runs past the end of the file";
    offset = read_u32(data + entry);
  } else if (!is_sfnt(read_u32(data))) {
    return not_a_font;
  }
  if (offset + 12 > size) return "truncated: the table directory runs past the end of the file";
  if (!is_sfnt(read_u32(data + offset))) return not_a_font;
  const std::size_t tables = read_u16(data + offset + 4);
  if (offset + 12 + 16 * tables > size) return "truncated: the table directory runs past the end of the file";
  for (std::size_t i = 0; i < tables; ++i) {
    const char* record = data + offset + 12 + 16 * i;
    const std::uint64_t end = std::uint64_t{read_u32(record + 8)} + read_u32(record + 12);
    if (end > size) {
      return "truncated: its '" + std::string(record, 4) + "' table ends at byte " + std::to_string(end) +
             ", past the end of the file (" + std::to_string(size) + " bytes)";
    }
  }
  return std::nullopt;
}

/// Each glyph's CID when the face is CID-keyed CFF, read through FreeType's charset; empty
/// for any other face.
std::vector<std::uint16_t> cids_of_glyphs(FT_Face face) {
  FT_Bool cid_keyed = 0;
  if (FT_Get_CID_Is_Internally_CID_Keyed(face, &cid_keyed) != 0 || !cid_keyed) return {};
  std::vector<std::uint16_t> cids(static_cast<std::size_t>(face->num_glyphs));
  for (std::size_t glyph = 0; glyph < cids.size(); ++glyph) {
    FT_UInt cid = 0;
    if (FT_Get_CID_From_Glyph_Index(face, static_cast<FT_UInt>(glyph), &cid) != 0 || cid > 0xFFFF) return {};
    cids[glyph] = static_cast<std::uint16_t>(cid);
  }
  return cids;
}

bool has_table(hb_face_t* face, hb_tag_t tag) {
  const core::CHandle<hb_blob_t, hb_blob_destroy> table(hb_face_reference_table(face, tag));
  return hb_blob_get_length(table.get()) > 0;
}

/// Why a face has no outlines a PDF font can hold (TrueType 'glyf' or CFF), if so: colour
/// emoji fonts such as Noto Color Emoji draw only bitmaps (CBDT, sbix) or SVG documents,
/// which FreeType opens and HarfBuzz shapes, but which a viewer would show as nothing.
std::optional<std::string> outline_problem(hb_face_t* face, bool is_cff) {
  if (is_cff || has_table(face, HB_TAG('g', 'l', 'y', 'f'))) return std::nullopt;
  std::string kinds;
  for (const auto& [tag, name] : {std::pair{HB_TAG('C', 'B', 'D', 'T'), "colour bitmaps (CBDT)"},
                                  std::pair{HB_TAG('s', 'b', 'i', 'x'), "colour bitmaps (sbix)"},
                                  std::pair{HB_TAG('S', 'V', 'G', ' '), "SVG documents"},
                                  std::pair{HB_TAG('E', 'B', 'D', 'T'), "bitmaps (EBDT)"},
                                  std::pair{HB_TAG('C', 'F', 'F', '2'), "CFF2 outlines"}}) {
    if (has_table(face, tag)) kinds += std::string(kinds.empty() ? "" : " and ") + name;
  }
  if (kinds.empty()) return "it has no glyph outlines (neither a 'glyf' nor a 'CFF ' table)";
  return "its glyphs are " + kinds + ", not the TrueType or CFF outlines a PDF font holds";
}

}  // namespace

std::unique_ptr<Face> Face::try_open(const std::filesystem::path& path, int index, std::string& error) {
  // Taken before the bytes are read: a change after this gives another identity.
  std::optional<std::string> identity = core::settled_identity(path);
  core::CHandle<hb_blob_t, hb_blob_destroy> blob(hb_blob_create_from_file_or_fail(path.c_str()));
  if (!blob) {
    error = "cannot read the font file";
    return nullptr;
  }
  unsigned size = 0;
  const char* data = hb_blob_get_data(blob.get(), &size);
  if (auto problem = directory_problem(data, size, index)) {
    error = std::move(*problem);
    return nullptr;
  }
  // FreeType's facts of this face, kept by an earlier run that opened the same bytes, or read
  // by FreeType now (its library and face then live until the CIDs are read too).
  const auto kept = identity ? freetype_facts_file(*identity, index) : std::nullopt;
  std::optional<FreeTypeFacts> facts = kept ? read_freetype_facts(*kept) : std::nullopt;
  const bool facts_were_kept = facts.has_value();
  FtLibrary library;
  core::CHandle<hb_blob_t, hb_blob_destroy> bytes;
  FtFace ft_face;
  if (!facts) {
    FT_Library raw_library = nullptr;
    if (FT_Init_FreeType(&raw_library) != 0) {
      error = "FreeType could not start";
      return nullptr;
    }
    library.reset(raw_library);
    // FreeType reads the bytes HarfBuzz mapped: the file is opened and mapped once. They
    // outlive FreeType's face on every path (`bytes` is released after it).
    bytes.reset(hb_blob_reference(blob.get()));
    FT_Face raw_face = nullptr;
    if (FT_New_Memory_Face(library.get(), reinterpret_cast<const FT_Byte*>(data), static_cast<FT_Long>(size), index,
                           &raw_face) != 0) {
      error = "not a font file FreeType can read";
      return nullptr;
    }
    ft_face.reset(raw_face);
    if (FT_IS_SFNT(raw_face) && !FT_IS_SCALABLE(raw_face)) {
      const core::CHandle<hb_face_t, hb_face_destroy> bitmap_face(
          hb_face_create(blob.get(), static_cast<unsigned>(index)));
      error = outline_problem(bitmap_face.get(), false).value_or("an OpenType font without outlines");
      return nullptr;
    }
    if (!FT_IS_SFNT(raw_face) || raw_face->units_per_EM == 0) {
      error = "not an OpenType or TrueType font";
      return nullptr;
    }
    facts = facts_of(raw_face);
  }

  std::unique_ptr<Face> face(new Face());
  face->path_ = path;
  face->index_ = index;
  face->identity_ = std::move(identity);
  face->family_ = facts->family;
  face->style_name_ = facts->style_name;
  face->postscript_name_ = facts->postscript_name;
  face->metrics_ = facts->metrics;

  face->blob_ = std::move(blob);
  face->hb_face_.reset(hb_face_create(face->blob_.get(), static_cast<unsigned>(index)));
  if (hb_face_get_glyph_count(face->hb_face_.get()) == 0) {
    error = "HarfBuzz finds no glyphs in this font";
    return nullptr;
  }
  face->is_cff_ = has_table(face->hb_face_.get(), HB_TAG('C', 'F', 'F', ' '));
  if (auto problem = outline_problem(face->hb_face_.get(), face->is_cff_)) {
    error = std::move(*problem);
    return nullptr;
  }
  // Facts are kept only of faces that are not CID-keyed, whose CIDs FreeType reads each time.
  if (ft_face) face->cid_of_glyph_ = cids_of_glyphs(ft_face.get());
  face->hb_font_.reset(hb_font_create(face->hb_face_.get()));
  hb_ot_font_set_funcs(face->hb_font_.get());
  if (!facts_were_kept && kept && face->cid_of_glyph_.empty()) keep_freetype_facts(*kept, *facts);
  return face;
}

bool Face::covers(char32_t code_point) const {
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(hb_font_.get(), code_point, &glyph);
}

int Face::advance(std::uint32_t glyph) const { return hb_font_get_glyph_h_advance(hb_font_.get(), glyph); }

Face::Ink Face::ink(std::uint32_t glyph) const {
  hb_glyph_extents_t extents{};
  if (!hb_font_get_glyph_extents(hb_font_.get(), glyph, &extents)) return {};
  // y_bearing is the top of the ink, height its (negative) extent downwards.
  return {static_cast<int>(extents.y_bearing), static_cast<int>(-(extents.y_bearing + extents.height))};
}

std::uint32_t Face::nominal_glyph(char32_t code_point) const {
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(hb_font_.get(), code_point, &glyph) ? glyph : 0;
}

std::uint32_t Face::cid(std::uint32_t glyph) const {
  return glyph < cid_of_glyph_.size() ? cid_of_glyph_[glyph] : glyph;
}
}  // namespace leafpress::fonts
