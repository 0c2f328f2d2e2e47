#pragma once

#include <optional>
#include <span>
#include <vector>
#include <string>

#include "core/color.hpp"
#include "layout/page.hpp"
#include "pdf/cluster_writing.hpp"
#include "pdf/font_encoder.hpp"

namespace leafpress::pdf {

/// The operator line setting the fill (or stroke) colour in the colour's own model:
/// "r g b rg" for RGB, "c m y k k" for CMYK.
std::string color_operator(const core::Color& color, bool stroke);

/// A glyph run to show, its font's resource name, and the encoder of its codes.
struct RunToShow {
  const layout::GlyphItem* item = nullptr;
  std::string font_name;
  FontEncoder* encoder = nullptr;
};

/// The names of a press page's two ExtGState resources: black text overprints (/OP, /op
/// true, /OPM 1) through the first and everything else knocks out through the second.
inline constexpr const char* kOverprintState = "GSOverprint";
inline constexpr const char* kKnockoutState = "GSKnockout";

/// Builds one page's content stream (ISO 32000-1 §8, §9.4) from display items. Takes the
/// page height to flip the display list's top-down y into PDF's bottom-up y. With
/// `overprint_black`, text in solid black (100 % K alone) overprints (§8.6.7), and the
/// stream switches between kOverprintState and kKnockoutState as it needs.
class ContentStream {
 public:
  explicit ContentStream(double page_height, bool overprint_black = false)
      : page_height_(page_height), overprint_black_(overprint_black) {}

  void fill_rect(const layout::RectItem& rect);
  /// Strokes a line in its own graphics state (q … Q): width, dashes, stroke colour.
  void stroke_line(const layout::LineItem& line);
  /// Fills every rectangle of the group as one path, in one colour.
  void fill_rects(const layout::RectGroupItem& group);
  /// Draws image XObject `name` scaled into the item's box.
  void draw_image(const layout::ImageItem& image, const std::string& name);
  /// Shows the glyph runs of one marked-content sequence (one element's part of a line),
  /// each with its font resource name and encoder. Glyphs are drawn left to right, each
  /// exactly where layout put it (TJ adjustments absorb kerning and justification); a glyph
  /// the shaper put off its pen is shown at the pen through a code that carries the offset
  /// (see FontEncoder), or, in a program that cannot carry it (CFF), moved there by TJ and
  /// raised or lowered by Ts. Each code says its share of its cluster's text through /ToUnicode
  /// (see plan_cluster). When a cluster's codes cannot say its text, the whole sequence is
  /// wrapped in one /ActualText span (§14.9.4): a span inside it would end pdf.js's text
  /// items there (splitting right-to-left words it reorders item by item) and end poppler's
  /// reading of the marked content.
  void show_runs(const std::vector<RunToShow>& runs);

  /// Opens marked content with the given BDC operator line; close_marked() ends it.
  void open_marked(const std::string& operator_line) { out_ += operator_line; }
  void close_marked() { out_ += "EMC\n"; }

  const std::string& bytes() const { return out_; }
  /// The stream's bytes, moved out: the stream is left empty.
  std::string take_bytes() { return std::move(out_); }

 private:
  void set_fill(const core::Color& color);
  /// Switches overprinting on or off (press pages only) before a fill in `color`.
  void set_overprint(const core::Color& color, bool text);

  /// Writes the codes of one run into TJ arrays, tracking the viewer's pen and text rise.
  struct GlyphWriter {
    std::string& out;
    double size;
    double pen = 0;        // where the viewer's pen is, in points from the run origin
    double ideal_pen = 0;  // where it would be had every glyph been put exactly
    double rise = 0;
    bool invisible = false;  // text render mode 3 (§9.3.6) rather than 0
    bool array_open = false;
    bool string_open = false;

    void show_code(std::uint16_t code, int width, double x, double y);
    void close_string();
    /// Shows `code` (of width 0) at `x` on the baseline in render mode 3: it draws nothing
    /// (see GlyphToDraw).
    void show_invisible(std::uint16_t code, double x);
    void set_invisible(bool wanted);
    void close_array();
    void finish();
  };

  /// A code to show, where it is shown (points from the run's origin: a placed code at its
  /// glyph's pen, on the baseline), and whether it is drawn invisibly at the pen.
  struct CodeToShow {
    std::uint16_t code = 0;
    int width = 0;  // the code's advance in 1/1000 em (FontEncoder::width)
    double x = 0;
    double y = 0;
    bool invisible = false;
  };
  void show_run(const RunToShow& run, std::span<const CodeToShow> codes);

  double page_height_;
  bool overprint_black_ = false;
  bool overprinting_ = false;
  std::string fill_;  // the fill colour's operator line last written, "" before any
  std::optional<core::Color> fill_color_;  // the colour fill_ was last made from
  std::string font_;  // the Tf line last written, "" before any
  std::string font_name_;  // the font and size font_ was last made from
  double font_size_ = 0;
  std::string out_;
  // show_runs' working storage, kept from one call to the next so that a page's lines cost
  // no allocation each: the codes of every run, where each run's codes end, what they say,
  // and the cluster being planned.
  std::vector<CodeToShow> codes_;
  std::vector<std::size_t> run_ends_;
  std::string said_;
  ClusterWriting cluster_;
};

}  // namespace leafpress::pdf
