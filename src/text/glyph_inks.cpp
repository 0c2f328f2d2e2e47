#include "text/glyph_inks.hpp"

#include <algorithm>

namespace leafpress::text {

fonts::Face::Ink GlyphInks::read(const fonts::Face& face, std::uint32_t glyph) {
  if (&face != last_face_) {
    last_face_ = &face;
    last_inks_ = &inks_[&face];  // stays where it is: an unordered_map keeps its elements in place
  }
  Inks& inks = *last_inks_;
  if (glyph >= kDense) {
    const auto [known, added] = inks.sparse.try_emplace(glyph);
    if (added) known->second = face.ink(glyph);
    return known->second;
  }
  if (glyph >= inks.dense.size()) {
    const std::size_t size = std::min<std::size_t>(kDense, std::max<std::size_t>(glyph + 1, 2 * inks.dense.size()));
    inks.dense.resize(size, fonts::Face::Ink{kUnread, kUnread});
  }
  fonts::Face::Ink& ink = inks.dense[glyph];
  if (ink.top == kUnread) ink = face.ink(glyph);
  return ink;
}

}  // namespace leafpress::text
