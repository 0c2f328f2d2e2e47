#include "layout/block_kinds.hpp"
#include "layout/block_parts.hpp"

namespace leafpress::layout {

std::vector<Slice> callout_slices(const document::CalloutBlock<document::RichText>& b, const BlockContext& c) {
  const BlockStyle::Callout& style = c.style.callout;
  const double width = c.column_width - 2 * c.style.box.padding;
  const int section = c.structure.add(Role::section);
  std::vector<Slice> lines;
  double height = 0;
  const auto add = [&](std::vector<Slice> more) {
    for (Slice& line : more) {
      height += line.space_before + line.height;
      lines.push_back(std::move(line));
    }
  };
  if (b.title) {
    auto title = line_slices(c.typesetter.set(*b.title, heading_spec(c, c.theme.h2_size, c.theme.accent), width), 0, 0,
                             c.structure.add(Role::heading, section, 2, b.title->plain()));
    for (Slice& line : title) line.keep_with_next = true;  // a title never ends a column
    add(std::move(title));
  }
  TextSpec body = body_spec(c);
  body.align = text::Align::start;
  for (std::size_t i = 0; i < b.paragraphs.size() && height <= c.height_budget; ++i) {
    add(line_slices(c.typesetter.set(b.paragraphs[i], body, width), 0, i == 0 && !b.title ? 0 : style.paragraph_gap,
                    c.structure.add(Role::paragraph, section)));
  }
  const int list = b.items.empty() ? 0 : c.structure.add(Role::list, section);
  for (std::size_t i = 0; i < b.items.size() && height <= c.height_budget; ++i) {
    const double gap = i == 0 ? style.first_item_gap : style.item_gap;
    auto item = list_item_slices(b.items[i], list_label(false, i, c), width, gap, list, c);
    keep_list_ends(item, i, b.items.size());
    add(std::move(item));
  }
  const Ground ground{.fill = c.theme.accent_light, .edge = Ground::Edge::top_rule};
  if (lines.empty()) return on_ground({Slice{}}, ground, c);
  lines.back().keep_with_next = false;
  return on_ground(std::move(lines), ground, c);
}

}  // namespace leafpress::layout
