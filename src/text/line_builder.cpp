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

 private:
  const ShapedItem* items_;
  std::size_t count_;
  const ShapedItem* hyphen_;
};

/// The line's items grouped by shaping run, the groups in visual order. A line of one run,
/// or of runs all at level 0 (left-to-right text in several styles), needs no reordering.
std::vector<Group> visual_groups(const LineItems& items, const ShapedParagraph& shaped) {
  std::vector<Group> groups;
  std::vector<std::uint8_t> levels;
  bool reorder = false;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (k == 0 || items[k - 1].run != items[k].run) {
      groups.emplace_back(k, k);
      levels.push_back(shaped.runs[items[k].run].level);
      reorder = reorder || levels.back() != 0;
    }
    groups.back().second = k + 1;
  }
  if (groups.size() < 2 || !reorder) return groups;
  std::vector<Group> ordered;
  ordered.reserve(groups.size());
  for (const std::size_t g : visual_order(levels)) ordered.push_back(groups[g]);
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

/// How much more than its advance `item` moves the pen: its element of `adjustments`, 0 for
/// the added hyphen, which is not one of the paragraph's items.
double adjustment_after(const ShapedParagraph& shaped, const ShapedItem& item, std::size_t first,
                        std::span<const double> adjustments) {
  const ShapedItem* begin = shaped.items.data() + first;
  if (&item < begin || &item >= begin + adjustments.size()) return 0;
  return adjustments[static_cast<std::size_t>(&item - begin)];
}

}  // namespace

Line build_line(const StyledParagraph& paragraph, const ShapedParagraph& shaped, std::size_t first, std::size_t last,
                const ShapedItem* hyphen, std::span<const double> adjustments, double shift) {
  const std::size_t end = last;
  while (last > first && shaped.items[last - 1].is_space) --last;  // trailing spaces hang out of the line
  const LineItems items(shaped, first, last, hyphen);

  Line line;
  const std::vector<Group> groups = visual_groups(items, shaped);
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
    for (std::size_t n = from; n < to; ++n) {
      const ShapedItem& item = items[run.rtl() ? from + to - 1 - n : n];
      glyph_run.glyphs.push_back({cursor - glyph_run.x + item.glyph.x_offset * scale, item.glyph.id, item.glyph.cluster,
                                  item.end, item.glyph.advance, item.glyph.x_offset, item.glyph.y_offset});
      cursor += item.advance + adjustment_after(shaped, item, first, adjustments);
    }
    glyph_run.width = cursor - glyph_run.x;
  }
  line.width = cursor - shift;
  if (last < end && !hyphen) hang_space(paragraph, shaped, shaped.items[last], shift, line);
  return line;
}

}  // namespace leafpress::text
