#include "layout/layout_tools.hpp"

#include <algorithm>
#include <iterator>
#include <utility>
#include <variant>

namespace leafpress::layout {
namespace {

/// One call operator per lambda: std::visit over it needs one for every alternative.
template <class... Visitors>
struct Overloaded : Visitors... {
  using Visitors::operator()...;
};

/// What a column break between two strips of `block` splits. No catch-all: a block kind
/// added without a case here does not compile.
BreakKind break_inside(const document::Block<document::RichText>& block) {
  using document::RichText;
  return std::visit(
      Overloaded{
          [](const document::ParagraphBlock<RichText>&) { return BreakKind::inside_paragraph; },
          [](const document::ListBlock<RichText>&) { return BreakKind::inside_list; },
          [](const document::TableBlock<RichText>&) { return BreakKind::inside_list; },
          [](const document::SourcesBlock<RichText>&) { return BreakKind::inside_list; },
          [](const document::ContactBlock<RichText>&) { return BreakKind::inside_list; },
          [](const document::CalloutBlock<RichText>&) { return BreakKind::inside_box; },
          [](const document::FiguresBlock<RichText>&) { return BreakKind::inside_box; },
          // One strip each, never broken inside; a break after a heading's line is kept out
          // by keep_with_next.
          [](const document::TitleBlock<RichText>&) { return BreakKind::inside_box; },
          [](const document::HeadingBlock<RichText>&) { return BreakKind::inside_box; },
          [](const document::QuoteBlock<RichText>&) { return BreakKind::inside_box; },
          [](const document::ImageBlock<RichText>&) { return BreakKind::inside_box; },
          [](const document::QrBlock<RichText>&) { return BreakKind::inside_box; },
      },
      block.content);
}

const document::Block<document::RichText>& block_at(const document::Block<document::RichText>& block) { return block; }
const document::Block<document::RichText>& block_at(const document::Block<document::RichText>* block) { return *block; }

/// set_blocks over blocks [first, last), each a block or a pointer to one.
template <class Iterator>
std::vector<Slice> set_blocks_of(Iterator first, Iterator last, const BlockContext& context, double capacity,
                                 double full_column) {
  const double enough = capacity + 2 * full_column;
  double packed = 0;
  std::vector<Slice> slices;
  // A heading keeps with the three lines after it: fewer at a column's foot read as stranded.
  int keep_after_heading = 0;
  for (auto at = first; at != last && packed <= enough; ++at) {
    const document::Block<document::RichText>* block = &block_at(*at);
    BlockContext budgeted = context;
    budgeted.height_budget = enough - packed + full_column;
    const bool heading = std::holds_alternative<document::HeadingBlock<document::RichText>>(block->content);
    const bool picture = std::holds_alternative<document::ImageBlock<document::RichText>>(block->content);
    bool first_of_block = true;
    for (Slice& slice : block_slices(*block, budgeted)) {
      slice.break_before = first_of_block ? (heading ? BreakKind::before_heading : BreakKind::between_blocks)
                                          : break_inside(*block);
      slice.floats = picture;
      first_of_block = false;
      if (!heading && keep_after_heading > 0) {
        slice.keep_with_next = true;
        --keep_after_heading;
      }
      slice.loc = block->loc;
      packed += std::min(slice.height, full_column);
      slices.push_back(std::move(slice));
    }
    if (heading) keep_after_heading = 2;
  }
  return slices;
}

}  // namespace

std::vector<Slice> set_blocks(BlockIterator first, BlockIterator last, const BlockContext& context, double capacity,
                              double full_column) {
  return set_blocks_of(first, last, context, capacity, full_column);
}

std::vector<Slice> set_blocks(const BlockList& blocks, const BlockContext& context, double capacity,
                              double full_column) {
  return set_blocks_of(blocks.begin(), blocks.end(), context, capacity, full_column);
}

bool belongs_on_back(const document::Block<document::RichText>& block) {
  using document::RichText;
  return std::holds_alternative<document::SourcesBlock<RichText>>(block.content) ||
         std::holds_alternative<document::ContactBlock<RichText>>(block.content) ||
         std::holds_alternative<document::QrBlock<RichText>>(block.content);
}

bool opens_with_title(const document::LocalizedDocument& doc) {
  return !doc.blocks.empty() &&
         std::holds_alternative<document::TitleBlock<document::RichText>>(doc.blocks.front().content);
}

double set_title(const LayoutTools& tools, double width, std::vector<Item>& items) {
  if (!opens_with_title(tools.doc)) return 0;
  double height = 0;
  for (Slice& slice : block_slices(tools.doc.blocks.front(), tools.context(width))) {
    translate(slice.items, 0, height);
    items.insert(items.end(), std::make_move_iterator(slice.items.begin()), std::make_move_iterator(slice.items.end()));
    height += slice.height;
  }
  return height;
}

}  // namespace leafpress::layout
