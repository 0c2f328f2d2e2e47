#pragma once

#include <cstdint>

#include "fonts/face.hpp"
#include "pdf/font_encoder.hpp"
#include "pdf/hpdf_document.hpp"

namespace leafpress::pdf {

/// Writes the Type0 font (ISO 32000-1 §9.7) whose codes `encoder` handed out into
/// `font`, the dictionary the pages already name: /Identity-H encoding, a CIDFontType2
/// (TrueType, codes mapped to the subset's glyphs by a /CIDToGIDMap stream) or CIDFontType0
/// (CFF, codes are CIDs) descendant, the program subset to the glyphs shown, a /W array of
/// the codes' advances and a /ToUnicode CMap of the codes' texts.
void embed_type0_font(HpdfDocument& pdf, HPDF_Dict font, const FontEncoder& encoder);

}  // namespace leafpress::pdf
