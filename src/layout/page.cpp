#include "layout/page.hpp"

namespace leafpress::layout {

std::optional<PageHalf> half_at(const std::vector<PageHalf>& halves, double x) {
  std::optional<PageHalf> found;
  for (const PageHalf& half : halves) {
    if (half.x <= x || !found) found = half;
  }
  return found;
}

std::vector<Item> as_artifacts(std::vector<Item> items) {
  std::vector<Item> kept;
  for (Item& item : items) {
    // A link of the first header stays with it: a repeat leads nowhere new.
    if (std::holds_alternative<LinkItem>(item)) continue;
    std::visit([](auto& it) { it.element = kArtifact; }, item);
    kept.push_back(std::move(item));
  }
  return kept;
}

void translate(std::vector<Item>& items, double dx, double dy) {
  for (Item& item : items) {
    std::visit(
        [&](auto& it) {
          using T = std::decay_t<decltype(it)>;
          if constexpr (std::is_same_v<T, LineItem>) {
            it.x1 += dx;
            it.x2 += dx;
            it.y1 += dy;
            it.y2 += dy;
          } else if constexpr (std::is_same_v<T, GlyphItem>) {
            it.x += dx;
            it.baseline += dy;
          } else if constexpr (std::is_same_v<T, LinkItem>) {
            it.x += dx;
            it.y += dy;
            it.box_x += dx;
          } else {
            it.x += dx;
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
          if constexpr (std::is_same_v<T, LineItem>) {
            it.x1 = width - it.x1;
            it.x2 = width - it.x2;
          } else if constexpr (std::is_same_v<T, GlyphItem>) {
            it.x = width - (it.x + it.measure);
          } else if constexpr (std::is_same_v<T, LinkItem>) {
            const double moved = it.box_width > 0 ? width - it.box_width - 2 * it.box_x : width - it.width - 2 * it.x;
            it.x += moved;
            it.box_x += moved;
          } else {
            it.x = width - (it.x + it.width);
          }
        },
        item);
  }
}

}  // namespace leafpress::layout
