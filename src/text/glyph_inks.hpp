#pragma once

#include <cstdint>
#include <limits>
#include <unordered_map>
#include <vector>

#include "fonts/face.hpp"

namespace leafpress::text {

/// How far glyphs' ink reaches (fonts::Face::ink), read once per face and glyph for a whole
/// run: reading it loads the glyph's outline, and every paragraph asks again for the same
/// letters. Faces are known by address: they live as long as their registry, which outlives
/// the cache's owner.
class GlyphInks {
 public:
  /// `face.ink(glyph)`.
  fonts::Face::Ink of(const fonts::Face& face, std::uint32_t glyph) {
    if (&face == last_face_ && glyph < last_inks_->dense.size()) {
      const fonts::Face::Ink ink = last_inks_->dense[glyph];
      if (ink.top != kUnread) return ink;
    }
    return read(face, glyph);
  }

 private:
  /// A glyph's ink not read yet (no glyph's ink reaches so far; were one's to, it would only
  /// be read again).
  static constexpr int kUnread = std::numeric_limits<int>::min();
  /// Glyphs below kDense (every glyph of most Latin, Greek and Cyrillic faces) are found by
  /// index, the others by hash.
  static constexpr std::uint32_t kDense = 8192;
  struct Inks {
    std::vector<fonts::Face::Ink> dense;  // kUnread where not read yet
    std::unordered_map<std::uint32_t, fonts::Face::Ink> sparse;
  };
  /// of(), when `face` is not the last one asked about or `glyph` not yet read at its index.
  fonts::Face::Ink read(const fonts::Face& face, std::uint32_t glyph);

  std::unordered_map<const fonts::Face*, Inks> inks_;
  // The face asked about last and its inks: a run asks about one face glyph after glyph.
  const fonts::Face* last_face_ = nullptr;
  Inks* last_inks_ = nullptr;
};

}  // namespace leafpress::text
