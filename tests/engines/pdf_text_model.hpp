#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

// Which glyph codes a PDF's content streams show, in which fonts, and what each font says
// of its codes: read from qpdf's JSON (qpdf --json=2, streams decoded), so no code of
// ours writes or reads PDF syntax on both sides of the test.

namespace leafpress::engines {

/// One font of the file as the glyph rules need it.
struct FontInfo {
  std::string object;          // "10 0 R"
  std::string base_font;       // "ABCDEF+NotoSans-Regular"
  std::string subtype;         // "Type0", "TrueType", "Type1", ...
  std::string descendant;      // "CIDFontType2" or "CIDFontType0" for a Type0 font
  std::string encoding;        // "Identity-H", "WinAnsiEncoding", "(dict)", ...
  bool has_to_unicode = false;
  std::map<std::uint32_t, std::u16string> to_unicode;  // code -> UTF-16 text
  bool cid_to_gid_identity = true;   // CIDFontType2: /CIDToGIDMap /Identity (or absent)
  std::vector<std::uint16_t> cid_to_gid;  // CIDFontType2: the /CIDToGIDMap stream
  std::string font_program;            // FontFile2 / FontFile3 bytes, decoded
  std::string font_program_subtype;    // FontFile3's /Subtype ("OpenType", "CIDFontType0C")
  int bytes_per_code = 1;              // 2 for Identity-H / Identity-V
  std::map<std::uint32_t, double> widths;  // Type0: each code's /W width, in 1/1000 em
  double default_width = 1000;             // Type0: /DW
};

/// One code shown by a text-showing operator (Tj, TJ, ', ").
struct ShownCode {
  int page = 0;              // 1-based
  std::string font;          // FontInfo::object
  std::uint32_t code = 0;
  int render_mode = 0;       // Tr; 3 is invisible
  int mcid = -1;             // innermost marked-content id, -1 outside any
  bool artifact = false;     // inside /Artifact marked content
  std::size_t show = 0;      // which operator showed it, counted through the document
};

/// The fonts and shown codes of a whole file (pages, and the form XObjects they draw).
struct PdfText {
  std::map<std::string, FontInfo> fonts;  // by FontInfo::object
  std::vector<ShownCode> shown;
};

/// Reads `pdf` through `qpdf --json=2`; throws when qpdf fails or the file uses a content
/// construct the reader does not know.
PdfText read_pdf_text(const std::filesystem::path& pdf);

/// The tokens of a ToUnicode CMap's bfchar and bfrange sections (ISO 32000-1 §9.10.3):
/// code -> UTF-16 text.
std::map<std::uint32_t, std::u16string> parse_to_unicode(const std::string& cmap);

}  // namespace leafpress::engines
