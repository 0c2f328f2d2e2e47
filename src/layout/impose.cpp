#include "layout/impose.hpp"

#include <utility>

namespace leafpress::layout {

std::vector<std::pair<std::size_t, std::size_t>> saddle_stitch_order(std::size_t count, bool right_to_left) {
  std::vector<std::pair<std::size_t, std::size_t>> sides;
  for (std::size_t sheet = 0; sheet < count / 4; ++sheet) {
    const std::size_t outer = 2 * sheet;  // the sheet's first page from the front
    sides.emplace_back(count - 1 - outer, outer);
    sides.emplace_back(outer + 1, count - 2 - outer);
  }
  if (right_to_left) {
    for (auto& [left, right] : sides) std::swap(left, right);
  }
  return sides;
}

std::vector<Page> impose_booklet(std::vector<Page> pages, bool right_to_left, double creep) {
  if (pages.empty()) return pages;
  const double width = pages.front().width;
  const double height = pages.front().height;
  while (pages.size() % 4 != 0) pages.push_back(Page{width, height, {}, {}});
  std::vector<Page> sheets;
  const auto sides = saddle_stitch_order(pages.size(), right_to_left);
  for (std::size_t side = 0; side < sides.size(); ++side) {
    const auto [left, right] = sides[side];
    // Sides come front and back of one sheet, the outermost first.
    const double shift = static_cast<double>(side / 2) * creep;
    std::vector<Item> left_items = std::move(pages[left].items);
    translate(left_items, shift, 0);
    Page sheet{2 * width, height, std::move(left_items), {width}};
    std::vector<Item> right_items = std::move(pages[right].items);
    translate(right_items, width - shift, 0);
    sheet.items.insert(sheet.items.end(), std::make_move_iterator(right_items.begin()),
                       std::make_move_iterator(right_items.end()));
    sheet.halves = {{0, left}, {width, right}};
    sheets.push_back(std::move(sheet));
  }
  return sheets;
}

}  // namespace leafpress::layout
