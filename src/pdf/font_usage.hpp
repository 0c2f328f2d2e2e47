#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "fonts/face.hpp"
#include "layout/page.hpp"

namespace leafpress::pdf {

/// The glyphs a document draws with one face, and the text each glyph first stood for
/// when it was a cluster by itself.
struct FontUsage {
  std::set<std::uint32_t> glyphs;
  std::map<std::uint32_t, std::string> text_of_glyph;
};

/// The text an extractor should get for a cluster's characters. Extractors read
/// right-to-left text by glyph position and lay a glyph's characters out left to right over
/// its width (poppler), so a right-to-left cluster's characters are given in visual order:
/// the lam-alef glyph stands for "\u0627\u0644" and reads back as lam, alef.
std::string extraction_text(std::string_view text, bool rtl);

/// Bounds [first, last) of the cluster starting at glyph `first` of `run`.
std::size_t cluster_end(const text::GlyphRun& run, std::size_t first);

/// Usage of every face over all pages, in a stable order (by font file and face index).
std::map<const fonts::Face*, FontUsage> collect_font_usage(const layout::Pages& pages);

}  // namespace leafpress::pdf
