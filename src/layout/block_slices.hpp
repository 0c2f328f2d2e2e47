#pragma once

#include <limits>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "document/localized_document.hpp"
#include "layout/block_style.hpp"
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
  /// How tall the block may grow before the pages the leaflet may fill are surely full: a
  /// block of many entries (list, callout, figures, sources, contact) stops setting entries
  /// past it, so a list of a million items costs no more than the page limit allows.
  double height_budget = std::numeric_limits<double>::infinity();
  /// Where figures report pictures too coarse for print, naming the format they are set
  /// for ("brochure"); none when null.
  core::Diagnostics* diags = nullptr;
  std::string_view format;
  /// The spacing and proportions the blocks are set with.
  BlockStyle style{};
};

/// A block context for setting blocks aside to measure them: `context`'s theme, fonts,
/// column and style with a structure and diagnostics of its own, so that what is set for
/// real stays in reading order and is reported once. Use `context` while this lives.
class SetAside {
 public:
  explicit SetAside(const BlockContext& outer);
  SetAside(const SetAside&) = delete;
  SetAside& operator=(const SetAside&) = delete;

  /// The problems met while measuring (never reported).
  core::Diagnostics measuring;

 private:
  Structure scratch_;
  Typesetter typesetter_;

 public:
  const BlockContext context;
};

/// The block as strips for page breaking: a paragraph gives one per line, a boxed block one
/// for the whole box. Headings keep with what follows; paragraphs keep their first two and
/// last two lines together (no orphans, no widows). Every block kind has its own function
/// (block_kinds.hpp); a kind without one does not compile.
std::vector<Slice> block_slices(const document::Block<document::RichText>& block, const BlockContext& context);

}  // namespace leafpress::layout
