#include "text/set_paragraph.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "core/utf8.hpp"
#include "text/bidi.hpp"
#include "text/itemize.hpp"
#include "text/line_breaks.hpp"
#include "text/shape.hpp"

namespace leafpress::text {
namespace {

/// A shaped glyph of the paragraph, in logical order, with everything line breaking needs.
struct Item {
  std::size_t run = 0;  // index into the shaping runs
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

/// Shapes each run and gives every glyph its characters (for ToUnicode) by cluster, keeping
/// the glyphs in logical order: a right-to-left run's visual glyphs are reversed.
/// Example: "office" in Noto Serif shapes to o, ffi, c, e with clusters 0, 1, 4, 5; the
/// ffi glyph stands for bytes [1, 4) = "ffi".
std::vector<Item> shape_runs(const StyledParagraph& paragraph, const std::vector<ShapingRun>& runs) {
  std::vector<Item> items;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const ShapingRun& run = runs[r];
    auto glyphs = shape(*run.face, paragraph.text, run.begin, run.end, paragraph.language, run.script, run.rtl());
    if (run.rtl()) std::reverse(glyphs.begin(), glyphs.end());
    std::set<std::uint32_t> clusters;
    for (const ShapedGlyph& glyph : glyphs) clusters.insert(glyph.cluster);
    std::set<std::uint32_t> given;
    const double scale = paragraph.runs[run.style_run].style.size / run.face->metrics().units_per_em;
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

/// " for script 'Arab'", or nothing for characters of no particular script.
std::string for_script(const std::string& script) {
  if (script == "Zyyy" || script == "Zzzz" || script == "Zinh") return {};
  return " for script '" + script + "'";
}

/// One error per paragraph and script, naming the first few characters no face has.
void report_uncovered(const StyledParagraph& paragraph, const std::vector<ShapingRun>& runs,
                      const std::vector<Item>& items, core::Diagnostics& diags) {
  constexpr std::size_t kNamed = 4;
  std::map<std::pair<const fonts::Face*, std::string>, std::vector<std::string>> missing;  // in first-seen order
  std::vector<std::pair<const fonts::Face*, std::string>> order;
  std::set<char32_t> seen;
  for (const Item& item : items) {
    if (item.glyph.id != 0) continue;
    std::size_t offset = item.glyph.cluster;
    const char32_t cp = core::next_code_point(paragraph.text, offset);
    if (!seen.insert(cp).second) continue;
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    const ShapingRun& run = runs[item.run];
    const auto key = std::make_pair(run.face, run.script);
    if (!missing.count(key)) order.push_back(key);
    missing[key].push_back(std::string(code) + " '" +
                           paragraph.text.substr(item.glyph.cluster, offset - item.glyph.cluster) + "'");
  }
  for (const auto& key : order) {
    const auto& chars = missing[key];
    std::string list;
    for (std::size_t k = 0; k < chars.size() && k < kNamed; ++k) list += (k ? ", " : "") + chars[k];
    if (chars.size() > kNamed) list += " and " + std::to_string(chars.size() - kNamed) + " more";
    diags.error(paragraph.loc, "no font covers " + list,
                "'" + key.first->family() + "' has no glyph for " + (chars.size() > 1 ? "them" : "it") +
                    ", nor has any fallback font" + for_script(key.second) +
                    "; add a font that does to theme.fonts or to fonts/fallback.yaml");
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

/// The items of bytes [first, last) grouped by shaping run, each group in visual order, the
/// groups ordered visually by their bidi levels (UAX #9 L2).
std::vector<std::pair<std::size_t, std::size_t>> visual_groups(const std::vector<Item>& items,
                                                                const std::vector<ShapingRun>& runs,
                                                                std::size_t first, std::size_t last) {
  std::vector<std::pair<std::size_t, std::size_t>> groups;
  std::vector<std::uint8_t> levels;
  for (std::size_t k = first; k < last; ++k) {
    if (k == first || items[k - 1].run != items[k].run) {
      groups.emplace_back(k, k);
      levels.push_back(runs[items[k].run].level);
    }
    groups.back().second = k + 1;
  }
  std::vector<std::pair<std::size_t, std::size_t>> ordered;
  for (const std::size_t g : visual_order(levels)) ordered.push_back(groups[g]);
  return ordered;
}

Line build_line(const StyledParagraph& paragraph, const std::vector<ShapingRun>& runs,
                const std::vector<Item>& items, const std::vector<Segment>& segments, std::size_t first_segment,
                std::size_t last_segment, double extra_per_space, double shift) {
  Line line;
  const std::size_t first = segments[first_segment].first;
  std::size_t last = segments[last_segment - 1].last;
  while (last > first && items[last - 1].is_space) --last;  // trailing spaces hang out of the line

  double cursor = shift;
  for (const auto& [from, to] : visual_groups(items, runs, first, last)) {
    const ShapingRun& shaping = runs[items[from].run];
    const TextStyle& style = paragraph.runs[shaping.style_run].style;
    const auto& m = shaping.face->metrics();
    line.runs.push_back({shaping.face, style.size, style.color, style.link, cursor, 0, shaping.rtl(), {}});
    line.ascent = std::max(line.ascent, m.ascender * style.size / m.units_per_em);
    line.descent = std::max(line.descent, -m.descender * style.size / m.units_per_em);
    GlyphRun& glyph_run = line.runs.back();
    const double scale = style.size / m.units_per_em;
    for (std::size_t n = from; n < to; ++n) {
      const Item& item = items[shaping.rtl() ? from + to - 1 - n : n];
      glyph_run.glyphs.push_back({item.glyph.id, cursor - glyph_run.x + item.glyph.x_offset * scale,
                                  item.glyph.y_offset * scale, item.text, item.glyph.cluster});
      cursor += item.advance + (item.is_space ? extra_per_space : 0);
    }
    glyph_run.width = cursor - glyph_run.x;
  }
  line.width = cursor - shift;
  return line;
}

}  // namespace

std::vector<Line> set_paragraph(const StyledParagraph& paragraph, const ParagraphSettings& settings,
                                fonts::FontFallback& fallback, core::Diagnostics& diags) {
  std::vector<Line> lines;
  if (paragraph.text.empty() || paragraph.runs.empty()) return lines;
  const auto runs = itemize(paragraph, resolve_bidi(paragraph.text, paragraph.direction), fallback);
  const auto items = shape_runs(paragraph, runs);
  report_uncovered(paragraph, runs, items, diags);
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
    const bool rtl = paragraph.direction == document::Direction::rtl;
    const bool flush_right = settings.align == (rtl ? Align::start : Align::end) ||
                             (settings.align == Align::justify && rtl && extra == 0);
    if (settings.align == Align::center && slack > 0) shift = slack / 2;
    if (flush_right && slack > 0) shift = slack;
    lines.push_back(build_line(paragraph, runs, items, segments, from, to, extra, shift));
  }
  return lines;
}

}  // namespace leafpress::text
