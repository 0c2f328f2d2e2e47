#include "text/break_model.hpp"

namespace leafpress::text {
namespace {

bool ends_with_hyphen(const ShapedParagraph& shaped, const Segment& segment) {
  for (std::size_t g = segment.last; g > segment.first; --g) {
    const std::string_view text = cluster_text(shaped, shaped.items[g - 1]);
    if (!text.empty()) return text == "-" || text == "\u2010";
  }
  return false;
}

/// Whether a line may break after `segment` at glue (its spaces, or the gap after its last
/// cluster), which then also carries the stretch of its gaps, rather than at a penalty.
bool ends_with_glue(const ShapedParagraph& shaped, const Segment& segment, bool justified) {
  if (segment.hyphen) return false;
  if (segment.space_width > 0) return true;
  return justified && segment.gap_stretch > 0 && !ends_with_hyphen(shaped, segment);
}

}  // namespace

BreakModel break_model(const ShapedParagraph& shaped, const std::vector<Segment>& segments, bool justified,
                       double hyphen_penalty) {
  BreakModel model;
  break_model(shaped, segments, justified, hyphen_penalty, model);
  return model;
}

void break_model(const ShapedParagraph& shaped, const std::vector<Segment>& segments, bool justified,
                 double hyphen_penalty, BreakModel& model) {
  model.items.clear();
  model.ends.clear();
  // A box and a break a segment, and the few items that finish the paragraph.
  model.items.reserve(2 * segments.size() + 4);
  model.ends.reserve(2 * segments.size() + 4);
  auto add = [&](BreakItem item, std::size_t segment) {
    model.items.push_back(item);
    model.ends.push_back(segment);
  };
  for (std::size_t k = 0; k < segments.size(); ++k) {
    const Segment& seg = segments[k];
    add({BreakItemKind::box, seg.content_width}, k);
    if (k + 1 == segments.size()) break;
    if (ends_with_glue(shaped, seg, justified)) {
      const double gaps = justified ? seg.gap_stretch : 0;
      const double stretch = justified ? seg.space_width * kSpaceStretch + gaps : 0;
      const double shrink = justified ? seg.space_width * kSpaceShrink : 0;
      add({BreakItemKind::glue, seg.space_width, stretch, shrink}, k);
    } else if (seg.hyphen) {
      add({BreakItemKind::penalty, seg.hyphen_width(), 0, 0, hyphen_penalty, true}, k);
    } else {
      const bool hyphen = ends_with_hyphen(shaped, seg);
      add({BreakItemKind::penalty, 0, 0, 0, hyphen ? hyphen_penalty : 0, hyphen}, k);
    }
  }
  finish_paragraph(model.items);
  model.ends.resize(model.items.size(), segments.size() - 1);
}

std::vector<double> glue_adjustments(const StyledParagraph& paragraph, const ShapedParagraph& shaped,
                                     const std::vector<Segment>& segments, std::size_t from, std::size_t to,
                                     double glue_ratio) {
  std::vector<double> adjustments;
  glue_adjustments(paragraph, shaped, segments, from, to, glue_ratio, adjustments);
  return adjustments;
}

void glue_adjustments(const StyledParagraph& paragraph, const ShapedParagraph& shaped,
                      const std::vector<Segment>& segments, std::size_t from, std::size_t to, double glue_ratio,
                      std::vector<double>& adjustments) {
  const std::size_t first = segments[from].first;
  adjustments.assign(segments[to - 1].last - first, 0.0);
  // The glue after a line's last segment is where it breaks: it is not set.
  for (std::size_t s = from; s + 1 < to; ++s) {
    if (!ends_with_glue(shaped, segments[s], true)) continue;
    for (std::size_t k = segments[s].first; k < segments[s].last; ++k) {
      const ShapedItem& item = shaped.items[k];
      double& adjustment = adjustments[k - first];
      if (item.is_space) {
        adjustment = item.advance * glue_ratio * (glue_ratio > 0 ? kSpaceStretch : kSpaceShrink);
      } else if (glue_ratio > 0 && cluster_gap_after(shaped, k)) {
        adjustment = glue_ratio * cluster_gap_stretch(paragraph, shaped, k);
      }
    }
  }
}

std::vector<SegmentLine> segment_lines(const BreakModel& model, const LineBreakResult& result) {
  std::vector<SegmentLine> lines;
  segment_lines(model, result, lines);
  return lines;
}

void segment_lines(const BreakModel& model, const LineBreakResult& result, std::vector<SegmentLine>& lines) {
  lines.clear();
  std::size_t start = 0;
  for (const LineBreak& line : result.breaks) {
    const std::size_t end = model.ends[line.position] + 1;
    if (end > start) lines.push_back({start, end, line.glue_ratio});
    start = end;
  }
}

}  // namespace leafpress::text
