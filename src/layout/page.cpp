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

}  // namespace leafpress::layout
