#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fonts/face.hpp"
#include "layout/page.hpp"

namespace leafpress::pdf {

/// One code point said by an invisible glyph, and the glyph's advance in 1/1000 em: its
/// share of the cluster's width, so the characters sit side by side over the glyphs.
struct InvisibleCharacter {
  std::string text;
  int width = 0;
  auto operator<=>(const InvisibleCharacter&) const = default;
};

/// The glyphs a document draws with one face, and the text each glyph first stood for
/// when it was a cluster by itself.
struct FontUsage {
  std::set<std::uint32_t> glyphs;
  std::map<std::uint32_t, std::string> text_of_glyph;
  /// Glyphs of clusters that say their text apart (see says_text_apart): drawn without text.
  std::set<std::uint32_t> silent_glyphs;
  /// The characters those clusters say through invisible glyphs, with their widths.
  std::set<InvisibleCharacter> invisible_characters;
};

/// Right-to-left text is drawn in reading order, so that tools reading a tagged PDF's
/// content in drawing order get its words in order. Extractors that go by position (poppler's
/// pdftotext) lay a glyph's characters out left to right and reverse right-to-left words:
/// a lam-alef glyph saying "lam alef" would read back as alef, lam. So a right-to-left
/// cluster that is more than one glyph for one character (a ligature, a base with marks) is
/// drawn silently and followed by invisible glyphs, one per character, placed from its right
/// edge leftwards. Faces whose glyphs cannot be given a second code (CFF) keep visual order.
bool says_text_apart(const text::GlyphRun& run, std::size_t first, std::size_t last);

/// The characters a cluster that says its text apart says, in reading order, each with its
/// share of the cluster's width; `right` gets the cluster's right edge (points from the
/// run's origin).
std::vector<InvisibleCharacter> invisible_characters(const text::GlyphRun& run, std::size_t first, std::size_t last,
                                                     double& right);

/// The text an extractor should get for a cluster drawn in visual order: a right-to-left
/// cluster's characters in visual order, as poppler lays them out.
std::string extraction_text(std::string_view text, bool rtl);

/// Whether a face's right-to-left runs are drawn in reading order (see says_text_apart).
bool draws_rtl_in_reading_order(const fonts::Face& face);

/// The code points of `text`, each as its own string.
std::vector<std::string> code_points(std::string_view text);

/// Bounds [first, last) of the cluster starting at glyph `first` of `run`.
std::size_t cluster_end(const text::GlyphRun& run, std::size_t first);

/// Bounds [first, last) of the unit of text starting at glyph `first`: its cluster, joined
/// in right-to-left text drawn in reading order by the cluster after it when it has no
/// width of its own. Some fonts make lam-alef of two glyphs, the alef with no advance over
/// the lam: extractors that go by position must get them as one piece.
std::size_t unit_end(const text::GlyphRun& run, std::size_t first);

/// The characters of glyphs [first, last) in reading order.
std::string unit_text(const text::GlyphRun& run, std::size_t first, std::size_t last);

/// Usage of every face over all pages, in a stable order (by font file and face index).
std::map<const fonts::Face*, FontUsage> collect_font_usage(const layout::Pages& pages);

}  // namespace leafpress::pdf
