#pragma once

#include <cstdint>
#include <unordered_map>

#include "fonts/face.hpp"

namespace leafpress::text {

/// How far glyphs' ink reaches (fonts::Face::ink), read once per face and glyph for a whole
/// run: reading it loads the glyph's outline, and every paragraph asks again for the same
/// letters. Faces are known by address: they live as long as their registry, which outlives
/// the cache's owner.
class GlyphInks {
 public:
  /// `face.ink(glyph)`.
  fonts::Face::Ink of(const fonts::Face& face, std::uint32_t glyph);

 private:
  using Inks = std::unordered_map<std::uint32_t, fonts::Face::Ink>;
  std::unordered_map<const fonts::Face*, Inks> inks_;
  // The face asked about last and its inks: a run asks about one face glyph after glyph.
  const fonts::Face* last_face_ = nullptr;
  Inks* last_inks_ = nullptr;
};

}  // namespace leafpress::text
