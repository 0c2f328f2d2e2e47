#include "text/glyph_run.hpp"

namespace leafpress::text {

std::string run_text(const GlyphRun& run) {
  // Glyphs stand in visual order: a right-to-left run's clusters are read from the last.
  std::string text;
  const std::size_t count = run.glyphs.size();
  for (std::size_t n = 0; n < count; ++n) {
    const std::size_t k = run.rtl ? count - 1 - n : n;
    const std::size_t previous = run.rtl ? k + 1 : k - 1;
    if (n > 0 && run.glyphs[previous].begin == run.glyphs[k].begin) continue;
    text += run.text_of(run.glyphs[k]);
  }
  return text;
}

}  // namespace leafpress::text
