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

}  // namespace

BreakModel break_model(const ShapedParagraph& shaped, const std::vector<Segment>& segments, bool justified) {
  BreakModel model;
  auto add = [&](BreakItem item, std::size_t segment) {
    model.items.push_back(item);
    model.ends.push_back(segment);
  };
  for (std::size_t k = 0; k < segments.size(); ++k) {
    const Segment& seg = segments[k];
    add({BreakItemKind::box, seg.content_width}, k);
    if (k + 1 == segments.size()) break;
    if (seg.hyphen) {
      add({BreakItemKind::penalty, seg.hyphen_width(), 0, 0, kHyphenPenalty, true}, k);
    } else if (seg.space_width > 0) {
      const double stretch = justified ? seg.space_width * kSpaceStretch : 0;
      const double shrink = justified ? seg.space_width * kSpaceShrink : 0;
      add({BreakItemKind::glue, seg.space_width, stretch, shrink}, k);
    } else {
      const bool hyphen = ends_with_hyphen(shaped, seg);
      add({BreakItemKind::penalty, 0, 0, 0, hyphen ? kHyphenPenalty : 0, hyphen}, k);
    }
  }
  finish_paragraph(model.items);
  model.ends.resize(model.items.size(), segments.size() - 1);
  return model;
}

std::vector<std::pair<std::size_t, std::size_t>> segment_lines(const BreakModel& model,
                                                               const LineBreakResult& result) {
  std::vector<std::pair<std::size_t, std::size_t>> lines;
  std::size_t start = 0;
  for (const LineBreak& line : result.breaks) {
    const std::size_t end = model.ends[line.position] + 1;
    if (end > start) lines.emplace_back(start, end);
    start = end;
  }
  return lines;
}

}  // namespace leafpress::text
