#include "layout/page_sequence.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <string>
#include <utility>

#include "layout/logo.hpp"
#include "layout/block_parts.hpp"
#include "layout/page_furniture.hpp"

namespace leafpress::layout {
namespace {

constexpr double kGutter = 18;
constexpr double kBelowTitle = 16;
constexpr double kBelowBand = 14;  // at least, between the cover band and the title
constexpr double kBelowLogo = 10;
constexpr double kAboveNote = 18;

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

/// True when `blocks` fit on one page of `columns`: set aside, with a structure and
/// diagnostics of their own, so that what is set for real stays in reading order.
bool fits_one_page(const BlockList& blocks, const BlockContext& context, const ColumnsOfPage& columns,
                   double full_column) {
  SetAside aside(context);
  const Flowed flowed = flow(set_blocks(blocks, aside.context, full_column, full_column), columns, 1, aside.measuring);
  return !flowed.stopped_at && !aside.measuring.has_errors();
}

/// "14.2 pt (about 1 line)": a height over, in points and in lines of `line` points.
std::string points_over(double over, double line) {
  char text[64];
  const long lines = line > 0 ? static_cast<long>(std::ceil(over / line - 1e-6)) : 0;
  std::snprintf(text, sizeof text, "%.1f pt (about %ld %s)", over, lines, lines == 1 ? "line" : "lines");
  return text;
}

/// The footer note as text after the last block, for large print, where a footer line
/// could not hold it at the text's size.
std::vector<Slice> note_slices(const LayoutTools& tools, const BlockContext& context) {
  const document::RichText& note = *tools.doc.page.footer;
  TextSpec spec = body_spec(context);
  spec.color = tools.doc.theme.muted;
  spec.align = text::Align::start;
  auto slices = line_slices(tools.typesetter.set(note, spec, context.column_width), 0, kAboveNote,
                            tools.structure.add(Role::paragraph));
  for (Slice& slice : slices) slice.loc = note.loc;
  return slices;
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
  title_items.insert(title_items.end(), std::make_move_iterator(title.begin()), std::make_move_iterator(title.end()));
  translate(title_items, first_frame.x, first_frame.top + below_band);
  if (reserved > 0) reserved += kBelowTitle;
  reserved += below_band + above_title;

  const auto columns = [&](std::size_t index) { return columns_of(frame, index, index == 0 ? reserved : 0); };
  const std::vector<Column> full_page = columns(1);
  const double full_column = full_page.front().height;
  const double capacity =
      static_cast<double>(tools.max_pages) * static_cast<double>(full_page.size()) * full_column;
  const auto first = tools.doc.blocks.begin() + (opens_with_title(tools.doc) ? 1 : 0);
  const BlockContext context = tools.context(full_page.front().width);
  const auto on_back = [&](const document::Block<document::RichText>& block) {
    return frame.page_multiple > 1 && belongs_on_back(block);
  };
  // The blocks are listed apart only when some go on the back cover: else they are set where they are.
  const bool sets_apart = std::any_of(first, tools.doc.blocks.end(), on_back);
  BlockList inside;
  BlockList back;
  if (sets_apart) {
    for (auto block = first; block != tools.doc.blocks.end(); ++block) {
      (on_back(*block) ? back : inside).push_back(&*block);
    }
  }
  // The back cover takes its blocks when they fit on it; else they stay at the end.
  const auto back_columns = [&](std::size_t) { return columns_of(frame, 1, 0); };
  if (!back.empty() && !fits_one_page(back, context, back_columns, full_column)) {
    inside.insert(inside.end(), back.begin(), back.end());
    back.clear();
  }
  std::vector<Slice> slices = sets_apart ? set_blocks(inside, context, capacity, full_column)
                                         : set_blocks(first, tools.doc.blocks.end(), context, capacity, full_column);
  if (tools.doc.large_print && tools.doc.page.footer) {
    const auto note = note_slices(tools, context);
    slices.insert(slices.end(), note.begin(), note.end());
  }

  const std::size_t after = back.empty() ? 0 : 1;
  std::size_t max_pages = frame.sides > 0 ? std::min(frame.sides, tools.max_pages) : tools.max_pages;
  if (frame.pages > after) max_pages = std::min(max_pages, frame.pages - after);
  const PageCount count{.multiple = std::max(frame.page_multiple, frame.preferred_multiple),
                        .after = after,
                        .exactly = frame.pages,
                        .padded = frame.page_multiple > 1,
                        .fill_last = frame.page_multiple > 1};
  // Past the first page (its title), left and right pages alternate.
  Flowed flowed = flow(std::move(slices), columns, max_pages, tools.diags, count, {}, 1);
  std::optional<Flowed> back_cover;
  if (!back.empty()) {
    back_cover = flow(set_blocks(back, context, full_column, full_column), back_columns, 1, tools.diags);
  }
  if (flowed.stopped_at && frame.pages > 0) {
    const double over = flowed.left_over;
    const double line = context.theme.body_size * context.style.text.body_leading;
    tools.diags.error(frame.pages_loc,
                      "the text does not fit in the " + std::to_string(frame.pages) + (frame.pages == 1 ? " page" : " pages") +
                          " asked for: " +
                          points_over(over, line) + " over, from the block at " + core::to_string(flowed.stopped_loc),
                      "shorten the text, ask for more pages, or set it smaller with text_scale");
  } else if (flowed.stopped_at && frame.sides > 0) {
    tools.diags.error(flowed.stopped_loc,
                      "the " + std::string(document::format_name(tools.doc.format)) + " has " +
                          std::to_string(frame.sides) + (frame.sides == 1 ? " side" : " sides") +
                          ": this block does not fit on " + (frame.sides == 1 ? "it" : "them"),
                      "shorten the text, leave blocks out of it with 'formats:', or give it more room ('sides: 2', "
                      "smaller margins or text_scale)");
  } else if (flowed.stopped_at) {
    tools.diags.error(flowed.stopped_loc,
                      "this block would start page " + std::to_string(flowed.pages.size() + 1) +
                          ", past the limit of " + std::to_string(tools.max_pages) + " pages",
                      "split the leaflet into smaller ones, or raise the limit with --max-pages");
  }
  // Blank pages make up the count asked for, before the back cover.
  while (flowed.pages.size() + after < frame.pages) flowed.pages.emplace_back();
  if (back_cover) {
    // Blank pages make up the last sheet, before the back cover.
    while ((flowed.pages.size() + 1) % frame.page_multiple != 0) flowed.pages.emplace_back();
    flowed.pages.push_back(std::move(back_cover->pages.front()));
  }
  while (flowed.pages.size() % frame.page_multiple != 0) flowed.pages.emplace_back();
  std::vector<Page> pages;
  for (std::size_t i = 0; i < flowed.pages.size(); ++i) {
    Page page{.width = frame.width, .height = frame.height, .items = std::move(flowed.pages[i])};
    if (i < flowed.fill.size()) page.flow_fill = flowed.fill[i];
    for (const Column& column : columns_of(frame, pages.size(), 0)) {
      page.frames.push_back({column.x, column.top, column.width, column.height});
    }
    pages.push_back(std::move(page));
  }
  // The first page opens with the cover band and the title, then its flowed items.
  auto& first_page = pages.front().items;
  std::vector<Item> opening;
  opening.reserve(1 + title_items.size() + first_page.size());
  if (frame.cover_band > 0) {
    opening.emplace_back(RectItem{0, 0, frame.width, frame.cover_band, tools.doc.theme.accent, kArtifact, true});
  }
  opening.insert(opening.end(), std::make_move_iterator(title_items.begin()),
                 std::make_move_iterator(title_items.end()));
  opening.insert(opening.end(), std::make_move_iterator(first_page.begin()), std::make_move_iterator(first_page.end()));
  first_page = std::move(opening);
  if (frame.furniture) {
    add_page_furniture(pages, frame.margins, tools.doc, tools.fonts, tools.typesetter);
    add_repeated_logo(pages, tools.doc, frame.margins);
  }
  return pages;
}

}  // namespace leafpress::layout
