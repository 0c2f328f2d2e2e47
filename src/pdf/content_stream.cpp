#include "pdf/content_stream.hpp"

#include <cmath>

#include "core/utf8.hpp"
#include "pdf/pdf_number.hpp"
#include "pdf/to_unicode.hpp"

namespace leafpress::pdf {
namespace {

std::string code_hex(std::uint16_t code) {
  const std::string bytes{static_cast<char>(code >> 8), static_cast<char>(code & 0xFF)};
  return hex(bytes);
}

}  // namespace

void ContentStream::set_fill(const core::Rgb& color) {
  out_ += pdf_number(color.r) + ' ' + pdf_number(color.g) + ' ' + pdf_number(color.b) + " rg\n";
}

void ContentStream::fill_rect(const layout::RectItem& rect) {
  set_fill(rect.fill);
  out_ += pdf_number(rect.x) + ' ' + pdf_number(page_height_ - rect.y - rect.height) + ' ' + pdf_number(rect.width) +
          ' ' + pdf_number(rect.height) + " re f\n";
}

void ContentStream::show_glyphs(const layout::GlyphItem& item, const std::string& font_name,
                                const EmbeddedFont& font) {
  const text::GlyphRun& run = item.run;
  if (run.glyphs.empty()) return;
  out_ += "BT\n/" + font_name + ' ' + pdf_number(run.size) + " Tf\n";
  set_fill(run.color);
  out_ += "1 0 0 1 " + pdf_number(item.x + run.x) + ' ' + pdf_number(page_height_ - item.baseline) + " Tm\n";

  double pen = 0;  // where the PDF viewer's pen is, in points from the run origin
  double rise = 0;
  bool array_open = false;
  auto open_array = [&] {
    if (!array_open) out_ += '[';
    array_open = true;
  };
  auto close_array = [&] {
    if (array_open) out_ += "] TJ\n";
    array_open = false;
  };
  for (const text::PlacedGlyph& glyph : run.glyphs) {
    const std::uint16_t code = font.code_of_glyph.at(glyph.id);
    if (glyph.y != rise) {
      close_array();
      rise = glyph.y;
      out_ += pdf_number(rise) + " Ts\n";
    }
    const auto mapped = font.text_of_code.find(code);
    const std::string& said = mapped == font.text_of_code.end() ? std::string() : mapped->second;
    const bool needs_actual_text = said != glyph.text;
    if (needs_actual_text) {
      close_array();
      std::string utf16 = "\xFE\xFF";
      core::append_utf16be(utf16, glyph.text);
      out_ += "/Span <</ActualText <" + hex(utf16) + ">>> BDC\n";
    }
    open_array();
    // TJ numbers move the pen left by n/1000 of the font size (§9.4.3).
    const double adjust = (pen - glyph.x) * 1000.0 / run.size;
    if (std::abs(adjust) >= 0.05) out_ += pdf_number(adjust) + ' ';
    out_ += '<' + code_hex(code) + '>';
    pen = glyph.x + font.width_of_code.at(code) * run.size / 1000.0;
    if (needs_actual_text) {
      close_array();
      out_ += "EMC\n";
    }
  }
  close_array();
  if (rise != 0) out_ += "0 Ts\n";
  out_ += "ET\n";
}

}  // namespace leafpress::pdf
