#include "layout/block_kinds.hpp"
#include "layout/block_parts.hpp"

namespace leafpress::layout {
namespace {

/// The box's lines as strips on its ground, so that it may break between them: each strip
/// carries its share of the ground, the first the accent rule and the top padding, the last
/// the bottom padding; a strip that opens a column draws the rule and the top padding again
/// above it (the box continued). The lines' gaps become part of their strips, so the box's
/// inside never stretches.
std::vector<Slice> on_ground(std::vector<Slice> lines, const BlockContext& c) {
  const BlockStyle::Callout& style = c.style.callout;
  const double padding = c.style.box.padding;
  const RectItem rule{.x = 0, .y = 0, .width = c.column_width, .height = style.top_rule, .fill = c.theme.accent};
  const auto ground = [&](double height) {
    return RectItem{.x = 0, .y = 0, .width = c.column_width, .height = height, .fill = c.theme.accent_light};
  };
  const auto continued = std::make_shared<Slice>(Slice{.height = padding, .items = {ground(padding), rule}});
  std::vector<Slice> strips;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    Slice& line = lines[k];
    const double above = (k == 0 ? padding : 0) + line.space_before;
    const double height = above + line.height + (k + 1 == lines.size() ? padding : 0);
    std::vector<Item> items{ground(height)};
    if (k == 0) items.push_back(rule);
    translate(line.items, padding, above);
    items.insert(items.end(), std::make_move_iterator(line.items.begin()), std::make_move_iterator(line.items.end()));
    strips.push_back(Slice{.height = height,
                           .space_before = k == 0 ? c.style.box.space_before : 0,
                           .keep_with_next = line.keep_with_next,
                           .items = std::move(items),
                           .repeated_header = k == 0 ? nullptr : continued});
  }
  return strips;
}

}  // namespace

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
  if (lines.empty()) return on_ground({Slice{}}, c);
  lines.back().keep_with_next = false;
  return on_ground(std::move(lines), c);
}

}  // namespace leafpress::layout
