#include "text/shape_cache.hpp"

namespace leafpress::text {

const std::vector<ShapedGlyph>& ShapeCache::shape(const fonts::Face& face, std::string_view text, std::size_t begin,
                                                  std::size_t end, std::string_view language, std::string_view script,
                                                  bool rtl) {
  // The face by address (faces live as long as their registry, which outlives the cache's
  // owner), then everything that changes what HarfBuzz does.
  std::string key(reinterpret_cast<const char*>(&face), sizeof(&face));
  key += std::to_string(begin) + ',' + std::to_string(end) + ',' + (rtl ? 'r' : 'l');
  key.append(language).append(1, '\0').append(script).append(1, '\0').append(text);
  if (const auto found = entries_.find(key); found != entries_.end()) return found->second;
  if (glyphs_ > kMaxGlyphs) {
    entries_.clear();
    glyphs_ = 0;
  }
  auto glyphs = text::shape(face, text, begin, end, language, script, rtl);
  glyphs_ += glyphs.size();
  return entries_.emplace(std::move(key), std::move(glyphs)).first->second;
}

}  // namespace leafpress::text
