#include "pdf/font_usage.hpp"

namespace leafpress::pdf {

std::map<const fonts::Face*, FontUsage> collect_font_usage(const layout::Pages& pages) {
  std::map<const fonts::Face*, FontUsage> usage;
  for (const layout::Page& page : pages.pages) {
    for (const layout::Item& item : page.items) {
      const auto* glyphs = std::get_if<layout::GlyphItem>(&item);
      if (!glyphs) continue;
      FontUsage& face_usage = usage[glyphs->run.face];
      for (const text::PlacedGlyph& glyph : glyphs->run.glyphs) {
        face_usage.glyphs.insert(glyph.id);
        if (!glyph.text.empty()) face_usage.text_of_glyph.emplace(glyph.id, glyph.text);
      }
    }
  }
  return usage;
}

}  // namespace leafpress::pdf
