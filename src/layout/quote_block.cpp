#include "layout/block_kinds.hpp"
#include "layout/block_parts.hpp"

namespace leafpress::layout {

std::vector<Slice> quote_slices(const document::QuoteBlock<document::RichText>& b, const BlockContext& c) {
  const BlockStyle::Quote& style = c.style.quote;
  Stack stack(style.indent, style.pad);
  TextSpec quote = body_spec(c);
  quote.size = c.theme.body_size * style.size;
  quote.italic = true;
  quote.color = c.theme.accent;
  quote.align = text::Align::start;
  const int block_quote = c.structure.add(Role::block_quote);
  stack.add(c.typesetter.set(b.text, quote, c.column_width - style.indent), 0,
            c.structure.add(Role::paragraph, block_quote));
  if (b.by) {
    TextSpec by = heading_spec(c, c.theme.body_size * style.by_size, c.theme.muted);
    by.bold = false;
    stack.add(c.typesetter.set(*b.by, by, c.column_width - style.indent), style.by_gap,
              c.structure.add(Role::paragraph, block_quote));
  }
  stack.skip(style.pad);
  const double height = stack.y();
  stack.add_rect(RectItem{.x = 0, .y = 0, .width = style.bar, .height = height, .fill = c.theme.accent});
  return one_slice(Slice{.height = height, .space_before = style.space_before, .items = std::move(stack.items())});
}

}  // namespace leafpress::layout
