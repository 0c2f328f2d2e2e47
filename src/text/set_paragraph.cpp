#include "text/set_paragraph.hpp"

#include <algorithm>
#include <cstdio>

#include "text/break_model.hpp"
#include "text/line_builder.hpp"
#include "text/prepared_paragraph.hpp"
#include "text/segments.hpp"
#include "text/shaped_paragraph.hpp"

namespace leafpress::text {
namespace {

/// Segments [from, to) as one line: its natural width (with the hyphen if it ends at one)
/// and the width of the spaces justification may shrink.
struct LineExtent {
  double natural = 0;
  double space_width = 0;
};

LineExtent extent(const std::vector<Segment>& segments, std::size_t from,
                  std::size_t to) {
  LineExtent e;
  for (std::size_t k = from; k < to; ++k) {
    e.natural += segments[k].content_width;
    if (k + 1 < to) {
      e.natural += segments[k].space_width;
      e.space_width += segments[k].space_width;
    }
  }
  e.natural += segments[to - 1].hyphen_width();
  return e;
}

// \emergencystretch, in multiples of the text size: the third pass's extra stretch per line.
constexpr double kEmergencyStretchEms = 2;
// \rightskip's stretch in ragged text, in multiples of the text size: a line leaving 3 em
// has badness 100 (LaTeX's \raggedright takes 2 em; measured on the shipped leaflets, 3 em
// lets most paragraphs break without hyphens in the first pass).
constexpr double kRaggedStretchEms = 3;

void count_lines(const LineBreakResult& result, bool justified, LineCounts& counts) {
  for (std::size_t l = 0; l < result.breaks.size(); ++l) {
    const LineBreak& line = result.breaks[l];
    ++counts.lines;
    counts.hyphenated += line.hyphenated ? 1 : 0;
    counts.overfull += line.overfull ? 1 : 0;
    counts.loose += justified && l + 1 < result.breaks.size() && line.ratio > 1 ? 1 : 0;
  }
}

void warn_overfull(const StyledParagraph& paragraph, double overflow, core::Diagnostics& diags) {
  char amount[32];
  std::snprintf(amount, sizeof amount, "%.1f", overflow);
  diags.warning(paragraph.loc, std::string("a line overflows its column by ") + amount + " pt",
                "a word is wider than the column; shorten it or widen the column");
}

/// shape_glyphs of `paragraph`, as an earlier run kept it when it did.
ShapedParagraph shaped_glyphs(const StyledParagraph& paragraph, TextContext& context) {
  if (auto kept = context.kept.find(paragraph, context.fallback)) return std::move(*kept);
  std::vector<FallbackChoice> choices;
  ShapedParagraph shaped = shape_glyphs(paragraph, context.fallback, &context.shapes, &choices);
  context.kept.keep(paragraph, shaped, choices);
  return shaped;
}

}  // namespace

std::vector<Line> set_paragraph(const StyledParagraph& paragraph, const ParagraphSettings& settings,
                                TextContext& context, core::Diagnostics& diags) {
  std::vector<Line> lines;
  if (paragraph.text.empty() || paragraph.runs.empty()) return lines;
  const PreparedParagraph& prepared = context.prepared.find_or_make(paragraph, settings.hyphenate, [&] {
    PreparedParagraph made{shaped_glyphs(paragraph, context), {}};
    const std::vector<std::size_t> hyphenation_points =
        settings.hyphenate ? paragraph_hyphenation_points(paragraph.text, paragraph.language, context.hyphenators,
                                                          paragraph.unhyphenatable, &context.breaks)
                           : std::vector<std::size_t>{};
    made.boundaries = break_boundaries(paragraph, made.shaped, hyphenation_points, &context.breaks);
    return made;
  });
  SettingScratch& scratch = context.scratch;
  ShapedParagraph& shaped = scratch.shaped;
  shaped = prepared.shaped;
  scale_advances(paragraph, shaped);
  report_missing_glyphs(paragraph, shaped, context.fallback, diags);
  std::vector<Segment>& segments = scratch.segments;
  segment_paragraph(paragraph, shaped, prepared.boundaries, &context.shapes, segments);
  if (segments.empty()) return lines;
  const double size = paragraph.runs.front().style.size;
  // Too narrow a measure has too few spaces to take up a line's slack: it is set ragged. A
  // script written without spaces spreads the slack between its clusters: it keeps justified.
  const bool between_clusters =
      std::any_of(segments.begin(), segments.end(), [](const Segment& segment) { return segment.gap_stretch > 0; });
  const bool too_narrow = settings.width < settings.min_justified_ems * size && !between_clusters;
  const Align align = settings.align == Align::justify && too_narrow ? Align::start : settings.align;
  const bool justified = align == Align::justify;
  BreakModel& model = scratch.model;
  break_model(shaped, segments, justified, justified ? kHyphenPenalty : kRaggedHyphenPenalty, model);
  LineBreakParameters parameters;
  parameters.emergency_stretch = kEmergencyStretchEms * size;
  // Ragged lines keep their spaces rigid: what total fit evens is the room each leaves.
  if (!justified) parameters.line_stretch = kRaggedStretchEms * size;
  const LineWidths widths{settings.width, settings.width};
  LineBreakResult& result = scratch.breaks;
  break_lines_total_fit(model.items, widths, parameters, scratch.breaker, result);
  std::vector<SegmentLine>& breaks = scratch.lines;
  segment_lines(model, result, breaks);
  count_lines(result, justified, context.counts);

  lines.reserve(breaks.size());
  const bool rtl = paragraph.direction == document::Direction::rtl;
  for (std::size_t l = 0; l < breaks.size(); ++l) {
    const auto [from, to, glue_ratio] = breaks[l];
    const LineExtent e = extent(segments, from, to);
    const double shrunk = justified ? e.natural - e.space_width * kSpaceShrink : e.natural;
    if (shrunk > settings.width + 0.01) warn_overfull(paragraph, shrunk - settings.width, diags);
    // The breaker's own ratio sets the glue; the last line's fill takes its slack, so it
    // keeps its natural width unless it must shrink.
    const bool last_line = l + 1 == breaks.size();
    const double ratio = !justified ? 0 : last_line ? std::min(glue_ratio, 0.0) : glue_ratio;
    std::vector<double>& adjustments = scratch.adjustments;
    adjustments.clear();
    if (ratio != 0) glue_adjustments(paragraph, shaped, segments, from, to, ratio, adjustments);
    double set_width = e.natural;
    for (const double adjustment : adjustments) set_width += adjustment;
    const double slack = settings.width - set_width;
    const bool flush_right =
        align == (rtl ? Align::start : Align::end) || (align == Align::justify && rtl);
    double shift = 0;
    if (align == Align::center && slack > 0) shift = slack / 2;
    if (flush_right && slack > 0) shift = slack;
    const Segment& closing = segments[to - 1];
    lines.push_back(build_line(paragraph, shaped, segments[from].first, closing.last,
                               closing.hyphen ? &*closing.hyphen : nullptr, adjustments, shift, scratch.line));
  }
  return lines;
}

}  // namespace leafpress::text
