#pragma once

#include <filesystem>
#include <string>

// The glyphs of one sample line (the title, the first marked content on page 1) against
// HarfBuzz's own command-line shaper, hb-shape, on the installed font.

namespace leafpress::engines {

struct SampleLineCheck {
  bool same = false;
  std::string font;    // the installed font's file
  std::string ours;    // the glyph ids drawn, as ids of the installed font: "[12|45|46]"
  std::string hb;      // hb-shape's glyph ids
  std::string detail;  // why they differ, empty when they agree
};

/// Shapes `text` (the title's source string) with hb-shape (--language `language`) on the
/// installed font whose PostScript name the PDF's title font carries (found with fc-list),
/// and compares the glyphs with those the title's visible codes draw in `pdf`. The subset
/// renumbers glyphs and keeps no names, so each drawn glyph is matched to hb-shape's by its
/// outline (FreeType, font units, unhinted); glyphs without outlines (spaces) match each
/// other. A drawn glyph no outline matches that is a composite of one glyph at an offset (a
/// mark drawn at its pen, moved where the shaper put it) matches as that glyph, and only
/// where hb-shape gives it that same offset. Glyphs are compared in the content stream's
/// order, or reversed (a right-to-left run may be written either way).
SampleLineCheck check_sample_line(const std::filesystem::path& pdf, const std::string& language, const std::string& text);

}  // namespace leafpress::engines
