#pragma once

#include <cstdint>

#include "fonts/face.hpp"
#include "pdf/font_encoder.hpp"
#include "pdf/font_program_cache.hpp"
#include "pdf/hpdf_document.hpp"

namespace leafpress::pdf {

/// Writes the Type0 font (ISO 32000-1 §9.7) whose codes `encoder` handed out into
/// `font`, the dictionary the pages already name: /Identity-H encoding, a CIDFontType2
/// (TrueType, the subset's glyphs put in code order, /CIDToGIDMap /Identity, a placed code's
/// glyph a composite of its glyph moved; a /CIDToGIDMap stream when the program cannot be
/// reordered) or CIDFontType0 (CFF, codes are CIDs) descendant, the program subset to the
/// glyphs shown, a /W array of the codes' advances and a /ToUnicode CMap of the codes'
/// texts. The program is taken from `cache` when it holds it, else made and stored there.
/// Throws FontSubsetError when the subset cannot be made, or cannot hold placed codes.
void embed_type0_font(HpdfDocument& pdf, HPDF_Dict font, const FontEncoder& encoder,
                      const FontProgramCache* cache = nullptr);

}  // namespace leafpress::pdf
