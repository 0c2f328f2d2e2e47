#pragma once

#include <span>
#include <string>

#include "core/color.hpp"
#include "layout/page.hpp"
#include "pdf/cluster_writing.hpp"
#include "pdf/font_encoder.hpp"

namespace leafpress::pdf {

/// The operator line setting the fill (or stroke) colour in the colour's own model:
/// "r g b rg" for RGB, "c m y k k" for CMYK.
std::string color_operator(const core::Color& color, bool stroke);

/// Builds one page's content stream (ISO 32000-1 §8, §9.4) from display items. Takes the
/// page height to flip the display list's top-down y into PDF's bottom-up y.
class ContentStream {
 public:
  explicit ContentStream(double page_height) : page_height_(page_height) {}

  void fill_rect(const layout::RectItem& rect);
  /// Strokes a line in its own graphics state (q … Q): width, dashes, stroke colour.
  void stroke_line(const layout::LineItem& line);
  /// Fills every rectangle of the group as one path, in one colour.
  void fill_rects(const layout::RectGroupItem& group);
  /// Draws image XObject `name` scaled into the item's box.
  void draw_image(const layout::ImageItem& image, const std::string& name);
  /// Shows a glyph run with font resource `font_name`, taking its codes from `encoder`.
  /// Glyphs are drawn left to right, each exactly where layout put it (TJ adjustments absorb
  /// kerning and justification, Ts raises and lowers marks), and each says its share of its
  /// cluster's text through /ToUnicode; a cluster whose glyphs cannot say its text in
  /// drawing order is wrapped in an /ActualText span (§14.9.4) as well. Right-to-left text
  /// is said in visual order too, as readers reorder it (see cluster_writing.hpp).
  void show_glyphs(const layout::GlyphItem& item, const std::string& font_name, FontEncoder& encoder);

  /// Opens marked content with the given BDC operator line; close_marked() ends it.
  void open_marked(const std::string& operator_line) { out_ += operator_line; }
  void close_marked() { out_ += "EMC\n"; }

  const std::string& bytes() const { return out_; }

 private:
  void set_fill(const core::Color& color);

  /// Writes glyphs of one run into TJ arrays, tracking the viewer's pen and text rise.
  struct GlyphWriter {
    std::string& out;
    FontEncoder& encoder;
    double size;
    double pen = 0;  // where the viewer's pen is, in points from the run origin
    double rise = 0;
    bool array_open = false;

    void show_cluster(const text::GlyphRun& run, ClusterWriting writing);
    void show_code(std::uint16_t code, double x, double y);
    void begin_actual_text(const std::string& text);
    void end_actual_text();
    void close_array();
    void finish();
  };

  double page_height_;
  std::string out_;
};

}  // namespace leafpress::pdf
