#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/shape.hpp"

namespace leafpress::text {

/// Shaping results by face, text and segment. Glyphs come in font units, whatever the size,
/// so a paragraph set again (in another format, or measured before it is set) is shaped
/// once. Holds at most about kMaxGlyphs glyphs, then starts again empty.
class ShapeCache {
 public:
  static constexpr std::size_t kMaxGlyphs = 1 << 20;

  /// As text::shape.
  const std::vector<ShapedGlyph>& shape(const fonts::Face& face, std::string_view text, std::size_t begin,
                                        std::size_t end, std::string_view language, std::string_view script, bool rtl);

 private:
  std::unordered_map<std::string, std::vector<ShapedGlyph>> entries_;
  std::size_t glyphs_ = 0;
};

}  // namespace leafpress::text
