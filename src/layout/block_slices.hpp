#pragma once

#include <vector>

#include "document/localized_document.hpp"
#include "layout/slice.hpp"
#include "layout/structure.hpp"
#include "layout/typeset.hpp"

namespace leafpress::layout {

/// What a block needs to know to be set: the theme, its fonts and the column.
struct BlockContext {
  const document::Theme& theme;
  const ThemeFonts& fonts;
  const Typesetter& typesetter;
  double column_width = 0;
  /// The structure tree the blocks add their elements to, in reading order.
  Structure& structure;
};

/// The block as strips for page breaking: a paragraph gives one per line, a boxed block one
/// for the whole box. Headings keep with what follows; paragraphs keep their first two and
/// last two lines together (no orphans, no widows).
std::vector<Slice> block_slices(const document::Block<document::RichText>& block, const BlockContext& context);

}  // namespace leafpress::layout
