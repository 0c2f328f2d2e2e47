#include "layout/page_sequence.hpp"

#include <algorithm>
#include <string>

#include "layout/logo.hpp"
#include "layout/page_furniture.hpp"

namespace leafpress::layout {
namespace {

constexpr double kGutter = 18;
constexpr double kBelowTitle = 16;
constexpr double kBelowBand = 14;  // at least, between the cover band and the title
constexpr double kBelowLogo = 10;

/// The text frame of page `index`: the inside margin is on the left of odd (right-hand)
/// pages and on the right of even ones.
Column frame_of(const PageFrame& page, std::size_t index) {
  const document::Margins& m = page.margins;
  const double left = index % 2 == 0 ? m.inside : m.outside;
  return {left, m.top, page.width - m.inside - m.outside, page.height - m.top - m.bottom};
}

/// The frame split into the page's columns, starting `reserved` points below its top.
std::vector<Column> columns_of(const PageFrame& page, std::size_t index, double reserved) {
  const Column frame = frame_of(page, index);
  const int count = std::max(1, page.columns);
  const double width = (frame.width - kGutter * (count - 1)) / count;
  std::vector<Column> columns;
  for (int c = 0; c < count; ++c) {
    columns.push_back({frame.x + c * (width + kGutter), frame.top + reserved, width, frame.height - reserved});
  }
  return columns;
}

}  // namespace

std::vector<Page> lay_out_page_sequence(const LayoutTools& tools, const PageFrame& frame) {
  const Column first_frame = frame_of(frame, 0);
  const double below_band =
      frame.cover_band > 0 ? std::max(0.0, frame.cover_band + kBelowBand - first_frame.top) : 0.0;
  std::vector<Item> title_items;
  double above_title = 0;
  if (const auto logo = cover_logo(tools.doc, tools.structure, first_frame.width)) {
    ImageItem image = logo->image;
    image.x = first_frame.width - logo->width;
    title_items.push_back(image);
    above_title = logo->height + kBelowLogo;
  }
  std::vector<Item> title;
  double reserved = set_title(tools, first_frame.width, title);
  translate(title, 0, above_title);
  title_items.insert(title_items.end(), title.begin(), title.end());
  translate(title_items, first_frame.x, first_frame.top + below_band);
  if (reserved > 0) reserved += kBelowTitle;
  reserved += below_band + above_title;

  const auto columns = [&](std::size_t index) { return columns_of(frame, index, index == 0 ? reserved : 0); };
  const std::vector<Column> full_page = columns(1);
  const double full_column = full_page.front().height;
  const double capacity =
      static_cast<double>(tools.max_pages) * static_cast<double>(full_page.size()) * full_column;
  const auto first = tools.doc.blocks.begin() + (opens_with_title(tools.doc) ? 1 : 0);
  const std::vector<Slice> slices =
      set_blocks(first, tools.doc.blocks.end(), tools.context(full_page.front().width), capacity, full_column);

  const std::size_t max_pages = frame.sides > 0 ? std::min(frame.sides, tools.max_pages) : tools.max_pages;
  Flowed flowed = flow(slices, columns, max_pages, tools.diags);
  if (flowed.stopped_at && frame.sides > 0) {
    tools.diags.error(slices[*flowed.stopped_at].loc,
                      "the " + std::string(document::format_name(tools.doc.format)) + " has " +
                          std::to_string(frame.sides) + (frame.sides == 1 ? " side" : " sides") +
                          ": this block does not fit on " + (frame.sides == 1 ? "it" : "them"),
                      "shorten the text, leave blocks out of it with 'formats:', or give it more room ('sides: 2', "
                      "smaller margins or text_scale)");
  } else if (flowed.stopped_at) {
    tools.diags.error(slices[*flowed.stopped_at].loc,
                      "this block would start page " + std::to_string(flowed.pages.size() + 1) +
                          ", past the limit of " + std::to_string(tools.max_pages) + " pages",
                      "split the leaflet into smaller ones, or raise the limit with --max-pages");
  }
  std::vector<Page> pages;
  for (auto& items : flowed.pages) {
    Page page{.width = frame.width, .height = frame.height, .items = std::move(items)};
    for (const Column& column : columns_of(frame, pages.size(), 0)) {
      page.frames.push_back({column.x, column.top, column.width, column.height});
    }
    pages.push_back(std::move(page));
  }
  auto& first_page = pages.front().items;
  first_page.insert(first_page.begin(), title_items.begin(), title_items.end());
  if (frame.cover_band > 0) {
    first_page.insert(first_page.begin(),
                      RectItem{0, 0, frame.width, frame.cover_band, tools.doc.theme.accent, kArtifact, true});
  }
  if (frame.furniture) {
    add_page_furniture(pages, frame.margins, tools.doc, tools.fonts, tools.typesetter);
    add_repeated_logo(pages, tools.doc, frame.margins);
  }
  return pages;
}

}  // namespace leafpress::layout
