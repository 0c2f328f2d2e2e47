#include "text/shape.hpp"

#include <string>

#include "core/c_handle.hpp"

namespace leafpress::text {

std::vector<ShapedGlyph> shape(const fonts::Face& face, std::string_view text, std::size_t begin, std::size_t end,
                               std::string_view language, std::string_view script, bool rtl) {
  core::CHandle<hb_buffer_t, hb_buffer_destroy> buffer(hb_buffer_create());
  hb_buffer_add_utf8(buffer.get(), text.data(), static_cast<int>(text.size()), static_cast<unsigned>(begin),
                     static_cast<int>(end - begin));
  hb_buffer_set_cluster_level(buffer.get(), HB_BUFFER_CLUSTER_LEVEL_MONOTONE_GRAPHEMES);
  if (!script.empty()) {
    hb_buffer_set_script(buffer.get(), hb_script_from_string(script.data(), static_cast<int>(script.size())));
    hb_buffer_set_direction(buffer.get(), rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  }
  hb_buffer_guess_segment_properties(buffer.get());
  if (!language.empty()) {
    const std::string tag(language);
    hb_buffer_set_language(buffer.get(), hb_language_from_string(tag.c_str(), -1));
  }
  hb_shape(face.hb_font(), buffer.get(), nullptr, 0);

  unsigned count = 0;
  const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer.get(), &count);
  const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer.get(), &count);
  std::vector<ShapedGlyph> glyphs(count);
  for (unsigned i = 0; i < count; ++i) {
    glyphs[i] = {infos[i].codepoint, positions[i].x_advance, positions[i].x_offset, positions[i].y_offset,
                 infos[i].cluster};
  }
  return glyphs;
}

}  // namespace leafpress::text
