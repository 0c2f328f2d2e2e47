#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "fonts/face.hpp"
#include "layout/page.hpp"

namespace leafpress::pdf {

/// The glyphs a document draws with one face, and the text each glyph first stood for.
struct FontUsage {
  std::set<std::uint32_t> glyphs;
  std::map<std::uint32_t, std::string> text_of_glyph;
};

/// Usage of every face over all pages, in a stable order (by font file and face index).
std::map<const fonts::Face*, FontUsage> collect_font_usage(const layout::Pages& pages);

}  // namespace leafpress::pdf
