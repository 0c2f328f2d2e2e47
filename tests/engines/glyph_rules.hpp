#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "engines/pdf_text_model.hpp"

// veraPDF's glyph rules of PDF/UA-1 (ISO 14289-1), applied to every code a content stream
// shows, whatever its rendering mode (7.21.5-1: in any mode but 3, which draws nothing):
//   7.21.5-1  a Type0 font's width of the code (/W, else /DW) is the advance of its glyph
//             in the embedded program, within 1/1000 em;
//   7.21.7-1  every code maps to Unicode: through the font's /ToUnicode CMap (a non-empty
//             value, not U+0000, U+FEFF or U+FFFE), or, for a simple font without one,
//             through a standard encoding (ISO 32000-1 §9.10.2);
//   7.21.8-1  the .notdef glyph (glyph 0) is never shown: a CIDFontType2 code is a CID
//             taken to a glyph by /CIDToGIDMap (Identity: the code is the glyph id); a
//             CIDFontType0 code is a CID taken to a glyph by the CFF program's charset
//             (ISO 32000-1 §9.7.4.2), read with FreeType; a CID the charset lacks, or a
//             glyph id past the program's glyphs, is .notdef.

namespace leafpress::engines {

struct GlyphRuleViolation {
  std::string rule;       // "7.21.5-1", "7.21.7-1" or "7.21.8-1"
  int page = 0;
  std::string font;       // BaseFont
  std::uint32_t code = 0;
  std::string detail;     // what is wrong, in words

  /// "7.21.8-1 page 1 font ABCDEF+NotoSans-Regular code <0000>: shows glyph 0 (.notdef)".
  std::string describe() const;
};

/// The glyph a CID-keyed font shows for `code`: its glyph id in the embedded program, 0
/// for .notdef. Throws when the program cannot be read.
unsigned glyph_of_code(const FontInfo& font, std::uint32_t code);

/// Every violation in `text`, each (font, code, rule) once, in the order first shown.
std::vector<GlyphRuleViolation> glyph_rule_violations(const PdfText& text);

/// read_pdf_text then glyph_rule_violations.
std::vector<GlyphRuleViolation> glyph_rule_violations(const std::filesystem::path& pdf);

}  // namespace leafpress::engines
