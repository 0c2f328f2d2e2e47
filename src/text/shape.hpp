#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "fonts/face.hpp"

namespace leafpress::text {

/// One glyph as HarfBuzz positions it, in font units. `cluster` is the byte offset in the
/// shaped text of the first character the glyph stands for.
struct ShapedGlyph {
  std::uint32_t id = 0;
  std::int32_t advance = 0;
  std::int32_t x_offset = 0;
  std::int32_t y_offset = 0;
  std::uint32_t cluster = 0;
  bool operator==(const ShapedGlyph&) const = default;
};

/// Shapes bytes [begin, end) of `text` with `face`, the rest of `text` serving as context
/// (so joining and kerning see across style changes). `script` (ISO 15924) and `rtl` give
/// the segment's properties; with no script, HarfBuzz guesses both from the text. Glyphs
/// come in visual order: for right-to-left text, the last character's glyph first.
std::vector<ShapedGlyph> shape(const fonts::Face& face, std::string_view text, std::size_t begin, std::size_t end,
                               std::string_view language, std::string_view script = {}, bool rtl = false);

}  // namespace leafpress::text
