#pragma once

#include <optional>
#include <vector>

#include "layout/layout_tools.hpp"
#include "layout/page.hpp"

namespace leafpress::layout {

/// A page size with its margins and column count.
struct PageFrame {
  double width = 0;
  double height = 0;
  document::Margins margins;
  int columns = 1;
};

/// Sets the leaflet as a sequence of pages of one size: the title block across the first
/// page's frame, then the blocks poured into the columns, page after page, with running
/// header and footer. Reports the block that would start a page past the page limit;
/// what follows it is not set.
std::vector<Page> lay_out_page_sequence(const LayoutTools& tools, const PageFrame& frame);

}  // namespace leafpress::layout
