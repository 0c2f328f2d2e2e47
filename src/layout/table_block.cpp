#include "layout/block_kinds.hpp"

#include <algorithm>
#include <iterator>
#include <memory>
#include <utility>

namespace leafpress::layout {
namespace {

using document::RichText;

constexpr double kCellPaddingX = 5;
constexpr double kCellPaddingY = 4;
constexpr double kRule = 0.5;
constexpr double kCaptionGap = 5;  // between the caption and the header row
constexpr double kSpaceBefore = 14;

/// What every cell of a kind is set with.
struct CellStyle {
  TextSpec spec;
  core::Color background;
  bool filled = false;
};

/// The left edge and width of each column, from the table's shares of `width`.
struct ColumnEdges {
  std::vector<double> x;
  std::vector<double> width;
};

ColumnEdges column_edges(const std::vector<double>& shares, double width) {
  ColumnEdges edges;
  double x = 0;
  for (const double share : shares) {
    edges.x.push_back(x);
    edges.width.push_back(share * width);
    x += share * width;
  }
  return edges;
}

/// One row: each cell's text set in its column less the padding, as tall as its tallest cell;
/// `element_of(i)` is the structure element of cell i, made in reading order.
template <class ElementOf>
Slice row_slice(const std::vector<RichText>& cells, const ColumnEdges& edges, const std::vector<CellStyle>& styles,
                const ElementOf& element_of, const BlockContext& c) {
  std::vector<SetText> set;
  double height = 0;
  for (std::size_t i = 0; i < cells.size() && i < edges.width.size(); ++i) {
    set.push_back(c.typesetter.set(cells[i], styles[i].spec, std::max(1.0, edges.width[i] - 2 * kCellPaddingX)));
    height = std::max(height, set.back().height());
  }
  height += 2 * kCellPaddingY;
  Slice slice{height, 0, false, {}};
  for (std::size_t i = 0; i < set.size(); ++i) {
    if (styles[i].filled) slice.items.push_back(RectItem{edges.x[i], 0, edges.width[i], height, styles[i].background});
  }
  for (std::size_t i = 0; i < set.size(); ++i) {
    const int element = element_of(i);
    auto lines = all_line_items(set[i], edges.x[i] + kCellPaddingX, kCellPaddingY, element);
    slice.items.insert(slice.items.end(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
  }
  return slice;
}

}  // namespace

std::vector<Slice> table_slices(const document::TableBlock<RichText>& table, const BlockContext& c) {
  const double width = c.column_width;
  const ColumnEdges edges = column_edges(table.widths, width);
  const std::size_t columns = edges.width.size();
  const int table_element = c.structure.add(Role::table);

  std::vector<Slice> slices;
  TextSpec caption_spec{&c.fonts.heading, c.theme.h3_size, c.theme.text, true, false, 1.2, text::Align::start};
  const SetText caption = c.typesetter.set(table.caption, caption_spec, width);
  Slice caption_slice{caption.height() + kCaptionGap, kSpaceBefore, true,
                      all_line_items(caption, 0, 0, c.structure.add(Role::caption, table_element))};
  slices.push_back(std::move(caption_slice));

  const core::Color white = core::Rgb{1, 1, 1};
  TextSpec body{&c.fonts.body, c.theme.body_size * 0.95, c.theme.text, false, false, 1.3, text::Align::start, true};
  TextSpec head{&c.fonts.heading, c.theme.body_size * 0.95, white, true, false, 1.25, text::Align::start};
  TextSpec row_head = body;
  row_head.fonts = &c.fonts.heading;
  row_head.bold = true;

  const int header_row = c.structure.add(Role::table_row, table_element);
  const std::vector<CellStyle> header_styles(columns, CellStyle{head, c.theme.accent, true});
  Slice header = row_slice(
      table.header, edges, header_styles,
      [&](std::size_t) { return c.structure.add_header_cell(header_row, Scope::column); }, c);
  header.keep_with_next = true;
  const auto repeated = std::make_shared<const Slice>(header);
  slices.push_back(std::move(header));

  double height = 0;
  for (std::size_t r = 0; r < table.rows.size() && height <= c.height_budget; ++r) {
    const int row = c.structure.add(Role::table_row, table_element);
    std::vector<CellStyle> styles(columns, CellStyle{body, c.theme.accent_light, r % 2 == 1});
    if (table.row_headers) styles.front().spec = row_head;
    Slice slice = row_slice(
        table.rows[r], edges, styles,
        [&](std::size_t i) {
          return i == 0 && table.row_headers ? c.structure.add_header_cell(row, Scope::row)
                                             : c.structure.add(Role::table_cell, row);
        },
        c);
    // A hairline closes each row; the header's band needs none.
    slice.items.push_back(RectItem{0, slice.height - kRule, width, kRule, c.theme.muted});
    slice.repeated_header = repeated;
    height += slice.height;
    slices.push_back(std::move(slice));
  }
  return slices;
}

}  // namespace leafpress::layout
