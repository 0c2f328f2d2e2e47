#include "layout/block_slices.hpp"

#include <variant>

#include "layout/block_kinds.hpp"

namespace leafpress::layout {
namespace {

/// One call operator per lambda: std::visit over it needs one for every alternative.
template <class... Visitors>
struct Overloaded : Visitors... {
  using Visitors::operator()...;
};

}  // namespace

SetAside::SetAside(const BlockContext& outer)
    : typesetter_(outer.typesetter.reporting_to(measuring)),
      context{.theme = outer.theme,
              .fonts = outer.fonts,
              .typesetter = typesetter_,
              .column_width = outer.column_width,
              .structure = scratch_,
              .height_budget = outer.height_budget,
              .diags = nullptr,
              .format = outer.format,
              .style = outer.style} {}

std::vector<Slice> block_slices(const document::Block<document::RichText>& block, const BlockContext& context) {
  using document::RichText;
  // No catch-all: a block kind added to document::BlockContent without a case here does not compile.
  return std::visit(
      Overloaded{
          [&](const document::TitleBlock<RichText>& b) { return title_slices(b, context); },
          [&](const document::HeadingBlock<RichText>& b) { return heading_slices(b, context); },
          [&](const document::ParagraphBlock<RichText>& b) { return paragraph_slices(b, context); },
          [&](const document::ListBlock<RichText>& b) { return list_slices(b, context); },
          [&](const document::QuoteBlock<RichText>& b) { return quote_slices(b, context); },
          [&](const document::CalloutBlock<RichText>& b) { return callout_slices(b, context); },
          [&](const document::FiguresBlock<RichText>& b) { return figures_slices(b, context); },
          [&](const document::SourcesBlock<RichText>& b) { return sources_slices(b, context); },
          [&](const document::ContactBlock<RichText>& b) { return contact_slices(b, context); },
          [&](const document::ImageBlock<RichText>& b) { return image_slices(b, block.loc, context); },
          [&](const document::QrBlock<RichText>& b) { return qr_slices(b, context); },
          [&](const document::TableBlock<RichText>& b) { return table_slices(b, context); },
      },
      block.content);
}

}  // namespace leafpress::layout
