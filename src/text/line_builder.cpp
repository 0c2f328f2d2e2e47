#include "text/line_builder.hpp"

#include <algorithm>

#include "text/bidi.hpp"

namespace leafpress::text {
namespace {

using Group = std::pair<std::size_t, std::size_t>;  // [from, to) into the line's items

/// A line's items: the paragraph's items [first, last), then the added hyphen if any.
class LineItems {
 public:
  LineItems(const ShapedParagraph& shaped, std::size_t first, std::size_t last, const ShapedItem* hyphen)
      : items_(shaped.items.data() + first), count_(last - first), hyphen_(hyphen) {}
  std::size_t size() const { return count_ + (hyphen_ ? 1 : 0); }
  const ShapedItem& operator[](std::size_t k) const { return k < count_ ? items_[k] : *hyphen_; }
  /// How many of the items are the paragraph's (the hyphen, if any, comes after them).
  std::size_t paragraph_count() const { return count_; }

 private:
  const ShapedItem* items_;
  std::size_t count_;
  const ShapedItem* hyphen_;
};

/// The line's items grouped by shaping run, the groups in visual order, in `scratch`. A line
/// of one run, or of runs all at level 0 (left-to-right text in several styles), needs no
/// reordering.
const std::vector<Group>& visual_groups(const LineItems& items, const ShapedParagraph& shaped, LineScratch& scratch) {
  std::vector<Group>& groups = scratch.groups;
  groups.clear();
  const std::size_t count = items.size();
  if (count == 0) return groups;
  std::size_t begin = 0;
  std::size_t run = items[0].run;
  bool reorder = shaped.runs[run].level != 0;
  for (std::size_t k = 1; k < count; ++k) {
    if (items[k].run == run) continue;
    groups.emplace_back(begin, k);
    begin = k;
    run = items[k].run;
    reorder = reorder || shaped.runs[run].level != 0;
  }
  groups.emplace_back(begin, count);
  if (groups.size() < 2 || !reorder) return groups;
  std::vector<std::uint8_t>& levels = scratch.levels;
  levels.clear();
  for (const auto& [from, to] : groups) levels.push_back(shaped.runs[items[from].run].level);
  std::vector<Group>& ordered = scratch.ordered;
  ordered.clear();
  visual_order(levels, scratch.order);
  for (const std::int32_t g : scratch.order) ordered.push_back(groups[static_cast<std::size_t>(g)]);
  return ordered;
}

/// The space a line breaks at, drawn past the line's logical end (right of a left-to-right
/// line, left of a right-to-left one) where it takes no room: readers that join lines by
/// their content, not their position, then still find the words apart.
void hang_space(const StyledParagraph& paragraph, const ShapedParagraph& shaped, const ShapedItem& space, double shift,
                Line& line) {
  const ShapingRun& run = shaped.runs[space.run];
  const TextStyle& style = paragraph.runs[run.style_run].style;
  const bool rtl = paragraph.direction == document::Direction::rtl;
  const double x = rtl ? shift - space.advance : shift + line.width;
  GlyphRun hanging{run.face, style.size, style.color, {}, x, 0, run.rtl(), style.language, {}, shaped.text};
  hanging.glyphs.push_back({0, space.glyph.id, space.glyph.cluster, space.end, space.glyph.advance});
  if (rtl) {
    line.runs.insert(line.runs.begin(), std::move(hanging));
  } else {
    line.runs.push_back(std::move(hanging));
  }
}

/// Places items [from, to) of `items`, a run `glyph_run` of the line, from `cursor` (taken
/// in reverse for a right-to-left run, so that its glyphs come in visual order); returns
/// where the pen ends. Item k of the paragraph's moves it by `adjustments[k]` more than its
/// advance (0 past their end); the added hyphen, by its advance alone.
double place_run(const LineItems& items, std::span<const double> adjustments, std::size_t from, std::size_t to,
                 bool rtl, double scale, double cursor, GlyphRun& glyph_run) {
  const auto place = [&](const ShapedItem& item, double adjustment) {
    glyph_run.glyphs.push_back({cursor - glyph_run.x + item.glyph.x_offset * scale, item.glyph.id, item.glyph.cluster,
                                item.end, item.glyph.advance, item.glyph.x_offset, item.glyph.y_offset});
    cursor += item.advance + adjustment;
  };
  const std::size_t in_paragraph = std::min(to, items.paragraph_count());
  const std::size_t adjusted = std::min(in_paragraph, adjustments.size());
  const bool hyphen = to > in_paragraph;
  if (!rtl) {
    for (std::size_t k = from; k < in_paragraph; ++k) place(items[k], k < adjusted ? adjustments[k] : 0);
    if (hyphen) place(items[in_paragraph], 0);
  } else {
    if (hyphen) place(items[in_paragraph], 0);
    for (std::size_t k = in_paragraph; k-- > from;) place(items[k], k < adjusted ? adjustments[k] : 0);
  }
  return cursor;
}

}  // namespace

Line build_line(const StyledParagraph& paragraph, const ShapedParagraph& shaped, std::size_t first, std::size_t last,
                const ShapedItem* hyphen, std::span<const double> adjustments, double shift) {
  LineScratch scratch;
  return build_line(paragraph, shaped, first, last, hyphen, adjustments, shift, scratch);
}

Line build_line(const StyledParagraph& paragraph, const ShapedParagraph& shaped, std::size_t first, std::size_t last,
                const ShapedItem* hyphen, std::span<const double> adjustments, double shift, LineScratch& scratch) {
  const std::size_t end = last;
  while (last > first && shaped.items[last - 1].is_space) --last;  // trailing spaces hang out of the line
  const LineItems items(shaped, first, last, hyphen);

  Line line;
  const std::vector<Group>& groups = visual_groups(items, shaped, scratch);
  line.runs.reserve(groups.size() + 1);  // and the hanging space
  double cursor = shift;
  for (const auto& [from, to] : groups) {
    const ShapingRun& run = shaped.runs[items[from].run];
    const TextStyle& style = paragraph.runs[run.style_run].style;
    const auto& m = run.face->metrics();
    const double scale = style.size / m.units_per_em;
    line.runs.push_back(
        {run.face, style.size, style.color, style.link, cursor, 0, run.rtl(), style.language, {}, shaped.text});
    line.ascent = std::max(line.ascent, m.ascender * scale);
    line.descent = std::max(line.descent, -m.descender * scale);
    GlyphRun& glyph_run = line.runs.back();
    glyph_run.glyphs.reserve(to - from);
    cursor = place_run(items, adjustments, from, to, run.rtl(), scale, cursor, glyph_run);
    glyph_run.width = cursor - glyph_run.x;
  }
  line.width = cursor - shift;
  if (last < end && !hyphen) hang_space(paragraph, shaped, shaped.items[last], shift, line);
  return line;
}

}  // namespace leafpress::text
