#include "text/glyph_inks.hpp"

namespace leafpress::text {

fonts::Face::Ink GlyphInks::of(const fonts::Face& face, std::uint32_t glyph) {
  if (&face != last_face_) {
    last_face_ = &face;
    last_inks_ = &inks_[&face];  // stays where it is: an unordered_map keeps its elements in place
  }
  const auto [known, added] = last_inks_->try_emplace(glyph);
  if (added) known->second = face.ink(glyph);
  return known->second;
}

}  // namespace leafpress::text
