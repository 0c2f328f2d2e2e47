#include <algorithm>

#include "layout/block_kinds.hpp"
#include "layout/block_parts.hpp"

namespace leafpress::layout {

std::vector<Slice> heading_slices(const document::HeadingBlock<document::RichText>& b, const BlockContext& c,
                                  int parent) {
  const BlockStyle::Heading& style = c.style.heading;
  const double sizes[] = {c.theme.h1_size, c.theme.h2_size, c.theme.h3_size};
  const int level = std::clamp(b.level, 1, 3);
  const core::Color color = level == 1 ? c.theme.accent : c.theme.text;
  const SetText set = c.typesetter.set(b.text, heading_spec(c, sizes[level - 1], color), c.column_width);
  // The leaflet's title is the only H1; its sections start at H2 (PDF/UA: no skipped levels).
  std::vector<Item> items = all_line_items(set, 0, 0, c.structure.add(Role::heading, parent, level + 1, b.text.plain()));
  double height = set.height() + (level == 1 ? style.below_h1 : style.below);
  if (level == 1) {
    items.push_back(RectItem{.x = 0,
                             .y = set.height() + style.rule_offset,
                             .width = style.rule_width,
                             .height = style.rule_height,
                             .fill = c.theme.accent});
    height += style.rule_space;
  }
  return one_slice(Slice{
      .height = height, .space_before = style.gaps[level - 1], .keep_with_next = true, .items = std::move(items)});
}

}  // namespace leafpress::layout
