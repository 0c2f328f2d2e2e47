#include "layout/block_kinds.hpp"
#include "layout/block_parts.hpp"

namespace leafpress::layout {

std::vector<Slice> list_slices(const document::ListBlock<document::RichText>& b, const BlockContext& c) {
  std::vector<Slice> slices;
  const int list = c.structure.add(Role::list);
  double height = 0;
  for (std::size_t i = 0; i < b.items.size() && height <= c.height_budget; ++i) {
    const double gap = i == 0 ? c.style.text.paragraph_gap : c.style.list.item_gap;
    auto item = list_item_slices(b.items[i], list_label(b.numbered, i, c), c.column_width, gap, list, c);
    keep_list_ends(item, i, b.items.size());
    for (auto& slice : item) {
      height += slice.space_before + slice.height;
      slices.push_back(std::move(slice));
    }
  }
  return slices;
}

}  // namespace leafpress::layout
