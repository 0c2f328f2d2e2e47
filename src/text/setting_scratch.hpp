#pragma once

#include <vector>

#include "text/break_model.hpp"
#include "text/knuth_plass.hpp"
#include "text/line_builder.hpp"
#include "text/segments.hpp"
#include "text/shaped_paragraph.hpp"

namespace leafpress::text {

/// What set_paragraph works in besides the lines it returns: the paragraph's shaping at its
/// sizes, its segments, their break model, the breaker's storage and the breaks it found, the
/// lines as segments, a line's glue adjustments and its runs' grouping. Kept across paragraphs
/// (and the layout trials that set them again) so that setting one allocates only its lines;
/// holds nothing from one paragraph to the next.
struct SettingScratch {
  ShapedParagraph shaped;
  std::vector<Segment> segments;
  BreakModel model;
  TotalFitScratch breaker;
  LineBreakResult breaks;
  std::vector<SegmentLine> lines;
  std::vector<double> adjustments;
  LineScratch line;
};

}  // namespace leafpress::text
