#include "pdf/type0_font.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <vector>

#include "core/deflate.hpp"
#include "core/hash.hpp"
#include "pdf/cid_widths.hpp"
#include "pdf/compact_object.hpp"
#include "pdf/glyph_order.hpp"
#include "pdf/subset.hpp"
#include "pdf/to_unicode.hpp"

namespace leafpress::pdf {
namespace {

/// ISO 32000-1 §9.6.4: a subset font's name starts with six upper-case letters and '+'.
/// Derived from the glyph set so the same document always gets the same tag.
std::string subset_tag(const fonts::Face& face, const std::set<std::uint32_t>& glyphs) {
  core::Fingerprint fingerprint;
  fingerprint.add(face.postscript_name());
  // "12,34,…": the fingerprint of the whole is that of its pieces added one by one.
  std::string numbers;
  numbers.reserve(6 * glyphs.size());
  for (const std::uint32_t glyph : glyphs) {
    char digits[16];
    numbers.append(digits, std::to_chars(digits, digits + sizeof digits, glyph).ptr);
    numbers += ',';
  }
  fingerprint.add(numbers);
  const auto digest = fingerprint.digest();
  std::string tag;
  for (int i = 0; i < 6; ++i) tag += static_cast<char>('A' + digest[i] % 26);
  return tag + "+";
}

int per_mille(int font_units, int units_per_em) {
  return static_cast<int>(std::lround(font_units * 1000.0 / units_per_em));
}

HPDF_Dict font_descriptor(HpdfDocument& pdf, const fonts::Face& face, const std::string& name,
                          HPDF_Dict font_file) {
  const fonts::FaceMetrics& m = face.metrics();
  HPDF_Dict descriptor = pdf.indirect_dict();
  pdf.check(HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor"), "write a font descriptor");
  pdf.check(HPDF_Dict_AddName(descriptor, "FontName", name.c_str()), "write a font descriptor");
  // §9.8.2 flags: 1 FixedPitch, 2 Serif, 6 Nonsymbolic, 7 Italic.
  int flags = 1 << 5;
  if (m.fixed_pitch) flags |= 1 << 0;
  if (m.serif) flags |= 1 << 1;
  if (m.italic) flags |= 1 << 6;
  pdf.check(HPDF_Dict_AddNumber(descriptor, "Flags", flags), "write a font descriptor");
  HPDF_Array bbox = pdf.array();
  for (const int v : m.bbox) pdf.check(HPDF_Array_AddNumber(bbox, per_mille(v, m.units_per_em)), "write a bbox");
  pdf.check(HPDF_Dict_Add(descriptor, "FontBBox", bbox), "write a font descriptor");
  pdf.check(HPDF_Dict_AddReal(descriptor, "ItalicAngle", static_cast<HPDF_REAL>(m.italic_angle)), "write a font descriptor");
  pdf.check(HPDF_Dict_AddNumber(descriptor, "Ascent", per_mille(m.ascender, m.units_per_em)), "write a font descriptor");
  pdf.check(HPDF_Dict_AddNumber(descriptor, "Descent", per_mille(m.descender, m.units_per_em)), "write a font descriptor");
  pdf.check(HPDF_Dict_AddNumber(descriptor, "CapHeight", per_mille(m.cap_height, m.units_per_em)), "write a font descriptor");
  // StemV is required but unknown for most OpenType fonts; this is the common estimate.
  pdf.check(HPDF_Dict_AddNumber(descriptor, "StemV", m.bold ? 120 : 80), "write a font descriptor");
  pdf.check(HPDF_Dict_Add(descriptor, face.is_cff() ? "FontFile3" : "FontFile2", font_file), "write a font descriptor");
  return descriptor;
}

/// §9.7.4.3: /W, "[first [w w …] first [w …] …]".
void write_widths(CompactTokens& tokens, const std::map<std::uint16_t, int>& width_of_code) {
  tokens.open_array();
  for (const WidthRun& run : group_cid_widths(width_of_code)) {
    tokens.integer(run.first);
    tokens.open_array();
    for (const int width : run.widths) tokens.integer(width);
    tokens.close_array();
  }
  tokens.close_array();
}

/// §9.7.4.2: the glyph of each code, two bytes per code, from code 0 to the last one.
HPDF_Dict cid_to_gid_map(HpdfDocument& pdf, const std::map<std::uint16_t, std::uint16_t>& glyph_of_code) {
  std::string bytes;
  for (std::uint32_t code = 0; code <= glyph_of_code.rbegin()->first; ++code) {
    const auto found = glyph_of_code.find(static_cast<std::uint16_t>(code));
    const std::uint32_t glyph = found == glyph_of_code.end() ? 0 : found->second;
    bytes += static_cast<char>(glyph >> 8);
    bytes += static_cast<char>(glyph & 0xFF);
  }
  return pdf.stream(bytes);
}

/// The CIDFont (§9.7.4), written token by token: its /W array is a number a code. §9.7.4.1,
/// Table 116: the registry, ordering and supplement of a font's CIDs; a CID-keyed CFF
/// program says its own (its ROS operator), identity serves every other program.
void* cid_font(HpdfDocument& pdf, const fonts::Face& face, const std::string& name, HPDF_Dict descriptor,
               const std::map<std::uint16_t, int>& width_of_code,
               const std::optional<std::map<std::uint16_t, std::uint16_t>>& glyph_of_code) {
  void* font = pdf.written_object();
  std::string bytes;
  bytes.reserve(256 + 6 * width_of_code.size());
  CompactTokens tokens(bytes);
  tokens.open_dict();
  tokens.name("Type");
  tokens.name("Font");
  tokens.name("Subtype");
  tokens.name(face.is_cff() ? "CIDFontType0" : "CIDFontType2");
  tokens.name("BaseFont");
  tokens.name(name.c_str());
  tokens.name("CIDSystemInfo");
  tokens.open_dict();
  tokens.name("Registry");
  tokens.token("(Adobe)");
  tokens.name("Ordering");
  tokens.token("(Identity)");
  tokens.name("Supplement");
  tokens.integer(0);
  tokens.close_dict();
  tokens.name("FontDescriptor");
  tokens.reference(descriptor);
  tokens.name("DW");
  tokens.integer(0);
  tokens.name("W");
  write_widths(tokens, width_of_code);
  if (glyph_of_code && glyph_of_code->empty()) {
    tokens.name("CIDToGIDMap");
    tokens.name("Identity");
  } else if (glyph_of_code) {
    tokens.name("CIDToGIDMap");
    tokens.reference(cid_to_gid_map(pdf, *glyph_of_code));
  }
  tokens.close_dict();
  pdf.set_written(font, std::move(bytes));
  return font;
}

/// The program for `encoder`'s codes: the face subset to `glyphs`; a TrueType program with
/// its glyphs put in code order (a placed code's glyph a composite of its glyph moved), or,
/// when it cannot be reordered, as it is with `glyph_of_code` set to the subset's glyph of
/// each code, for a /CIDToGIDMap stream. Throws FontSubsetError as embed_type0_font does.
std::string make_program(const FontEncoder& encoder, const std::set<std::uint32_t>& glyphs,
                         std::map<std::uint16_t, std::uint16_t>& glyph_of_code) {
  const fonts::Face& face = encoder.face();
  // A name-keyed CFF program is reached by glyph id, so its subset keeps the face's ids.
  const bool keep_ids = face.is_cff() && !face.is_cid_keyed();
  auto subset = subset_face(face, glyphs, keep_ids);
  if (!subset) throw FontSubsetError(face.path().string());
  if (face.is_cff()) return std::move(face.is_cid_keyed() ? subset->cff_table : subset->font_program);
  std::map<std::uint16_t, GlyphPlacement> placement_of_code;
  bool moves_marks = false;  // some code's glyph carries an offset
  for (const auto& [code, meaning] : encoder.codes()) {
    glyph_of_code[code] = subset->new_glyph_of.at(meaning.glyph);
    if (meaning.offset != GlyphOffset{}) {
      placement_of_code[code] = {static_cast<std::int16_t>(meaning.offset.dx), static_cast<std::int16_t>(meaning.offset.dy),
                                 meaning.width != 0};
      moves_marks = true;
    } else if (meaning.width == 0 && face.advance(meaning.glyph) != 0) {
      // A code of width 0 showing a glyph that advances (a ZWNJ drawn with the space glyph)
      // shows a composite of it that advances by nothing, so that the program's advance is
      // the code's /W width (PDF/UA-1 7.21.5).
      placement_of_code[code] = {0, 0, false};
    }
  }
  // A TrueType program whose glyph i is the glyph of code i needs no /CIDToGIDMap stream
  // (an empty map says /Identity): about 130 bytes a font. A placed code's glyph is a
  // composite the reordering writes.
  if (!glyph_of_code.empty()) {
    std::vector<ProgramGlyph> order(glyph_of_code.rbegin()->first + std::size_t{1});
    for (const auto& [code, glyph] : glyph_of_code) order[code].glyph = glyph;
    for (const auto& [code, placement] : placement_of_code) order[code].placement = placement;
    if (auto reordered = reorder_glyphs(subset->font_program, order)) {
      glyph_of_code.clear();
      return std::move(*reordered);
    }
    if (moves_marks) throw FontSubsetError(face.path().string());  // its placed marks would show unplaced
  }
  return std::move(subset->font_program);
}

/// The font program as the descriptor embeds it (§9.9): a TrueType program in /FontFile2;
/// a CID-keyed CFF program bare, as /CIDFontType0C, so that readers look its CIDs up in its
/// charset; any other CFF program in its OpenType wrapper, its codes being glyph ids.
HPDF_Dict font_program(HpdfDocument& pdf, const fonts::Face& face, DeflatedProgram program) {
  const std::size_t size = program.size;
  HPDF_Dict stream = pdf.deflated_stream(std::move(program.deflated));
  if (face.is_cid_keyed()) {
    pdf.check(HPDF_Dict_AddName(stream, "Subtype", "CIDFontType0C"), "write a font program");
  } else if (face.is_cff()) {
    pdf.check(HPDF_Dict_AddName(stream, "Subtype", "OpenType"), "write a font program");
  } else {
    pdf.check(HPDF_Dict_AddNumber(stream, "Length1", static_cast<HPDF_INT32>(size)), "write a font program");
  }
  return stream;
}

/// What the embedded program is made from, besides the face: each code's glyph and how it is
/// placed, one code a line ("code glyph width dx dy").
std::string program_key(const FontEncoder& encoder) {
  std::string key = encoder.face().is_cff() ? "cff\n" : "glyf\n";
  // std::to_string's digits, written in place rather than through a string each.
  const auto append = [&key](auto value, char after) {
    char digits[24];
    key.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
    key += after;
  };
  for (const auto& [code, meaning] : encoder.codes()) {
    append(code, ' ');
    append(meaning.glyph, ' ');
    append(meaning.width, ' ');
    append(meaning.offset.dx, ' ');
    append(meaning.offset.dy, '\n');
  }
  return key;
}

}  // namespace

void embed_type0_font(HpdfDocument& pdf, HPDF_Dict font, const FontEncoder& encoder, const FontProgramCache* cache) {
  const fonts::Face& face = encoder.face();
  const std::set<std::uint32_t> glyphs = encoder.glyphs();
  std::map<std::uint16_t, int> width_of_code;
  std::map<std::uint16_t, std::string> text_of_code;
  for (const auto& [code, meaning] : encoder.codes()) {
    width_of_code[code] = encoder.width(code);
    text_of_code[code] = meaning.text;
  }
  // Empty: /CIDToGIDMap /Identity (or none, for CFF), which every cached program has.
  std::map<std::uint16_t, std::uint16_t> glyph_of_code;
  const std::string key = cache ? program_key(encoder) : std::string();
  std::optional<DeflatedProgram> program = cache ? cache->find(face, key) : std::nullopt;
  if (!program) {
    auto made = make_program(encoder, glyphs, glyph_of_code);
    program = DeflatedProgram{core::Deflater().compressed(made), made.size()};
    if (cache && (face.is_cff() || glyph_of_code.empty())) cache->store(face, key, *program);
  }
  const std::string name = subset_tag(face, glyphs) + face.postscript_name();
  HPDF_Dict descriptor = font_descriptor(pdf, face, name, font_program(pdf, face, std::move(*program)));
  void* descendant =
      cid_font(pdf, face, name, descriptor, width_of_code,
               face.is_cff() ? std::optional<std::map<std::uint16_t, std::uint16_t>>{} : std::optional(glyph_of_code));

  pdf.check(HPDF_Dict_AddName(font, "Type", "Font"), "write a Type0 font");
  pdf.check(HPDF_Dict_AddName(font, "Subtype", "Type0"), "write a Type0 font");
  pdf.check(HPDF_Dict_AddName(font, "BaseFont", name.c_str()), "write a Type0 font");
  pdf.check(HPDF_Dict_AddName(font, "Encoding", "Identity-H"), "write a Type0 font");
  HPDF_Array descendants = pdf.array();
  pdf.check(HPDF_Array_Add(descendants, descendant), "write a Type0 font");
  pdf.check(HPDF_Dict_Add(font, "DescendantFonts", descendants), "write a Type0 font");
  pdf.check(HPDF_Dict_Add(font, "ToUnicode", pdf.stream(to_unicode_cmap(text_of_code))), "write a Type0 font");
}

}  // namespace leafpress::pdf
