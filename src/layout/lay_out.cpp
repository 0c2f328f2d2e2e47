#include "layout/lay_out.hpp"

#include "core/units.hpp"
#include "layout/block_slices.hpp"
#include "layout/flow.hpp"
#include "layout/page_furniture.hpp"
#include "layout/theme_fonts.hpp"

namespace leafpress::layout {
namespace {

constexpr double kGutter = 18;

std::vector<Column> brochure_columns(const document::PageSetup<document::RichText>& setup, std::size_t index) {
  const auto& m = setup.margins;
  const double left = index % 2 == 0 ? m.inside : m.outside;
  const double frame_width = core::kA4Width - m.inside - m.outside;
  const double height = core::kA4Height - m.top - m.bottom;
  const int count = std::max(1, setup.columns);
  const double width = (frame_width - kGutter * (count - 1)) / count;
  std::vector<Column> columns;
  for (int c = 0; c < count; ++c) columns.push_back({left + c * (width + kGutter), m.top, width, height});
  return columns;
}

}  // namespace

std::optional<Pages> lay_out(const document::LocalizedDocument& doc, fonts::FontRegistry& registry,
                             core::Diagnostics& diags) {
  const auto fonts = resolve_theme_fonts(doc.theme, registry, diags);
  if (!fonts) return std::nullopt;
  const Typesetter typesetter(doc.language, doc.theme.accent, diags);
  const auto columns_of = [&](std::size_t index) { return brochure_columns(doc.page, index); };
  const BlockContext context{doc.theme, *fonts, typesetter, columns_of(0).front().width};

  std::vector<Slice> slices;
  for (const auto& block : doc.blocks) {
    for (Slice& slice : block_slices(block, context)) {
      slice.loc = block.loc;
      slices.push_back(std::move(slice));
    }
  }

  Pages pages{doc.title, doc.language, {}};
  for (auto& items : flow(slices, columns_of, diags)) {
    pages.pages.push_back(Page{core::kA4Width, core::kA4Height, std::move(items)});
  }
  add_page_furniture(pages.pages, doc, *fonts, typesetter);
  return pages;
}

}  // namespace leafpress::layout
