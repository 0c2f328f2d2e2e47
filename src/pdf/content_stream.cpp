#include "pdf/content_stream.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <vector>

#include "core/utf8.hpp"
#include "pdf/cluster_writing.hpp"
#include "pdf/pdf_number.hpp"
#include "pdf/to_unicode.hpp"

namespace leafpress::pdf {
namespace {

/// The bytes a literal string escapes (see append_code).
constexpr auto kEscaped = [] {
  std::array<bool, 256> escaped{};
  for (const unsigned char byte : {'\\', '(', ')', '\r'}) escaped[byte] = true;
  return escaped;
}();

/// A two-byte code's bytes in a literal string (§7.3.4.2), appended without a string of its
/// own: two bytes a glyph where hex takes four. Backslash and parentheses are escaped, and
/// CR as \r, since a reader takes an unescaped CR (or CR LF) in a literal string for LF.
void append_code(std::string& out, std::uint16_t code) {
  const auto high = static_cast<std::uint8_t>(code >> 8);
  const auto low = static_cast<std::uint8_t>(code & 0xFF);
  if (!kEscaped[high] && !kEscaped[low]) {
    const char bytes[2] = {static_cast<char>(high), static_cast<char>(low)};
    out.append(bytes, 2);
    return;
  }
  for (const std::uint8_t byte : {high, low}) {
    if (kEscaped[byte]) out += '\\';
    out += byte == '\r' ? 'r' : static_cast<char>(byte);
  }
}

/// How far apart invisible copies stand, in thousandths of the font size (see show_run).
constexpr double kInvisibleStep = 0.1;

}  // namespace

std::string color_operator(const core::Color& color, bool stroke) {
  // ISO 32000-1 §8.6.8: rg/RG set DeviceRGB, k/K DeviceCMYK.
  // Built in one string: text switches colours at every link.
  std::string line;
  line.reserve(40);
  const auto components = [&line](std::initializer_list<double> values) {
    for (const double value : values) {
      append_pdf_number(line, value);
      line += ' ';
    }
  };
  if (const auto* cmyk = std::get_if<core::Cmyk>(&color)) {
    components({cmyk->c, cmyk->m, cmyk->y, cmyk->k});
    line += stroke ? "K\n" : "k\n";
    return line;
  }
  const auto& rgb = std::get<core::Rgb>(color);
  components({rgb.r, rgb.g, rgb.b});
  line += stroke ? "RG\n" : "rg\n";
  return line;
}

void ContentStream::set_fill(const core::Color& color) {
  // The fill colour is graphics state (§8.4): it holds across text objects and marked
  // content, and q … Q around a stroke or a picture sets no fill, so a repeat is left out.
  if (fill_color_ == color) return;  // its line is fill_ again
  fill_color_ = color;
  std::string line = color_operator(color, false);
  if (line == fill_) return;
  out_ += line;
  fill_ = std::move(line);
}

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
  // A QR code is thousands of rectangles: each number is appended in place.
  for (const layout::Rect& rect : *group.rects) {
    append_pdf_number(out_, group.x + rect.x);
    out_ += ' ';
    append_pdf_number(out_, page_height_ - group.y - rect.y - rect.height);
    out_ += ' ';
    append_pdf_number(out_, rect.width);
    out_ += ' ';
    append_pdf_number(out_, rect.height);
    out_ += " re\n";
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
  // said by /ActualText, which opens before the first run. Run r's codes are
  // codes_[run_ends_[r - 1], run_ends_[r]).
  codes_.clear();
  run_ends_.clear();
  std::string& said = said_;  // what the clusters say, for that /ActualText
  said.clear();
  bool needs_span = false;
  ClusterWriting& cluster = cluster_;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    if (r > 0) run_ends_.push_back(codes_.size());
    const text::GlyphRun& run = runs[r].item->run;
    const double scale = run.size / run.face->metrics().units_per_em;
    // The code showing a visible glyph; one the face's program places carries its offset, and
    // is shown at its pen, on the baseline.
    const auto show = [&](const text::PlacedGlyph& placed, std::string_view text) {
      const EncodedGlyph encoded =
          runs[r].encoder->encode(placed.id, text, placed.advance, {placed.x_offset, placed.y_offset});
      if (encoded.placed) {
        codes_.push_back({encoded.code, encoded.width, placed.x - placed.x_offset * scale, 0, false});
      } else {
        codes_.push_back({encoded.code, encoded.width, placed.x, run.y_of(placed), false});
      }
      return encoded.says_text;
    };
    codes_.reserve(codes_.size() + run.glyphs.size());
    for (std::size_t first = 0, last = 0; first < run.glyphs.size(); first = last) {
      last = cluster_end(run, first);
      if (is_plain_cluster_inline(run, first, last)) {
        // Its glyph says its text, or /ActualText does: what it says is its text either way.
        const std::string_view text = run.text_of(run.glyphs[first]);
        needs_span = !show(run.glyphs[first], text) || needs_span;
        said += text;
        continue;
      }
      plan_cluster(run, first, last, cluster);
      for (std::size_t g = 0; g < cluster.glyphs.size(); ++g) {
        const GlyphToDraw& glyph = cluster.glyphs[g];
        const text::PlacedGlyph& placed = run.glyphs[glyph.glyph];
        bool says_text = true;
        if (glyph.invisible) {
          const EncodedGlyph encoded = runs[r].encoder->encode_invisible(placed.id, glyph.text);
          codes_.push_back({encoded.code, encoded.width, placed.x, run.y_of(placed), true});
          says_text = encoded.says_text;
        } else {
          says_text = show(placed, glyph.text);
        }
        if (!says_text && !cluster.actual_text) {
          // The code says another text: the cluster's text up to this glyph is said for it.
          std::string text;
          for (std::size_t k = 0; k <= g; ++k) text += cluster.glyphs[k].text;
          cluster.actual_text = std::move(text);
        }
      }
      needs_span = needs_span || cluster.actual_text.has_value();
      append_said_text(said, cluster);
    }
  }
  if (needs_span) {
    std::string utf16 = "\xFE\xFF";
    core::append_utf16be(utf16, said);
    out_ += "/Span <</ActualText <" + hex(utf16) + ">>> BDC\n";
  }
  run_ends_.push_back(codes_.size());
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const std::size_t first = r == 0 ? 0 : run_ends_[r - 1];
    show_run(runs[r], std::span<const CodeToShow>(codes_).subspan(first, run_ends_[r] - first));
  }
  if (needs_span) out_ += "EMC\n";
}

void ContentStream::show_run(const RunToShow& shown, std::span<const CodeToShow> codes) {
  const layout::GlyphItem& item = *shown.item;
  const text::GlyphRun& run = item.run;
  if (codes.empty()) return;
  set_overprint(run.color, true);
  out_ += "BT\n";
  // The font is text state, graphics state that outlives the text object (§9.3.1): set
  // only when it changes.
  if (shown.font_name != font_name_ || run.size != font_size_ || font_.empty()) {
    font_name_ = shown.font_name;
    font_size_ = run.size;
    std::string font = '/' + shown.font_name + ' ' + pdf_number(run.size) + " Tf\n";
    if (font != font_) {
      out_ += font;
      font_ = std::move(font);
    }
  }
  set_fill(run.color);
  // BT starts from the identity text matrix, so Td moves to the run's origin (§9.4.2).
  append_pdf_number(out_, item.x + run.x);
  out_ += ' ';
  append_pdf_number(out_, page_height_ - item.baseline);
  out_ += " Td\n";
  GlyphWriter writer{out_, run.size};
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (!codes[i].invisible) {
      writer.show_code(codes[i].code, codes[i].width, codes[i].x, codes[i].y);
      continue;
    }
    // Invisible copies stand a hair apart just before the next glyph (or the pen, at the
    // end), in the order they say their characters: Ghostscript's txtwrite sorts what each
    // string shows by where it starts, and a kerned next glyph may start before the pen;
    // MuPDF reads a step forward of 0.15 em from its pen as a space.
    std::size_t group = i;
    while (group < codes.size() && codes[group].invisible) ++group;
    const double next = group < codes.size() ? std::min(codes[group].x, writer.pen) : writer.pen;
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
  close_string();
  append_pdf_number(out, (pen - x) * 1000.0 / size);  // exact: copies stand a hair apart
  out += '(';
  string_open = true;
  append_code(out, code);
  pen = x;  // a code of width 0
  ideal_pen = x;
}

void ContentStream::GlyphWriter::show_code(std::uint16_t code, int width, double x, double y) {
  const bool after_copies = invisible;
  set_invisible(false);
  if (y != rise) {
    close_array();
    rise = y;
    out += pdf_number(rise) + " Ts\n";
  }
  if (!array_open) out += '[';
  array_open = true;
  // TJ numbers move the pen left by n/1000 of the font size (§9.4.3). Codes between them
  // share one literal string of two bytes a code: "[(\0\1\0\2)-81(\0\3)]", written here with
  // octal escapes for the bytes the stream holds as they are. Each number is the gap from the
  // glyph before in whole thousandths of an em, so a justified line repeats one number (which
  // deflates well), until the rounding would put a glyph over kMaxDrift off its place; then
  // the number brings it back. At 10.8 pt no glyph is 0.044 pt (0.015 mm) from where layout
  // put it, at a 30 pt title 0.12 pt.
  constexpr double kMaxDrift = 4;  // thousandths of an em
  // After invisible copies the glyph goes exactly to its place, a hair after theirs.
  double adjust = after_copies ? (pen - x) * 1000.0 / size : std::round((ideal_pen - x) * 1000.0 / size);
  const double drift = (pen - adjust * size / 1000.0 - x) * 1000.0 / size;
  if (std::abs(drift) > kMaxDrift) adjust = std::round((pen - x) * 1000.0 / size);
  if (adjust != 0) {
    close_string();
    append_pdf_number(out, adjust);
    pen -= adjust * size / 1000.0;
  }
  if (!string_open) out += '(';
  string_open = true;
  append_code(out, code);
  const double advance = width * size / 1000.0;
  pen += advance;
  ideal_pen = x + advance;
}

void ContentStream::GlyphWriter::close_string() {
  if (string_open) out += ')';
  string_open = false;
}

void ContentStream::GlyphWriter::close_array() {
  close_string();
  if (array_open) out += "] TJ\n";
  array_open = false;
}

void ContentStream::GlyphWriter::finish() {
  set_invisible(false);
  close_array();
  if (rise != 0) out += "0 Ts\n";
}

}  // namespace leafpress::pdf
