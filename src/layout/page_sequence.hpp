#pragma once

#include <optional>
#include <vector>

#include "layout/layout_tools.hpp"
#include "layout/page.hpp"

namespace leafpress::layout {

/// A page size with its margins and column count, and the height of the accent band along
/// the first page's top edge (0 for none).
struct PageFrame {
  double width = 0;
  double height = 0;
  document::Margins margins;
  int columns = 1;
  double cover_band = 0;
  /// A flyer's sides: text that needs more pages than this is an error naming the block
  /// that does not fit. 0: as many pages as the text needs, up to the page limit.
  std::size_t sides = 0;
  /// Running header, footer and page numbers (a flyer has none).
  bool furniture = true;
  /// Pages come in multiples of this (a booklet's 4), the last one a back cover holding
  /// the sources, contact and QR code blocks when they fit on it; 1: no back cover.
  std::size_t page_multiple = 1;
  /// The page count the builder aims at without padding to it: 2 for a brochure printed on
  /// both sides of its sheets; 1 for any.
  std::size_t preferred_multiple = 1;
  /// The page count the leaflet asks for (`pages:`), back cover included, and where it asks;
  /// 0: as many as the text needs. Text that does not fit is an error at `pages_loc`.
  std::size_t pages = 0;
  core::SourceLoc pages_loc{};
};

/// Sets the leaflet as a sequence of pages of one size: an accent band across the first
/// page's top edge, bleeding off it in press output, the title block across its frame
/// (pushed below the band if the top margin is too small for both; the logo, if any, above
/// it at the end of the line), then the blocks poured into the columns, page after page, with
/// running header and footer. Large print sets the footer note after the last block. Reports
/// the block that would start a page past the page limit; what follows it is not set.
std::vector<Page> lay_out_page_sequence(const LayoutTools& tools, const PageFrame& frame);

}  // namespace leafpress::layout
