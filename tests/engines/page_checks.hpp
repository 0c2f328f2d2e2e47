#pragma once

#include <filesystem>
#include <string>
#include <vector>

// Checks of whole pages by the engines themselves: Ghostscript's drawing against poppler's,
// MuPDF's complaints, and the reading order poppler gives the structure tree.

namespace leafpress::engines {

/// How Ghostscript's drawing of a page differs from poppler's.
struct RenderDifference {
  std::size_t dark_poppler = 0;    // dark pixels in poppler's page
  std::size_t dark_ghostscript = 0;
  std::size_t unmatched = 0;       // dark pixels of either with no dark pixel of the other within 1 px
  /// unmatched / (dark_poppler + dark_ghostscript).
  double share() const;
};

/// Draws `page` of `pdf` at 100 dpi, black and white (no anti-aliasing, so no engine's
/// smoothing counts), with `gs -sDEVICE=pgmraw` and `pdftoppm -gray`, and counts the dark
/// pixels of each that the other has not within one pixel: empty, boxed or shifted glyphs
/// (gaps) show up, hinting differences of a pixel do not.
RenderDifference ghostscript_against_poppler(const std::filesystem::path& pdf, int page);

/// What `mutool draw -q -N` prints on standard error while drawing every page of `pdf` (empty
/// when MuPDF has nothing to complain about). -N turns colour management off: Debian's
/// MuPDF has none and would otherwise warn about that for every file.
std::string mutool_draw_warnings(const std::filesystem::path& pdf);

/// The text `pdfinfo -struct-text` reads from the structure tree, in the tree's order (the
/// quoted lines only). Throws when pdfinfo fails.
std::string poppler_structure_text(const std::filesystem::path& pdf, bool rtl);

/// Checks that a structure tree's text (poppler_structure_text, pdfjs_structure_text) reads
/// `paragraphs` in order: in its letters and digits (normalised as text_measure.hpp says), each paragraph's first 16
/// letters come after the previous paragraph's last 16, and its own last 16 after them.
/// Paragraphs shorter than 8 letters are skipped. Returns the first problem, empty when
/// there is none; `optional_missing` lets paragraphs absent from the tree pass (blocks a
/// format leaves out, artifacts such as the running header).
std::string structure_order_problem(const std::string& structure_text, const std::vector<std::string>& paragraphs,
                                    bool optional_missing);

}  // namespace leafpress::engines
