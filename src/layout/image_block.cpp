#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <string>
#include <utility>

#include "core/units.hpp"
#include "layout/block_kinds.hpp"
#include "layout/block_parts.hpp"

namespace leafpress::layout {
namespace {

/// Print wants pictures at 300 pixels per inch or more where they are placed.
constexpr double kPrintPpi = 300;

std::string millimetres(double points) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", points / core::kPointsPerMm);
  return text;
}

/// Warns, at the figure, when its picture has fewer than 300 pixels per inch at the size it
/// is printed: what it has, and what would do.
void check_resolution(const document::Image& image, double width, double height, const core::SourceLoc& loc,
                      const BlockContext& c) {
  const double ppi = image.width / (width / core::kPointsPerInch);
  if (!c.diags || ppi >= kPrintPpi - 0.5) return;
  const auto pixels = [](double points) {
    return std::to_string(static_cast<long>(std::ceil(points / core::kPointsPerInch * kPrintPpi - 1e-6)));
  };
  const double widest = image.width / kPrintPpi * core::kPointsPerInch;
  c.diags->warning(loc,
                   "image '" + image.file + "' is " + std::to_string(static_cast<long>(std::lround(ppi))) +
                       " ppi where the " + std::string(c.format) + " prints it, " + millimetres(width) + " x " +
                       millimetres(height) + " mm; print needs " + std::to_string(static_cast<int>(kPrintPpi)) + " ppi",
                   "use a picture of at least " + pixels(width) + " x " + pixels(height) +
                       " pixels, or print this one at most " + millimetres(widest) + " mm wide ('width: " +
                       millimetres(widest) + "mm')");
}

}  // namespace

/// The picture at its width with its caption: beside it, at the start of the column, when it
/// leaves room for one; else centred with the caption under it. Never split.
std::vector<Slice> image_slices(const document::ImageBlock<document::RichText>& b, const core::SourceLoc& loc,
                                const BlockContext& c) {
  const BlockStyle::Picture& style = c.style.picture;
  const document::Image& image = *b.image;
  const double width = std::min(b.width.length.value_or(b.width.share * c.column_width), c.column_width);
  const double height = width * image.height / image.width;
  check_resolution(image, width, height, loc, c);
  const double beside = c.column_width - width - style.caption_side_gap;
  const bool side_by_side = b.caption && beside >= style.caption_beside * c.column_width;
  const double x = side_by_side ? 0 : (c.column_width - width) / 2;
  const int division = c.structure.add(Role::division);
  std::vector<Item> items{ImageItem{.x = x,
                                    .y = 0,
                                    .width = width,
                                    .height = height,
                                    .image = b.image,
                                    .element = c.structure.add_figure(division, b.alt.plain())}};
  double bottom = height;
  if (b.caption) {
    // A narrow picture's caption under it takes the column, not a sliver under the picture.
    const double measure = side_by_side ? beside : width >= c.column_width / 2 ? width : c.column_width;
    SetText set = c.typesetter.set(*b.caption, caption_spec(c), measure);
    const int caption = c.structure.add(Role::caption, division);
    const double height_set = set.height();
    auto lines = side_by_side ? all_line_items(std::move(set), width + style.caption_side_gap, 0, caption)
                              : all_line_items(std::move(set), (c.column_width - measure) / 2,
                                               bottom + style.caption_gap, caption);
    items.insert(items.end(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
    bottom = side_by_side ? std::max(bottom, height_set) : bottom + style.caption_gap + height_set;
  }
  return one_slice(Slice{.height = bottom, .space_before = style.space_before, .items = std::move(items)});
}

}  // namespace leafpress::layout
