#include <algorithm>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "layout/block_kinds.hpp"
#include "layout/block_parts.hpp"

namespace leafpress::layout {
namespace {

/// The white margin around a QR code, in modules (ISO/IEC 18004 §5.3.8).
constexpr int kQuietZone = 4;

/// The dark modules of a QR code as rectangles, `module` points square: each run of dark
/// modules in a row is one rectangle, so the path holds a few hundred of them, not thousands.
std::vector<Rect> module_rects(const document::QrCode& code, double module) {
  std::vector<Rect> rects;
  for (int y = 0; y < code.size; ++y) {
    for (int x = 0; x < code.size;) {
      if (!code.is_dark(x, y)) {
        ++x;
        continue;
      }
      const int start = x;
      while (x < code.size && code.is_dark(x, y)) ++x;
      rects.push_back({start * module, y * module, (x - start) * module, module});
    }
  }
  return rects;
}

}  // namespace

/// The code with its quiet zone at the start of the column and its caption beside it, or
/// under it, centred, when the column is too narrow for both; the code leads to its address.
std::vector<Slice> qr_slices(const document::QrBlock<document::RichText>& b, const BlockContext& c) {
  const document::QrCode& code = *b.code;
  const int modules_across = code.size + 2 * kQuietZone;
  const double module = std::min(b.size / code.size, c.column_width / modules_across);
  const double side = code.size * module;
  const double quiet = kQuietZone * module;
  const double box = side + 2 * quiet;
  const double beside = c.column_width - box;

  const int division = c.structure.add(Role::division);
  const std::string alt = b.alt.plain() + " (" + b.url + ")";
  const int link = c.structure.add(Role::link, division, 0, alt);
  const int figure = c.structure.add_figure(link, alt);
  std::optional<SetText> caption;
  const bool side_by_side = beside >= std::max(box, c.style.picture.qr_caption_beside * c.column_width);
  if (b.caption) caption = c.typesetter.set(*b.caption, caption_spec(c), side_by_side ? beside : c.column_width);
  const double caption_height = caption ? caption->height() : 0;
  const double height = side_by_side ? std::max(box, caption_height) : box + (caption ? caption_height : 0);
  const double code_x = side_by_side ? 0 : (c.column_width - box) / 2;
  const double code_y = side_by_side ? (height - box) / 2 : 0;

  std::vector<Item> items{RectGroupItem{.x = code_x + quiet,
                                        .y = code_y + quiet,
                                        .width = side,
                                        .height = side,
                                        .fill = c.theme.text,
                                        .element = figure,
                                        .rects = std::make_shared<const std::vector<Rect>>(module_rects(code, module))},
                          LinkItem{.x = code_x + quiet, .y = code_y + quiet, .width = side, .height = side, .url = b.url,
                                   .element = link}};
  if (caption) {
    const int caption_element = c.structure.add(Role::caption, division);
    auto lines = side_by_side ? all_line_items(*caption, box, (height - caption_height) / 2, caption_element)
                              : all_line_items(*caption, 0, box, caption_element);
    items.insert(items.end(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
  }
  // No space before: the quiet zone is the code's white margin, above and below it too.
  return one_slice(Slice{.height = height, .space_before = 0, .items = std::move(items)});
}

}  // namespace leafpress::layout
