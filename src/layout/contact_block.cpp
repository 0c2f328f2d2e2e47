#include "layout/block_kinds.hpp"
#include "layout/block_parts.hpp"

namespace leafpress::layout {

std::vector<Slice> contact_slices(const document::ContactBlock<document::RichText>& b, const BlockContext& c) {
  const BlockStyle::Contact& style = c.style.contact;
  const core::Color white = core::Rgb{1, 1, 1};
  const double padding = c.style.box.padding;
  const double width = c.column_width - 2 * padding;
  Stack stack(padding, padding);
  const int section = c.structure.add(Role::section);
  if (b.title) {
    stack.add(c.typesetter.set(*b.title, heading_spec(c, c.theme.h2_size, white), width), 0,
              c.structure.add(Role::heading, section, 2, b.title->plain()));
  }
  TextSpec line = heading_spec(c, c.theme.body_size * style.size, white);
  line.bold = false;
  line.leading = style.leading;
  for (std::size_t i = 0; i < b.lines.size() && stack.y() <= c.height_budget; ++i) {
    stack.add(c.typesetter.set(b.lines[i], line, width), i == 0 ? style.first_gap : style.gap,
              c.structure.add(Role::paragraph, section));
  }
  return boxed(stack, c, c.theme.accent, c.style.box.space_before);
}

}  // namespace leafpress::layout
