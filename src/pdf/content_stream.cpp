#include "pdf/content_stream.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/utf8.hpp"
#include "pdf/font_usage.hpp"
#include "pdf/pdf_number.hpp"
#include "pdf/to_unicode.hpp"

namespace leafpress::pdf {
namespace {

std::string code_hex(std::uint16_t code) {
  const std::string bytes{static_cast<char>(code >> 8), static_cast<char>(code & 0xFF)};
  return hex(bytes);
}

}  // namespace

std::string color_operator(const core::Color& color, bool stroke) {
  // ISO 32000-1 §8.6.8: rg/RG set DeviceRGB, k/K DeviceCMYK.
  if (const auto* cmyk = std::get_if<core::Cmyk>(&color)) {
    return pdf_number(cmyk->c) + ' ' + pdf_number(cmyk->m) + ' ' + pdf_number(cmyk->y) + ' ' + pdf_number(cmyk->k) +
           (stroke ? " K\n" : " k\n");
  }
  const auto& rgb = std::get<core::Rgb>(color);
  return pdf_number(rgb.r) + ' ' + pdf_number(rgb.g) + ' ' + pdf_number(rgb.b) + (stroke ? " RG\n" : " rg\n");
}

void ContentStream::set_fill(const core::Color& color) { out_ += color_operator(color, false); }

void ContentStream::set_overprint(const core::Color& color, bool text) {
  if (!overprint_black_) return;
  const bool wanted = text && color == core::Color{core::Cmyk{0, 0, 0, 1}};
  if (wanted == overprinting_) return;
  out_ += std::string("/") + (wanted ? kOverprintState : kKnockoutState) + " gs\n";
  overprinting_ = wanted;
}

void ContentStream::fill_rect(const layout::RectItem& rect) {
  set_overprint(rect.fill, false);
  set_fill(rect.fill);
  out_ += pdf_number(rect.x) + ' ' + pdf_number(page_height_ - rect.y - rect.height) + ' ' + pdf_number(rect.width) +
          ' ' + pdf_number(rect.height) + " re f\n";
}

void ContentStream::stroke_line(const layout::LineItem& line) {
  // Its own graphics state, so that width and dashes do not leak into what follows (§8.4).
  set_overprint(line.color, false);
  out_ += "q\n" + pdf_number(line.width) + " w\n";
  if (line.dashed) out_ += "[3 2] 0 d\n";  // dashes of 3 pt, 2 pt apart
  out_ += color_operator(line.color, true);
  out_ += pdf_number(line.x1) + ' ' + pdf_number(page_height_ - line.y1) + " m " + pdf_number(line.x2) + ' ' +
          pdf_number(page_height_ - line.y2) + " l S\nQ\n";
}

void ContentStream::fill_rects(const layout::RectGroupItem& group) {
  set_overprint(group.fill, false);
  set_fill(group.fill);
  for (const layout::Rect& rect : *group.rects) {
    out_ += pdf_number(group.x + rect.x) + ' ' + pdf_number(page_height_ - group.y - rect.y - rect.height) + ' ' +
            pdf_number(rect.width) + ' ' + pdf_number(rect.height) + " re\n";
  }
  out_ += "f\n";
}

void ContentStream::draw_image(const layout::ImageItem& image, const std::string& name) {
  set_overprint(core::Rgb{}, false);
  // An image fills the unit square; the matrix scales it to the box and moves it there (§8.9.4).
  out_ += "q\n" + pdf_number(image.width) + " 0 0 " + pdf_number(image.height) + ' ' + pdf_number(image.x) + ' ' +
          pdf_number(page_height_ - image.y - image.height) + " cm\n/" + name + " Do\nQ\n";
}

void ContentStream::show_glyphs(const layout::GlyphItem& item, const std::string& font_name,
                                const EmbeddedFont& font) {
  const text::GlyphRun& run = item.run;
  if (run.glyphs.empty()) return;
  set_overprint(run.color, true);
  out_ += "BT\n/" + font_name + ' ' + pdf_number(run.size) + " Tf\n";
  set_fill(run.color);
  out_ += "1 0 0 1 " + pdf_number(item.x + run.x) + ' ' + pdf_number(page_height_ - item.baseline) + " Tm\n";

  // Text is drawn in reading order: a right-to-left run from its right end, the pen moving
  // back for each unit (TJ takes negative steps as well as positive ones).
  std::vector<std::pair<std::size_t, std::size_t>> units;
  for (std::size_t first = 0; first < run.glyphs.size(); first = unit_end(run, first)) {
    units.emplace_back(first, unit_end(run, first));
  }
  const bool reading_order = run.rtl && draws_rtl_in_reading_order(*run.face);
  if (reading_order) std::reverse(units.begin(), units.end());
  GlyphWriter writer{out_, font, run.size};
  for (const auto& [first, last] : units) {
    if (says_text_apart(run, first, last)) {
      writer.show_apart(run, first, last);
      continue;
    }
    std::string text;
    for (std::size_t k = first; k < last; ++k) text += run.glyphs[k].text;
    writer.show_cluster(std::span(run.glyphs).subspan(first, last - first),
                        extraction_text(text, run.rtl && !reading_order));
  }
  writer.finish();
  out_ += "ET\n";
}

void ContentStream::GlyphWriter::show_cluster(std::span<const text::PlacedGlyph> glyphs, const std::string& text) {
  std::string said;
  for (const text::PlacedGlyph& glyph : glyphs) {
    const auto mapped = font.text_of_code.find(font.code_of_glyph.at(glyph.id));
    if (mapped != font.text_of_code.end()) said += mapped->second;
  }
  const bool needs_actual_text = said != text;
  if (!needs_actual_text) {
    for (const text::PlacedGlyph& glyph : glyphs) show(glyph);
    return;
  }
  // Extractors place the replacement text between the start of the span's first glyph and
  // the end of its last (poppler's ActualText), so the span holds only the glyph that carries
  // the cluster's text, its base; marks stay outside, and with no /ToUnicode entry of their
  // own they add nothing. Spanning a raised mark too would move the text off the baseline.
  for (const text::PlacedGlyph& glyph : glyphs) {
    const bool carrier = !glyph.text.empty();
    if (carrier) begin_actual_text(text);
    show(glyph);
    if (carrier) end_actual_text();
  }
}

void ContentStream::GlyphWriter::show_apart(const text::GlyphRun& run, std::size_t first, std::size_t last) {
  double right = 0;
  const auto characters = invisible_characters(run, first, last, right);
  if (!characters.empty()) {
    close_array();
    out += "3 Tr\n";  // invisible (§9.3.6)
    double x = right;
    for (const InvisibleCharacter& character : characters) {
      x -= character.width * size / 1000.0;
      show_code(font.code_of_invisible.at(character), x, 0);
    }
    close_array();
    out += "0 Tr\n";
  }
  for (std::size_t k = first; k < last; ++k) {
    const text::PlacedGlyph& glyph = run.glyphs[k];
    show_code(font.silent_code_of_glyph.at(glyph.id), glyph.x, glyph.y);
  }
}

void ContentStream::GlyphWriter::show(const text::PlacedGlyph& glyph) {
  show_code(font.code_of_glyph.at(glyph.id), glyph.x, glyph.y);
}

void ContentStream::GlyphWriter::show_code(std::uint16_t code, double x, double y) {
  if (y != rise) {
    close_array();
    rise = y;
    out += pdf_number(rise) + " Ts\n";
  }
  if (!array_open) out += '[';
  array_open = true;
  // TJ numbers move the pen left by n/1000 of the font size (§9.4.3).
  const double adjust = (pen - x) * 1000.0 / size;
  if (std::abs(adjust) >= 0.05) out += pdf_number(adjust) + ' ';
  out += '<' + code_hex(code) + '>';
  pen = x + font.width_of_code.at(code) * size / 1000.0;
}

void ContentStream::GlyphWriter::begin_actual_text(const std::string& text) {
  close_array();
  std::string utf16 = "\xFE\xFF";
  core::append_utf16be(utf16, text);
  out += "/Span <</ActualText <" + hex(utf16) + ">>> BDC\n";
}

void ContentStream::GlyphWriter::end_actual_text() {
  close_array();
  out += "EMC\n";
}

void ContentStream::GlyphWriter::close_array() {
  if (array_open) out += "] TJ\n";
  array_open = false;
}

void ContentStream::GlyphWriter::finish() {
  close_array();
  if (rise != 0) out += "0 Ts\n";
}

}  // namespace leafpress::pdf
