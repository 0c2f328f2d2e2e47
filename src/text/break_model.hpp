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

/// Boxes, glue and penalties of a paragraph's segments (Knuth & Plass 1981). `ends[k]` is
/// the segment a line breaking at item k ends with.
struct BreakModel {
  std::vector<BreakItem> items;
  std::vector<std::size_t> ends;
};

/// The model of `segments`: a box per segment, then glue for its spaces (stretchable only
/// when `justified`), a flagged penalty at a hyphenation point or after a typed hyphen, or a
/// free penalty at any other break opportunity; finished for the breaker.
BreakModel break_model(const ShapedParagraph& shaped, const std::vector<Segment>& segments, bool justified);

/// Lines as [first segment, last segment + 1), from the breaker's item positions.
std::vector<std::pair<std::size_t, std::size_t>> segment_lines(const BreakModel& model, const LineBreakResult& result);

}  // namespace leafpress::text
