#include "layout/lay_out.hpp"

#include <algorithm>

#include "core/units.hpp"
#include "layout/block_slices.hpp"
#include "layout/flow.hpp"
#include "layout/large_print.hpp"
#include "layout/page_furniture.hpp"
#include "layout/theme_fonts.hpp"

namespace leafpress::layout {
namespace {

constexpr double kGutter = 18;

constexpr double kBelowTitle = 16;

/// The text frame of page `index`: the inside margin is on the left of odd (right-hand)
/// pages and on the right of even ones.
Column frame_of(const document::Margins& m, std::size_t index) {
  const double left = index % 2 == 0 ? m.inside : m.outside;
  return {left, m.top, core::kA4Width - m.inside - m.outside, core::kA4Height - m.top - m.bottom};
}

/// The frame split into the page's columns, starting `reserved` points below its top.
std::vector<Column> brochure_columns(const document::PageSetup<document::RichText>& setup, std::size_t index,
                                     double reserved) {
  const Column frame = frame_of(setup.margins, index);
  const int count = std::max(1, setup.columns);
  const double width = (frame.width - kGutter * (count - 1)) / count;
  std::vector<Column> columns;
  for (int c = 0; c < count; ++c) {
    columns.push_back({frame.x + c * (width + kGutter), frame.top + reserved, width, frame.height - reserved});
  }
  return columns;
}

/// A title block that opens the leaflet spans the whole frame, above the columns.
bool opens_with_title(const document::LocalizedDocument& doc) {
  return !doc.blocks.empty() &&
         std::holds_alternative<document::TitleBlock<document::RichText>>(doc.blocks.front().content);
}

}  // namespace

std::optional<Pages> lay_out(const document::LocalizedDocument& doc, fonts::FontRegistry& registry,
                             text::TextContext& text_context, core::Diagnostics& diags, std::size_t max_pages) {
  const auto fonts = resolve_theme_fonts(doc.theme, registry, diags);
  if (!fonts) return std::nullopt;
  const Typesetter typesetter(doc.language, doc.direction, doc.names, doc.theme.accent, text_context, diags,
                              doc.large_print ? kLargePrintMinimum : 0);
  const Column first_frame = frame_of(doc.page.margins, 0);
  std::vector<Item> title_items;
  double reserved = 0;
  Structure structure;
  auto blocks = doc.blocks.begin();
  if (opens_with_title(doc)) {
    const BlockContext full_width{doc.theme, *fonts, typesetter, first_frame.width, structure};
    for (Slice& slice : block_slices(*blocks++, full_width)) {
      translate(slice.items, first_frame.x, first_frame.top + reserved);
      title_items.insert(title_items.end(), slice.items.begin(), slice.items.end());
      reserved += slice.height;
    }
    reserved += kBelowTitle;
  }

  const auto columns_of = [&](std::size_t index) { return brochure_columns(doc.page, index, index == 0 ? reserved : 0); };
  const BlockContext context{doc.theme, *fonts, typesetter, columns_of(1).front().width, structure};
  // Setting stops once the slices could not fit in max_pages even packed without a gap,
  // each counted at most a column high, plus two columns so that the chains flow() looks
  // ahead along (at most a column high) are whole: flow() then meets the limit, at the
  // block it would meet it at with everything set, without a 10,000-page leaflet being set.
  const std::vector<Column> full_page = columns_of(1);
  const double full_column = full_page.front().height;
  const double capacity = static_cast<double>(max_pages) * static_cast<double>(full_page.size()) * full_column;
  double packed = 0;
  std::vector<Slice> slices;
  const double enough = capacity + 2 * full_column;
  for (; blocks != doc.blocks.end() && packed <= enough; ++blocks) {
    BlockContext budgeted = context;
    budgeted.height_budget = enough - packed + full_column;
    for (Slice& slice : block_slices(*blocks, budgeted)) {
      slice.loc = blocks->loc;
      packed += std::min(slice.height, full_column);
      slices.push_back(std::move(slice));
    }
  }

  Pages pages{doc.title, doc.language, {}, {}};
  for (auto& items : flow(slices, columns_of, max_pages, diags)) {
    pages.pages.push_back(Page{core::kA4Width, core::kA4Height, std::move(items)});
  }
  auto& first_page = pages.pages.front().items;
  first_page.insert(first_page.begin(), title_items.begin(), title_items.end());
  add_page_furniture(pages.pages, doc, *fonts, typesetter);
  if (doc.direction == document::Direction::rtl) {
    for (Page& page : pages.pages) mirror_horizontally(page.items, page.width);
  }
  pages.structure = structure.take();
  return pages;
}

}  // namespace leafpress::layout
