#include "layout/block_kinds.hpp"

#include <iterator>
#include <utility>

#include "layout/block_parts.hpp"

namespace leafpress::layout {

std::vector<Slice> title_slices(const document::TitleBlock<document::RichText>& b, const BlockContext& c) {
  const BlockStyle::Box& box = c.style.box;
  const BlockStyle::Title& style = c.style.title;
  const double width = c.column_width - 2 * box.padding - style.inset;
  Stack stack(box.padding + style.inset, box.padding + style.inset);
  if (b.kicker) {
    const TextSpec kicker = heading_spec(c, style.kicker_size, c.theme.accent);
    stack.add(c.typesetter.set(*b.kicker, kicker, width), 0, c.structure.add(Role::paragraph));
    stack.skip(style.kicker_gap);
  }
  stack.add(set_fitting(b.title, heading_spec(c, c.theme.title_size, c.theme.accent), width, c), 0,
            c.structure.add(Role::heading, 0, 1, b.title.plain()));
  if (b.subtitle) {
    TextSpec subtitle = heading_spec(c, c.theme.subtitle_size, c.theme.muted);
    subtitle.bold = false;
    stack.add(c.typesetter.set(*b.subtitle, subtitle, width), style.subtitle_gap, c.structure.add(Role::paragraph));
  }
  stack.skip(box.padding + style.inset);
  const double height = stack.y();
  std::vector<Item> items{RectItem{.x = 0, .y = 0, .width = c.column_width, .height = height, .fill = c.theme.accent_light},
                          RectItem{.x = 0, .y = 0, .width = box.accent_bar, .height = height, .fill = c.theme.accent}};
  items.insert(items.end(), std::make_move_iterator(stack.items().begin()),
               std::make_move_iterator(stack.items().end()));
  return one_slice(Slice{.height = height, .space_before = 0, .items = std::move(items)});
}

}  // namespace leafpress::layout
