#include "pdf/content_stream.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/utf8.hpp"
#include "pdf/cluster_writing.hpp"
#include "pdf/pdf_number.hpp"
#include "pdf/to_unicode.hpp"

namespace leafpress::pdf {
namespace {

/// "<00A3>": a two-byte code as a hex string (§7.3.4.3), appended without a string of its own.
void append_code(std::string& out, std::uint16_t code) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  const char text[6] = {'<', kDigits[code >> 12], kDigits[(code >> 8) & 0xF], kDigits[(code >> 4) & 0xF],
                        kDigits[code & 0xF], '>'};
  out.append(text, sizeof text);
}

/// How far apart invisible copies stand, in thousandths of the font size (see show_run).
constexpr double kInvisibleStep = 0.1;

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

void ContentStream::show_runs(const std::vector<RunToShow>& runs) {
  // Every code first: a CFF glyph says the first text it was given, and another one must be
  // said by /ActualText, which opens before the first run.
  std::vector<std::vector<CodeToShow>> codes(runs.size());
  std::vector<std::vector<ClusterWriting>> plans(runs.size());
  bool needs_span = false;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const text::GlyphRun& run = runs[r].item->run;
    codes[r].reserve(run.glyphs.size());
    plans[r] = plan_run(run);
    for (ClusterWriting& cluster : plans[r]) {
      for (std::size_t g = 0; g < cluster.glyphs.size(); ++g) {
        const GlyphToDraw& glyph = cluster.glyphs[g];
        const text::PlacedGlyph& placed = run.glyphs[glyph.glyph];
        const EncodedGlyph encoded = glyph.invisible ? runs[r].encoder->encode_invisible(placed.id, glyph.text)
                                                     : runs[r].encoder->encode(placed.id, glyph.text, placed.advance);
        codes[r].push_back({encoded.code, &placed, glyph.invisible});
        if (!encoded.says_text && !cluster.actual_text) {
          // The code says another text: the cluster's text up to this glyph is said for it.
          std::string text;
          for (std::size_t k = 0; k <= g; ++k) text += cluster.glyphs[k].text;
          cluster.actual_text = std::move(text);
        }
      }
      needs_span = needs_span || cluster.actual_text.has_value();
    }
  }
  if (needs_span) {
    std::string said;
    for (const auto& plan : plans) {
      for (const ClusterWriting& cluster : plan) said += said_text(cluster);
    }
    std::string utf16 = "\xFE\xFF";
    core::append_utf16be(utf16, said);
    out_ += "/Span <</ActualText <" + hex(utf16) + ">>> BDC\n";
  }
  for (std::size_t r = 0; r < runs.size(); ++r) show_run(runs[r], codes[r]);
  if (needs_span) out_ += "EMC\n";
}

void ContentStream::show_run(const RunToShow& shown, const std::vector<CodeToShow>& codes) {
  const layout::GlyphItem& item = *shown.item;
  const text::GlyphRun& run = item.run;
  if (codes.empty()) return;
  set_overprint(run.color, true);
  out_ += "BT\n/" + shown.font_name + ' ' + pdf_number(run.size) + " Tf\n";
  set_fill(run.color);
  out_ += "1 0 0 1 " + pdf_number(item.x + run.x) + ' ' + pdf_number(page_height_ - item.baseline) + " Tm\n";
  GlyphWriter writer{out_, *shown.encoder, run.size};
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (!codes[i].invisible) {
      writer.show_code(codes[i].code, codes[i].glyph->x, codes[i].glyph->y);
      continue;
    }
    // Invisible copies stand a hair apart just before the next glyph (or the pen, at the
    // end), in the order they say their characters: Ghostscript's txtwrite sorts what each
    // string shows by where it starts, and a kerned next glyph may start before the pen;
    // MuPDF reads a step forward of 0.15 em from its pen as a space.
    std::size_t group = i;
    while (group < codes.size() && codes[group].invisible) ++group;
    const double next = group < codes.size() ? std::min(codes[group].glyph->x, writer.pen) : writer.pen;
    const double step = kInvisibleStep * run.size / 1000.0;
    for (std::size_t k = i; k < group; ++k) writer.show_invisible(codes[k].code, next - static_cast<double>(group - k) * step);
    i = group - 1;
  }
  writer.finish();
  out_ += "ET\n";
}

void ContentStream::GlyphWriter::set_invisible(bool wanted) {
  if (wanted == invisible) return;
  close_array();
  invisible = wanted;
  out += invisible ? "3 Tr\n" : "0 Tr\n";
}

void ContentStream::GlyphWriter::show_invisible(std::uint16_t code, double x) {
  set_invisible(true);
  if (!array_open) out += '[';
  array_open = true;
  append_pdf_number(out, (pen - x) * 1000.0 / size);
  out += ' ';
  append_code(out, code);
  pen = x;  // a code of width 0
}

void ContentStream::GlyphWriter::show_code(std::uint16_t code, double x, double y) {
  set_invisible(false);
  if (y != rise) {
    close_array();
    rise = y;
    out += pdf_number(rise) + " Ts\n";
  }
  if (!array_open) out += '[';
  array_open = true;
  // TJ numbers move the pen left by n/1000 of the font size (§9.4.3).
  const double adjust = (pen - x) * 1000.0 / size;
  if (std::abs(adjust) >= 0.05) {
    append_pdf_number(out, adjust);
    out += ' ';
  }
  append_code(out, code);
  pen = x + encoder.width(code) * size / 1000.0;
}

void ContentStream::GlyphWriter::close_array() {
  if (array_open) out += "] TJ\n";
  array_open = false;
}

void ContentStream::GlyphWriter::finish() {
  set_invisible(false);
  close_array();
  if (rise != 0) out += "0 Ts\n";
}

}  // namespace leafpress::pdf
