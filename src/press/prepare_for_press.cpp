#include "press/prepare_for_press.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace leafpress::press {
namespace {

// Layout places edge-to-edge fills at exactly 0 and at the page size; this only absorbs
// rounding in the arithmetic that got them there.
constexpr double kOnEdge = 0.01;

// Registration colour: every ink at 100%, so that the marks print on every plate.
const core::Color kRegistration = core::Cmyk{1, 1, 1, 1};

/// How far a page bleeds past its left and right edges: `bleed`, but nothing at the spine.
struct SideBleeds {
  double left = 0;
  double right = 0;
};

SideBleeds side_bleeds(const Settings& settings, std::size_t index) {
  if (settings.spine == Spine::none) return {settings.bleed, settings.bleed};
  const bool first_side = index % 2 == 0;
  const bool spine_left = (settings.spine == Spine::left_of_first_page) == first_side;
  return spine_left ? SideBleeds{0, settings.bleed} : SideBleeds{settings.bleed, 0};
}

/// Extends a bleeding fill past every edge of the `width` × `height` page that it touches.
void extend_into_bleed(layout::RectItem& rect, double width, double height, double bleed, SideBleeds sides) {
  if (rect.x <= kOnEdge) {
    rect.width += rect.x + sides.left;
    rect.x = -sides.left;
  }
  if (rect.y <= kOnEdge) {
    rect.height += rect.y + bleed;
    rect.y = -bleed;
  }
  if (rect.x + rect.width >= width - kOnEdge) rect.width = width + sides.right - rect.x;
  if (rect.y + rect.height >= height - kOnEdge) rect.height = height + bleed - rect.y;
}

/// Puts an item's colours in the press's CMYK (text and hairlines by their own rules), its
/// picture in CMYK, and drops its link: a press file has no annotations (ISO 15930-7 §6.6).
void to_cmyk(layout::Item& item, const PressColors& colors, PressPictures& pictures) {
  std::visit(
      [&](auto& it) {
        using T = std::decay_t<decltype(it)>;
        if constexpr (std::is_same_v<T, layout::GlyphItem>) {
          it.run.color = colors.text_color(it.run.color, it.run.size);
          it.run.link.clear();
        } else if constexpr (std::is_same_v<T, layout::RectItem>) {
          const bool hairline = std::min(it.width, it.height) < 1;
          if (hairline && it.height < 1) it.height = std::max(it.height, kMinHairlineWidth);
          if (hairline && it.width < 1) it.width = std::max(it.width, kMinHairlineWidth);
          it.fill = hairline ? colors.hairline_color(it.fill) : colors.color(it.fill);
        } else if constexpr (std::is_same_v<T, layout::RectGroupItem>) {
          it.fill = colors.color(it.fill);
        } else if constexpr (std::is_same_v<T, layout::LineItem>) {
          if (it.width < 1) {
            it.width = std::max(it.width, kMinHairlineWidth);
            it.color = colors.hairline_color(it.color);
          } else {
            it.color = colors.color(it.color);
          }
        } else if constexpr (std::is_same_v<T, layout::ImageItem>) {
          auto converted = pictures.cmyk(*it.image, colors);
          if (!converted) throw std::runtime_error("cannot decode picture '" + it.image->file + "' again");
          it.image = std::move(converted);
        }
      },
      item);
}

layout::LineItem mark(double x1, double y1, double x2, double y2, bool dashed = false) {
  return {x1, y1, x2, y2, kMarkWeight, kRegistration, dashed, layout::kPrinterMark};
}

/// Crop marks: at each corner of the trim box (left, top, width, height) a horizontal mark
/// on the line of the top or bottom edge and a vertical one on the line of the left or
/// right edge, each from `offset` to `offset` + kMarkLength away from the corner.
void add_crop_marks(std::vector<layout::Item>& items, const layout::Box& trim, double offset) {
  const double near = offset;
  const double far = offset + kMarkLength;
  const double left = trim.x;
  const double right = trim.x + trim.width;
  const double top = trim.y;
  const double bottom = trim.y + trim.height;
  for (const double y : {top, bottom}) {
    items.push_back(mark(left - far, y, left - near, y));
    items.push_back(mark(right + near, y, right + far, y));
  }
  for (const double x : {left, right}) {
    items.push_back(mark(x, top - far, x, top - near));
    items.push_back(mark(x, bottom + near, x, bottom + far));
  }
}

/// Fold marks: a short dashed line above and below the trim at each fold.
void add_fold_marks(std::vector<layout::Item>& items, const layout::Box& trim, const std::vector<double>& folds,
                    double offset) {
  for (const double fold : folds) {
    const double x = trim.x + fold;
    items.push_back(mark(x, trim.y - offset - kMarkLength, x, trim.y - offset, true));
    items.push_back(mark(x, trim.y + trim.height + offset, x, trim.y + trim.height + offset + kMarkLength, true));
  }
}

}  // namespace

double mark_offset(const Settings& settings) { return std::max(settings.bleed, kMinMarkOffset); }

double media_margin(const Settings& settings) {
  return settings.crop_marks ? mark_offset(settings) + kMarkLength + kMarkSlug : settings.bleed;
}

layout::Pages prepare_for_press(layout::Pages pages, const Settings& settings, const PressColors& colors) {
  PressPictures pictures;
  return prepare_for_press(std::move(pages), settings, colors, pictures);
}

layout::Pages prepare_for_press(layout::Pages pages, const Settings& settings, const PressColors& colors,
                                PressPictures& pictures) {
  const double margin = media_margin(settings);
  const double bleed = settings.bleed;
  for (std::size_t index = 0; index < pages.pages.size(); ++index) {
    layout::Page& page = pages.pages[index];
    const SideBleeds sides = side_bleeds(settings, index);
    const layout::Box trim{margin, margin, page.width, page.height};
    std::erase_if(page.items, [](const layout::Item& item) { return std::holds_alternative<layout::LinkItem>(item); });
    for (layout::Item& item : page.items) {
      if (auto* rect = std::get_if<layout::RectItem>(&item); rect && rect->bleed) {
        extend_into_bleed(*rect, page.width, page.height, bleed, sides);
      }
      to_cmyk(item, colors, pictures);
    }
    layout::translate(page.items, margin, margin);
    if (settings.crop_marks) {
      add_crop_marks(page.items, trim, mark_offset(settings));
      add_fold_marks(page.items, trim, page.folds, mark_offset(settings));
    }
    for (double& fold : page.folds) fold += margin;
    for (layout::PageHalf& half : page.halves) half.x += margin;
    page.width += 2 * margin;
    page.height += 2 * margin;
    page.press = layout::PressBoxes{
        trim, {margin - sides.left, margin - bleed, trim.width + sides.left + sides.right, trim.height + 2 * bleed}};
  }
  return pages;
}

}  // namespace leafpress::press
