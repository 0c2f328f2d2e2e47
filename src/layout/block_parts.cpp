#include "layout/block_parts.hpp"

#include <algorithm>
#include <iterator>
#include <memory>
#include <utility>

namespace leafpress::layout {

TextSpec body_spec(const BlockContext& c) {
  return {.fonts = &c.fonts.body,
          .size = c.theme.body_size,
          .color = c.theme.text,
          .bold = false,
          .italic = false,
          .leading = c.style.text.body_leading,
          .align = text::Align::justify,
          .hyphenate = true};
}

TextSpec heading_spec(const BlockContext& c, double size, core::Color color) {
  return {.fonts = &c.fonts.heading,
          .size = size,
          .color = color,
          .bold = true,
          .italic = false,
          .leading = c.style.text.heading_leading,
          .align = text::Align::start,
          .hyphenate = false};
}

TextSpec caption_spec(const BlockContext& c) {
  TextSpec spec = heading_spec(c, c.theme.body_size * c.style.picture.caption_size, c.theme.muted);
  spec.bold = false;
  spec.leading = c.style.picture.caption_leading;
  return spec;
}

namespace {

/// line_slices, each line's items made by `items_of(i)`.
template <class ItemsOf>
std::vector<Slice> slices_of(const SetText& set, double space_before, const ItemsOf& items_of) {
  std::vector<Slice> slices;
  const std::size_t n = set.lines.size();
  slices.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    slices.push_back(Slice{.height = set.pitch,
                           .space_before = i == 0 ? space_before : 0,
                           .keep_with_next = n > 1 && (i == 0 || i + 2 == n),
                           .items = items_of(i)});
  }
  return slices;
}

}  // namespace

std::vector<Slice> line_slices(const SetText& set, double x, double space_before, int element) {
  return slices_of(set, space_before, [&](std::size_t i) { return line_items(set, i, x, 0, element); });
}

std::vector<Slice> line_slices(SetText&& set, double x, double space_before, int element) {
  return slices_of(set, space_before, [&](std::size_t i) { return take_line_items(set, i, x, 0, element); });
}

SetText set_fitting(const document::RichText& text, TextSpec spec, double width, const BlockContext& c) {
  core::Diagnostics measuring;
  SetText set = c.typesetter.reporting_to(measuring).set(text, spec, width);
  if (!measuring.has_errors() && measuring.warning_count() == 0) return set;
  double widest = 0;
  for (const text::Line& line : set.lines) widest = std::max(widest, line.width);
  if (widest > width + 0.01) {
    spec.size *= std::max(c.style.text.fitting_minimum, width / widest * c.style.text.fitting_margin);
  }
  return c.typesetter.set(text, spec, width);
}

double list_indent(const BlockContext& c) {
  return std::max(c.style.list.indent_minimum, c.style.list.indent_share * c.theme.body_size);
}

std::string list_label(bool numbered, std::size_t index, const BlockContext& c) {
  return numbered ? c.typesetter.number(index + 1) + "." : "\u2022";
}

std::vector<Slice> list_item_slices(const document::RichText& item, const std::string& label, double width,
                                    double gap, int list, const BlockContext& c) {
  const int list_item = c.structure.add(Role::list_item, list);
  const int label_element = c.structure.add(Role::label, list_item);
  const int body = c.structure.add(Role::list_body, list_item);
  // Short items read better ragged: justifying them opens wide gaps in their few lines.
  TextSpec item_spec = body_spec(c);
  item_spec.align = text::Align::start;
  const double indent = list_indent(c);
  SetText set = c.typesetter.set(item, item_spec, width - indent);
  const double baseline = set.baseline;
  auto slices = line_slices(std::move(set), indent, gap, body);
  if (slices.empty()) return slices;
  TextSpec marker = heading_spec(c, c.theme.body_size, c.theme.accent);
  marker.align = text::Align::end;
  SetText mark = c.typesetter.set({{document::Span{.text = label}}, item.loc}, marker,
                                  indent - c.style.list.marker_gap);
  mark.baseline = baseline;
  auto mark_items = take_line_items(mark, 0, 0, 0, label_element);
  slices.front().items.insert(slices.front().items.begin(), std::make_move_iterator(mark_items.begin()),
                              std::make_move_iterator(mark_items.end()));
  return slices;
}

void keep_list_ends(std::vector<Slice>& item, std::size_t index, std::size_t count) {
  if (item.empty()) return;
  if (index == 0 || index + 2 == count) item.back().keep_with_next = true;
  if (index == 0 || index + 1 == count) {
    for (std::size_t k = 0; k + 1 < item.size(); ++k) item[k].keep_with_next = true;
  }
}

void Stack::add(const SetText& set, double gap_before, int element) {
  if (set.lines.empty()) return;
  y_ += gap_before;
  auto lines = all_line_items(set, x_, y_, element);
  items_.insert(items_.end(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
  y_ += set.height();
}

void Stack::add(SetText&& set, double gap_before, int element) {
  if (set.lines.empty()) return;
  y_ += gap_before;
  const double height = set.height();
  auto lines = all_line_items(std::move(set), x_, y_, element);
  items_.insert(items_.end(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
  y_ += height;
}

void Stack::add_slice(const Slice& slice) {
  y_ += slice.space_before;
  std::vector<Item> items = slice.items;
  translate(items, x_, y_);
  items_.insert(items_.end(), items.begin(), items.end());
  y_ += slice.height;
}

std::vector<Slice> boxed(Stack& stack, const BlockContext& c, core::Color background, double space_before) {
  stack.skip(c.style.box.padding);
  const double height = stack.y();
  std::vector<Item> items{RectItem{.x = 0, .y = 0, .width = c.column_width, .height = height, .fill = background}};
  items.insert(items.end(), stack.items().begin(), stack.items().end());
  return one_slice(Slice{.height = height, .space_before = space_before, .items = std::move(items)});
}

std::vector<Slice> on_ground(std::vector<Slice> lines, const Ground& ground, const BlockContext& c) {
  const double padding = c.style.box.padding;
  const auto accents = [&](double height) {
    std::vector<RectItem> rects{RectItem{.x = 0, .y = 0, .width = c.column_width, .height = height, .fill = ground.fill}};
    if (ground.edge == Ground::Edge::start_bar) {
      rects.push_back(RectItem{.x = 0, .y = 0, .width = c.style.box.accent_bar, .height = height, .fill = c.theme.accent});
    }
    return rects;
  };
  const auto as_items = [](const std::vector<RectItem>& rects) { return std::vector<Item>(rects.begin(), rects.end()); };
  const RectItem rule{.x = 0, .y = 0, .width = c.column_width, .height = c.style.callout.top_rule, .fill = c.theme.accent};
  const bool has_rule = ground.edge == Ground::Edge::top_rule;
  std::vector<Item> continued_items = as_items(accents(padding));
  if (has_rule) continued_items.push_back(rule);
  const auto continued = std::make_shared<Slice>(Slice{.height = padding, .items = std::move(continued_items)});
  const auto closing = std::make_shared<Slice>(Slice{.height = padding, .items = as_items(accents(padding))});
  std::vector<Slice> strips;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    Slice& line = lines[k];
    // The first line's space is inside the box's top padding; the others' stay spaces,
    // stretching with the column's, their ground drawn across them (gap_ground).
    const double above = k == 0 ? padding + line.space_before : 0;
    const double height = above + line.height + (k + 1 == lines.size() ? padding : 0);
    std::vector<Item> items = as_items(accents(height));
    if (k == 0 && has_rule) items.push_back(rule);
    translate(line.items, padding, above);
    items.insert(items.end(), std::make_move_iterator(line.items.begin()), std::make_move_iterator(line.items.end()));
    Slice strip{.height = height,
                .space_before = k == 0 ? c.style.box.space_before : line.space_before,
                .keep_with_next = line.keep_with_next,
                .items = std::move(items),
                .repeated_header = k == 0 ? nullptr : continued,
                .closing = k + 1 == lines.size() ? nullptr : closing};
    if (k > 0) strip.gap_ground = accents(0);
    strips.push_back(std::move(strip));
  }
  return strips;
}

}  // namespace leafpress::layout
