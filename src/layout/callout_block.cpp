#include "layout/block_kinds.hpp"
#include "layout/block_parts.hpp"

namespace leafpress::layout {

std::vector<Slice> callout_slices(const document::CalloutBlock<document::RichText>& b, const BlockContext& c) {
  const BlockStyle::Callout& style = c.style.callout;
  const double padding = c.style.box.padding;
  const double width = c.column_width - 2 * padding;
  Stack stack(padding, padding);
  const int section = c.structure.add(Role::section);
  if (b.title) {
    stack.add(c.typesetter.set(*b.title, heading_spec(c, c.theme.h2_size, c.theme.accent), width), 0,
              c.structure.add(Role::heading, section, 2, b.title->plain()));
  }
  TextSpec body = body_spec(c);
  body.align = text::Align::start;
  for (std::size_t i = 0; i < b.paragraphs.size() && stack.y() <= c.height_budget; ++i) {
    stack.add(c.typesetter.set(b.paragraphs[i], body, width), i == 0 && !b.title ? 0 : style.paragraph_gap,
              c.structure.add(Role::paragraph, section));
  }
  const int list = b.items.empty() ? 0 : c.structure.add(Role::list, section);
  for (std::size_t i = 0; i < b.items.size() && stack.y() <= c.height_budget; ++i) {
    const double gap = i == 0 ? style.first_item_gap : style.item_gap;
    for (const Slice& line : list_item_slices(b.items[i], list_label(false, i, c), width, gap, list, c)) {
      stack.add_slice(line);
    }
  }
  auto slices = boxed(stack, c, c.theme.accent_light, c.style.box.space_before);
  slices.front().items.push_back(
      RectItem{.x = 0, .y = 0, .width = c.column_width, .height = style.top_rule, .fill = c.theme.accent});
  return slices;
}

}  // namespace leafpress::layout
