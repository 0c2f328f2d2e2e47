#pragma once

#include <cstddef>
#include <vector>

#include "document/localized_document.hpp"
#include "layout/block_slices.hpp"
#include "layout/flow.hpp"
#include "layout/structure.hpp"
#include "layout/theme_fonts.hpp"
#include "layout/typeset.hpp"

namespace leafpress::layout {

/// What every format lays out with: the leaflet, its fonts, a typesetter for its
/// language, the structure tree being built, and the page limit.
struct LayoutTools {
  const document::LocalizedDocument& doc;
  const ThemeFonts& fonts;
  const Typesetter& typesetter;
  Structure& structure;
  core::Diagnostics& diags;
  std::size_t max_pages = 0;

  /// The blocks' context for a column `column_width` wide: in large print, key figures one
  /// to a row (the RNIB's clear print asks for a single column).
  BlockContext context(double column_width) const {
    BlockStyle style;
    if (doc.large_print) style.figures.most_per_row = 1;
    return {.theme = doc.theme,
            .fonts = fonts,
            .typesetter = typesetter,
            .column_width = column_width,
            .structure = structure,
            .height_budget = std::numeric_limits<double>::infinity(),
            .diags = &diags,
            .format = document::format_name(doc.format),
            .style = style};
  }
};

using BlockIterator = std::vector<document::Block<document::RichText>>::const_iterator;

/// Sets blocks [first, last) as slices `column_width` wide, each slice marked with its
/// block's place; a heading keeps with the three strips after it. Setting stops once the slices surely overfill `capacity` points of
/// column (counting each slice at most `full_column` high, with two columns to spare for
/// flow's look-ahead), so a runaway leaflet costs no more than its page limit allows.
std::vector<Slice> set_blocks(BlockIterator first, BlockIterator last, const BlockContext& context, double capacity,
                              double full_column);

/// Blocks of a document picked out of it in some order, without copying them.
using BlockList = std::vector<const document::Block<document::RichText>*>;

/// set_blocks of the blocks `blocks` points to, in its order.
std::vector<Slice> set_blocks(const BlockList& blocks, const BlockContext& context, double capacity,
                              double full_column);

/// The slices that open a leaflet with a title block, set across `width`, stacked into
/// items from y = 0; returns their height (0 and no items without a title block).
double set_title(const LayoutTools& tools, double width, std::vector<Item>& items);

/// True for the blocks a leaflet's back holds (the tri-fold's back panel, the booklet's
/// back cover): sources, contact and QR code, to be scanned from the closed leaflet.
bool belongs_on_back(const document::Block<document::RichText>& block);

/// True when the leaflet opens with a title block.
bool opens_with_title(const document::LocalizedDocument& doc);

}  // namespace leafpress::layout
