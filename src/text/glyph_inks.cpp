#include "text/glyph_inks.hpp"

namespace leafpress::text {

fonts::Face::Ink GlyphInks::of(const fonts::Face& face, std::uint32_t glyph) {
  auto& inks = inks_[&face];
  const auto [known, added] = inks.try_emplace(glyph);
  if (added) known->second = face.ink(glyph);
  return known->second;
}

}  // namespace leafpress::text
