#include "text/set_paragraph.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/utf8.hpp"
#include "text/line_breaks.hpp"
#include "text/shape.hpp"

namespace leafpress::text {
namespace {

/// A shaped glyph of the paragraph with everything line breaking needs.
struct Item {
  std::size_t run = 0;
  ShapedGlyph glyph;
  double advance = 0;  // points
  std::string text;
  bool is_space = false;
};

/// The glyphs between two break opportunities: a word and the spaces after it.
struct Segment {
  std::size_t first = 0;  // index into items
  std::size_t last = 0;   // one past
  double content_width = 0;
  double space_width = 0;
};

bool is_collapsible_space(std::string_view text) { return text == " "; }

/// Shapes each style run and gives every glyph its characters (for ToUnicode) by cluster.
/// Example: "office" in Noto Serif shapes to o, ffi, c, e with clusters 0, 1, 4, 5; the
/// ffi glyph stands for bytes [1, 4) = "ffi".
std::vector<Item> shape_runs(const StyledParagraph& paragraph) {
  std::vector<Item> items;
  for (std::size_t r = 0; r < paragraph.runs.size(); ++r) {
    const StyledRun& run = paragraph.runs[r];
    const auto glyphs = shape(*run.style.face, paragraph.text, run.begin, run.end, paragraph.language);
    std::set<std::uint32_t> clusters;
    for (const ShapedGlyph& glyph : glyphs) clusters.insert(glyph.cluster);
    std::set<std::uint32_t> given;
    const double scale = run.style.size / run.style.face->metrics().units_per_em;
    for (const ShapedGlyph& glyph : glyphs) {
      Item item{r, glyph, glyph.advance * scale, {}, false};
      const auto next = clusters.upper_bound(glyph.cluster);
      const std::size_t end = next == clusters.end() ? run.end : *next;
      const std::string_view chars = std::string_view(paragraph.text).substr(glyph.cluster, end - glyph.cluster);
      item.is_space = is_collapsible_space(chars);
      if (given.insert(glyph.cluster).second) item.text = std::string(chars);
      items.push_back(std::move(item));
    }
  }
  return items;
}

void report_uncovered(const StyledParagraph& paragraph, const std::vector<Item>& items, core::Diagnostics& diags) {
  std::set<char32_t> reported;
  for (const Item& item : items) {
    if (item.glyph.id != 0) continue;
    std::size_t offset = item.glyph.cluster;
    const char32_t cp = core::next_code_point(paragraph.text, offset);
    if (!reported.insert(cp).second) continue;
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    const auto* face = paragraph.runs[item.run].style.face;
    diags.error(paragraph.loc, std::string("no font covers ") + code + " '" + paragraph.text.substr(item.glyph.cluster, offset - item.glyph.cluster) + "'",
                "'" + face->family() + "' has no glyph for it; choose a font that does in theme.fonts");
  }
}

std::vector<Segment> segment(const StyledParagraph& paragraph, const std::vector<Item>& items) {
  const auto breaks = line_break_opportunities(paragraph.text, paragraph.language);
  std::vector<Segment> segments;
  std::size_t i = 0;
  for (const std::size_t boundary : breaks) {
    Segment seg{i, i, 0, 0};
    while (i < items.size() && items[i].glyph.cluster < boundary) ++i;
    seg.last = i;
    for (std::size_t k = seg.first; k < seg.last; ++k) {
      (items[k].is_space ? seg.space_width : seg.content_width) += items[k].advance;
    }
    if (seg.last > seg.first) segments.push_back(seg);
  }
  return segments;
}

/// First fit: each line takes segments while their words fit.
std::vector<std::pair<std::size_t, std::size_t>> break_greedily(const std::vector<Segment>& segments, double width) {
  std::vector<std::pair<std::size_t, std::size_t>> lines;
  std::size_t start = 0;
  double used = 0;  // words and the spaces between them, without the trailing space
  for (std::size_t k = 0; k < segments.size(); ++k) {
    const double with_k = k == start ? segments[k].content_width
                                     : used + segments[k - 1].space_width + segments[k].content_width;
    if (with_k > width + 1e-6 && k > start) {
      lines.emplace_back(start, k);
      start = k;
      used = segments[k].content_width;
    } else {
      used = with_k;
    }
  }
  if (start < segments.size()) lines.emplace_back(start, segments.size());
  return lines;
}

Line build_line(const StyledParagraph& paragraph, const std::vector<Item>& items, const std::vector<Segment>& segments,
                std::size_t first_segment, std::size_t last_segment, double extra_per_space, double shift) {
  Line line;
  const std::size_t first = segments[first_segment].first;
  std::size_t last = segments[last_segment - 1].last;
  while (last > first && items[last - 1].is_space) --last;  // trailing spaces hang out of the line

  double cursor = shift;
  for (std::size_t k = first; k < last; ++k) {
    const Item& item = items[k];
    const TextStyle& style = paragraph.runs[item.run].style;
    if (k == first || items[k - 1].run != item.run) {
      line.runs.push_back({style.face, style.size, style.color, style.link, cursor, 0, {}});
      const auto& m = style.face->metrics();
      line.ascent = std::max(line.ascent, m.ascender * style.size / m.units_per_em);
      line.descent = std::max(line.descent, -m.descender * style.size / m.units_per_em);
    }
    GlyphRun& run = line.runs.back();
    const double scale = style.size / style.face->metrics().units_per_em;
    run.glyphs.push_back({item.glyph.id, cursor - run.x + item.glyph.x_offset * scale, item.glyph.y_offset * scale,
                          item.text});
    cursor += item.advance + (item.is_space ? extra_per_space : 0);
    run.width = cursor - run.x;
  }
  line.width = cursor - shift;
  return line;
}

}  // namespace

std::vector<Line> set_paragraph(const StyledParagraph& paragraph, const ParagraphSettings& settings,
                                core::Diagnostics& diags) {
  std::vector<Line> lines;
  if (paragraph.text.empty() || paragraph.runs.empty()) return lines;
  const auto items = shape_runs(paragraph);
  report_uncovered(paragraph, items, diags);
  const auto segments = segment(paragraph, items);
  const auto breaks = break_greedily(segments, settings.width);

  for (std::size_t l = 0; l < breaks.size(); ++l) {
    const auto [from, to] = breaks[l];
    double natural = 0;
    int spaces = 0;
    for (std::size_t k = from; k < to; ++k) {
      natural += segments[k].content_width;
      if (k + 1 < to) {
        natural += segments[k].space_width;
        for (std::size_t g = segments[k].first; g < segments[k].last; ++g) spaces += items[g].is_space ? 1 : 0;
      }
    }
    if (natural > settings.width + 0.01) {
      char amount[32];
      std::snprintf(amount, sizeof amount, "%.1f", natural - settings.width);
      diags.warning(paragraph.loc, std::string("a line overflows its column by ") + amount + " pt",
                    "a word is wider than the column; shorten it or widen the column");
    }
    const double slack = settings.width - natural;
    const bool last_line = l + 1 == breaks.size();
    double extra = 0;
    double shift = 0;
    if (settings.align == Align::justify && !last_line && spaces > 0 && slack > 0) extra = slack / spaces;
    if (settings.align == Align::center && slack > 0) shift = slack / 2;
    if (settings.align == Align::end && slack > 0) shift = slack;
    lines.push_back(build_line(paragraph, items, segments, from, to, extra, shift));
  }
  return lines;
}

}  // namespace leafpress::text
