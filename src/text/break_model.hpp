#pragma once

#include <utility>
#include <vector>

#include "text/knuth_plass.hpp"
#include "text/segments.hpp"

namespace leafpress::text {

// TeX's interword glue in proportion to the space: Computer Modern's 3.33 pt space
// stretches by 1.67 pt and shrinks by 1.11 pt (The TeXbook, ch. 12).
inline constexpr double kSpaceStretch = 1.0 / 2;
inline constexpr double kSpaceShrink = 1.0 / 3;
// \hyphenpenalty and \exhyphenpenalty: breaking at a hyphen costs as much, typed or added.
inline constexpr double kHyphenPenalty = 50;
// The same in ragged text, where a hyphen evens the rag a little and costs the reader as
// much: measured on the shipped leaflets (issue 15), 300 with 3 em of rag stretch hyphenates
// 0-8 % of lines (50: 9-32 %) and leaves the rag's 90th percentile at 3 em (50: 2.0-2.5 em).
inline constexpr double kRaggedHyphenPenalty = 300;

/// Boxes, glue and penalties of a paragraph's segments (Knuth & Plass 1981). `ends[k]` is
/// the segment a line breaking at item k ends with.
struct BreakModel {
  std::vector<BreakItem> items;
  std::vector<std::size_t> ends;
};

/// The model of `segments`: a box per segment, then glue for its spaces (stretchable only
/// when `justified`), a flagged penalty at a hyphenation point or after a typed hyphen, or a
/// free penalty at any other break opportunity; finished for the breaker. Justified, the
/// gaps between clusters of scripts written without spaces stretch too: a segment's gaps
/// stretch with the glue after it (so the last segment of a line keeps its own clusters
/// together), which is glue even where no space is. A break at a hyphen costs
/// `hyphen_penalty`.
BreakModel break_model(const ShapedParagraph& shaped, const std::vector<Segment>& segments, bool justified,
                       double hyphen_penalty = kHyphenPenalty);
/// The same, in `model` (what it held replaced, its storage reused).
void break_model(const ShapedParagraph& shaped, const std::vector<Segment>& segments, bool justified,
                 double hyphen_penalty, BreakModel& model);

/// How far each item of segments [from, to) moves the items after it when the line they
/// make is drawn with its glue set at `glue_ratio` (LineBreak::glue_ratio): exactly the
/// stretch or shrink break_model gave that line, spread as the model spread it (a space by
/// its width, a gap between clusters by its size), so a justified line fills its measure.
/// Element k is for item segments[from].first + k.
std::vector<double> glue_adjustments(const StyledParagraph& paragraph, const ShapedParagraph& shaped,
                                     const std::vector<Segment>& segments, std::size_t from, std::size_t to,
                                     double glue_ratio);
/// The same, in `adjustments` (what it held replaced, its storage reused).
void glue_adjustments(const StyledParagraph& paragraph, const ShapedParagraph& shaped,
                      const std::vector<Segment>& segments, std::size_t from, std::size_t to, double glue_ratio,
                      std::vector<double>& adjustments);

/// A line as segments [from, to) and the ratio its glue is set at (LineBreak::glue_ratio).
struct SegmentLine {
  std::size_t from = 0;
  std::size_t to = 0;
  double glue_ratio = 0;
};

/// The lines of the breaker's result, as segments.
std::vector<SegmentLine> segment_lines(const BreakModel& model, const LineBreakResult& result);
/// The same, in `lines` (what it held replaced, its storage reused).
void segment_lines(const BreakModel& model, const LineBreakResult& result, std::vector<SegmentLine>& lines);

}  // namespace leafpress::text
