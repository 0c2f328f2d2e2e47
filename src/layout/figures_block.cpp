#include <algorithm>
#include <iterator>
#include <utility>

#include "layout/block_kinds.hpp"
#include "layout/block_parts.hpp"

namespace leafpress::layout {
namespace {

/// As many figures side by side as the widest value leaves room for: the style's most (three;
/// one in large print), two for four figures (two rows of two), one in a narrow column. Only the figures the height
/// budget can reach are measured (every row takes at least its row gap), and measuring
/// stops once a value is too wide for two in a row: a block of thousands of figures is cut
/// at the budget, and setting every value first made it cost as much as all of them.
std::size_t figures_per_row(const document::FiguresBlock<document::RichText>& b, const TextSpec& value_spec,
                            double inner, const BlockContext& c) {
  const BlockStyle::Figures& style = c.style.figures;
  const auto cell_width = [&](std::size_t per_row) {
    return (inner - style.gap * static_cast<double>(per_row - 1)) / static_cast<double>(per_row);
  };
  const double reachable_rows = std::max(0.0, c.height_budget) / style.row_gap + 1;
  const std::size_t reachable =
      reachable_rows >= static_cast<double>(b.figures.size()) ? b.figures.size()
                                                               : 3 * static_cast<std::size_t>(reachable_rows);
  double widest = 0;
  for (std::size_t i = 0; i < std::min(reachable, b.figures.size()) && widest <= cell_width(2); ++i) {
    for (const text::Line& line : c.typesetter.set(b.figures[i].value, value_spec, inner).lines) {
      widest = std::max(widest, line.width);
    }
  }
  const auto most = static_cast<std::size_t>(std::max(1, style.most_per_row));
  std::size_t per_row = std::min(b.figures.size() == 4 ? std::min<std::size_t>(2, most) : most, b.figures.size());
  // A label needs room for a few words beside its neighbours too.
  const double narrowest = std::max(widest, style.narrowest * c.theme.body_size);
  while (per_row > 1 && cell_width(per_row) < narrowest) --per_row;
  return per_row;
}

}  // namespace

std::vector<Slice> figures_slices(const document::FiguresBlock<document::RichText>& b, const BlockContext& c) {
  const BlockStyle::Figures& style = c.style.figures;
  const double inner = c.column_width - 2 * c.style.box.padding;
  const int section = c.structure.add(Role::section);
  // One strip for the title, which keeps with the first row, and one per row: the box may
  // break between rows, continued in the next column.
  std::vector<Slice> strips;
  if (b.title) {
    Stack title(0, 0);
    title.add(c.typesetter.set(*b.title, heading_spec(c, c.theme.h3_size, c.theme.text), inner), 0,
              c.structure.add(Role::heading, section, 3, b.title->plain()));
    strips.push_back(Slice{.height = title.y(), .keep_with_next = true, .items = std::move(title.items())});
  }
  const TextSpec value_spec = heading_spec(c, c.theme.h1_size * style.value_size, c.theme.accent);
  TextSpec label = heading_spec(c, c.theme.body_size * style.label_size, c.theme.text);
  label.bold = false;
  label.leading = style.label_leading;
  const std::size_t per_row = figures_per_row(b, value_spec, inner, c);
  const double cell = (inner - style.gap * static_cast<double>(per_row - 1)) / static_cast<double>(per_row);
  double height = strips.empty() ? 0 : strips.front().height;
  // The title keeps with the rows under it until three lines follow it, as a heading does.
  std::size_t lines_under_title = 0;
  for (std::size_t row = 0; row * per_row < b.figures.size() && height <= c.height_budget; ++row) {
    Slice strip{.space_before = row == 0 ? (b.title ? style.below_title : 0) : style.row_gap};
    std::size_t row_lines = 0;
    for (std::size_t col = 0; col < per_row && row * per_row + col < b.figures.size(); ++col) {
      const auto& figure = b.figures[row * per_row + col];
      Stack cell_stack(static_cast<double>(col) * (cell + style.gap), 0);
      const SetText value = c.typesetter.set(figure.value, value_spec, cell);
      const SetText label_text = c.typesetter.set(figure.label, label, cell);
      cell_stack.add(value, 0, c.structure.add(Role::paragraph, section));
      cell_stack.add(label_text, style.label_gap, c.structure.add(Role::paragraph, section));
      row_lines = std::max(row_lines, value.lines.size() + label_text.lines.size());
      strip.items.insert(strip.items.end(), std::make_move_iterator(cell_stack.items().begin()),
                         std::make_move_iterator(cell_stack.items().end()));
      strip.height = std::max(strip.height, cell_stack.y());
    }
    height += strip.space_before + strip.height;
    strip.keep_with_next = b.title && (lines_under_title += row_lines) < 3;
    strips.push_back(std::move(strip));
  }
  if (strips.empty()) strips.push_back(Slice{});
  strips.back().keep_with_next = false;
  return on_ground(std::move(strips), {.fill = c.theme.accent_light, .edge = Ground::Edge::start_bar}, c);
}

}  // namespace leafpress::layout
