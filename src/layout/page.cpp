#include "layout/page.hpp"

namespace leafpress::layout {

void translate(std::vector<Item>& items, double dx, double dy) {
  for (Item& item : items) {
    std::visit(
        [&](auto& it) {
          using T = std::decay_t<decltype(it)>;
          it.x += dx;
          if constexpr (std::is_same_v<T, GlyphItem>) {
            it.baseline += dy;
          } else {
            it.y += dy;
          }
        },
        item);
  }
}

void mirror_horizontally(std::vector<Item>& items, double width) {
  for (Item& item : items) {
    std::visit(
        [&](auto& it) {
          using T = std::decay_t<decltype(it)>;
          if constexpr (std::is_same_v<T, GlyphItem>) {
            it.x = width - (it.x + it.measure);
          } else {
            it.x = width - (it.x + it.width);
          }
        },
        item);
  }
}

}  // namespace leafpress::layout
