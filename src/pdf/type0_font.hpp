#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "fonts/face.hpp"
#include "pdf/font_usage.hpp"
#include "pdf/hpdf_document.hpp"

namespace leafpress::pdf {

/// A face embedded as a Type0 font: where to refer to it, and how to encode its glyphs.
struct EmbeddedFont {
  HPDF_Dict font = nullptr;
  std::map<std::uint32_t, std::uint16_t> code_of_glyph;   // original glyph id -> CID
  std::map<std::uint16_t, std::string> text_of_code;      // what /ToUnicode says of each CID
  std::map<std::uint16_t, int> width_of_code;             // the /W array, 1/1000 em
  /// Second codes for glyphs drawn without text, and codes of invisible glyphs each saying
  /// one character (see says_text_apart in font_usage.hpp).
  std::map<std::uint32_t, std::uint16_t> silent_code_of_glyph;
  std::map<InvisibleCharacter, std::uint16_t> code_of_invisible;
};

/// Embeds `face` as a Type0 font (ISO 32000-1 §9.7): /Identity-H encoding, a CIDFontType2
/// (TrueType) or CIDFontType0 (CFF) descendant with /CIDToGIDMap /Identity, its program
/// subset to the used glyphs, a /W array of the glyph advances and a /ToUnicode CMap.
/// Codes past the subset's glyphs (silent and invisible ones) are mapped to their glyphs by
/// a /CIDToGIDMap stream.
EmbeddedFont embed_type0_font(HpdfDocument& pdf, const fonts::Face& face, const FontUsage& usage);

}  // namespace leafpress::pdf
