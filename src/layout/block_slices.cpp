#include "layout/block_slices.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/units.hpp"
#include "layout/table_slices.hpp"

namespace leafpress::layout {
namespace {

using document::RichText;

constexpr double kParagraphGap = 6;
constexpr double kBoxPadding = 12;
constexpr double kFigureRowGap = 10;  // between rows of figures
constexpr double kListIndent = 16;  // at least; a list indents 1.5 times its text size

double list_indent(const BlockContext& c) { return std::max(kListIndent, 1.5 * c.theme.body_size); }

TextSpec body_spec(const BlockContext& c) {
  return {&c.fonts.body, c.theme.body_size, c.theme.text, false, false, 1.45, text::Align::justify, true};
}

TextSpec heading_spec(const BlockContext& c, double size, core::Color color) {
  return {&c.fonts.heading, size, color, true, false, 1.2, text::Align::start};
}

/// One strip per line; the first two and the last two lines stay together.
std::vector<Slice> line_slices(const SetText& set, double x, double space_before, int element) {
  std::vector<Slice> slices;
  const std::size_t n = set.lines.size();
  for (std::size_t i = 0; i < n; ++i) {
    Slice slice{set.pitch, i == 0 ? space_before : 0, false, line_items(set, i, x, 0, element)};
    slice.keep_with_next = n > 1 && (i == 0 || i + 2 == n);
    slices.push_back(std::move(slice));
  }
  return slices;
}

/// Stacks set texts downwards inside a box; returns the height used.
class Stack {
 public:
  explicit Stack(double x, double top) : x_(x), y_(top) {}
  void add(const SetText& set, double gap_before, int element) {
    if (set.lines.empty()) return;
    y_ += gap_before;
    auto lines = all_line_items(set, x_, y_, element);
    items_.insert(items_.end(), lines.begin(), lines.end());
    y_ += set.height();
  }
  void add_rect(RectItem rect) { items_.push_back(rect); }
  void add_slice(const Slice& slice) {
    y_ += slice.space_before;
    std::vector<Item> items = slice.items;
    translate(items, x_, y_);
    items_.insert(items_.end(), items.begin(), items.end());
    y_ += slice.height;
  }
  void skip(double dy) { y_ += dy; }
  double y() const { return y_; }
  std::vector<Item>& items() { return items_; }

 private:
  double x_;
  double y_;
  std::vector<Item> items_;
};

/// Display text set at its size, or smaller when a word of it is wider than the measure
/// (a long title in a narrow panel): never below two thirds of the size.
SetText set_fitting(const RichText& text, TextSpec spec, double width, const BlockContext& c) {
  core::Diagnostics measuring;
  SetText set = c.typesetter.reporting_to(measuring).set(text, spec, width);
  if (!measuring.has_errors() && measuring.warning_count() == 0) return set;
  double widest = 0;
  for (const text::Line& line : set.lines) widest = std::max(widest, line.width);
  if (widest > width + 0.01) spec.size *= std::max(2.0 / 3.0, width / widest * 0.99);
  return c.typesetter.set(text, spec, width);
}

std::vector<Slice> title_slices(const document::TitleBlock<RichText>& b, const BlockContext& c) {
  const double width = c.column_width - 2 * kBoxPadding - 4;
  Stack stack(kBoxPadding + 4, kBoxPadding + 4);
  if (b.kicker) {
    TextSpec kicker = heading_spec(c, 10, c.theme.accent);
    stack.add(c.typesetter.set(*b.kicker, kicker, width), 0, c.structure.add(Role::paragraph));
    stack.skip(4);
  }
  stack.add(set_fitting(b.title, heading_spec(c, c.theme.title_size, c.theme.accent), width, c), 0,
            c.structure.add(Role::heading, 0, 1, b.title.plain()));
  if (b.subtitle) {
    TextSpec subtitle = heading_spec(c, c.theme.subtitle_size, c.theme.muted);
    subtitle.bold = false;
    stack.add(c.typesetter.set(*b.subtitle, subtitle, width), 4, c.structure.add(Role::paragraph));
  }
  stack.skip(kBoxPadding + 4);
  const double height = stack.y();
  std::vector<Item> items{RectItem{0, 0, c.column_width, height, c.theme.accent_light},
                          RectItem{0, 0, 4, height, c.theme.accent}};
  items.insert(items.end(), stack.items().begin(), stack.items().end());
  // No space before: the quiet zone is the code's white margin, above and below it too.
  return {Slice{height, 0, false, std::move(items)}};
}

std::vector<Slice> heading_slices(const document::HeadingBlock<RichText>& b, const BlockContext& c, int parent = 0) {
  const double sizes[] = {c.theme.h1_size, c.theme.h2_size, c.theme.h3_size};
  const double gaps[] = {18, 12, 10};
  const int level = std::clamp(b.level, 1, 3);
  const core::Color color = level == 1 ? c.theme.accent : c.theme.text;
  const SetText set = c.typesetter.set(b.text, heading_spec(c, sizes[level - 1], color), c.column_width);
  // The leaflet's title is the only H1; its sections start at H2 (PDF/UA: no skipped levels).
  std::vector<Item> items = all_line_items(set, 0, 0, c.structure.add(Role::heading, parent, level + 1, b.text.plain()));
  double height = set.height() + (level == 1 ? 6 : 3);
  if (level == 1) {
    items.push_back(RectItem{0, set.height() + 1.5, 28, 2, c.theme.accent});
    height += 4;
  }
  return {Slice{height, gaps[level - 1], true, std::move(items)}};
}

std::vector<Slice> paragraph_slices(const RichText& text, const BlockContext& c) {
  return line_slices(c.typesetter.set(text, body_spec(c), c.column_width), 0, kParagraphGap,
                     c.structure.add(Role::paragraph));
}

/// One list item's lines, indented, with its marker (a bullet, or "3.") hung in the indent.
std::vector<Slice> list_item_slices(const RichText& item, const std::string& label, double width, double gap,
                                    int list, const BlockContext& c) {
  const int list_item = c.structure.add(Role::list_item, list);
  const int label_element = c.structure.add(Role::label, list_item);
  const int body = c.structure.add(Role::list_body, list_item);
  // Short items read better ragged: justifying them opens wide gaps in their few lines.
  TextSpec item_spec = body_spec(c);
  item_spec.align = text::Align::start;
  const double indent = list_indent(c);
  const SetText set = c.typesetter.set(item, item_spec, width - indent);
  auto slices = line_slices(set, indent, gap, body);
  if (slices.empty()) return slices;
  TextSpec marker = heading_spec(c, c.theme.body_size, c.theme.accent);
  marker.align = text::Align::end;
  SetText mark = c.typesetter.set({{document::Span{label, false, false, {}}}, item.loc}, marker, indent - 5);
  mark.baseline = set.baseline;
  auto mark_items = line_items(mark, 0, 0, 0, label_element);
  slices.front().items.insert(slices.front().items.begin(), mark_items.begin(), mark_items.end());
  return slices;
}

std::string list_label(bool numbered, std::size_t index, const BlockContext& c) {
  return numbered ? c.typesetter.number(index + 1) + "." : "\u2022";
}

std::vector<Slice> list_slices(const document::ListBlock<RichText>& b, const BlockContext& c) {
  std::vector<Slice> slices;
  const int list = c.structure.add(Role::list);
  double height = 0;
  for (std::size_t i = 0; i < b.items.size() && height <= c.height_budget; ++i) {
    for (auto& slice : list_item_slices(b.items[i], list_label(b.numbered, i, c), c.column_width,
                                        i == 0 ? kParagraphGap : 3, list, c)) {
      height += slice.space_before + slice.height;
      slices.push_back(std::move(slice));
    }
  }
  return slices;
}

std::vector<Slice> quote_slices(const document::QuoteBlock<RichText>& b, const BlockContext& c) {
  const double indent = 18;
  Stack stack(indent, 2);
  TextSpec quote = body_spec(c);
  quote.size = c.theme.body_size * 1.2;
  quote.italic = true;
  quote.color = c.theme.accent;
  quote.align = text::Align::start;
  const int block_quote = c.structure.add(Role::block_quote);
  stack.add(c.typesetter.set(b.text, quote, c.column_width - indent), 0, c.structure.add(Role::paragraph, block_quote));
  if (b.by) {
    TextSpec by = heading_spec(c, c.theme.body_size * 0.85, c.theme.muted);
    by.bold = false;
    stack.add(c.typesetter.set(*b.by, by, c.column_width - indent), 4, c.structure.add(Role::paragraph, block_quote));
  }
  stack.skip(2);
  const double height = stack.y();
  stack.add_rect(RectItem{0, 0, 3, height, c.theme.accent});
  return {Slice{height, 14, false, std::move(stack.items())}};
}

std::vector<Slice> boxed(Stack& stack, const BlockContext& c, core::Color background, double space_before) {
  stack.skip(kBoxPadding);
  const double height = stack.y();
  std::vector<Item> items{RectItem{0, 0, c.column_width, height, background}};
  items.insert(items.end(), stack.items().begin(), stack.items().end());
  return {Slice{height, space_before, false, std::move(items)}};
}

std::vector<Slice> callout_slices(const document::CalloutBlock<RichText>& b, const BlockContext& c) {
  const double width = c.column_width - 2 * kBoxPadding;
  Stack stack(kBoxPadding, kBoxPadding);
  const int section = c.structure.add(Role::section);
  if (b.title) {
    stack.add(c.typesetter.set(*b.title, heading_spec(c, c.theme.h2_size, c.theme.accent), width), 0,
              c.structure.add(Role::heading, section, 2, b.title->plain()));
  }
  TextSpec body = body_spec(c);
  body.align = text::Align::start;
  for (std::size_t i = 0; i < b.paragraphs.size() && stack.y() <= c.height_budget; ++i) {
    stack.add(c.typesetter.set(b.paragraphs[i], body, width), i == 0 && !b.title ? 0 : 4,
              c.structure.add(Role::paragraph, section));
  }
  const int list = b.items.empty() ? 0 : c.structure.add(Role::list, section);
  for (std::size_t i = 0; i < b.items.size() && stack.y() <= c.height_budget; ++i) {
    for (const Slice& line : list_item_slices(b.items[i], list_label(false, i, c), width, i == 0 ? 4 : 2, list, c)) {
      stack.add_slice(line);
    }
  }
  auto slices = boxed(stack, c, c.theme.accent_light, 16);
  slices.front().items.push_back(RectItem{0, 0, c.column_width, 3, c.theme.accent});
  return slices;
}

/// As many figures side by side as the widest value leaves room for: three at most, two
/// for four figures (two rows of two), one in a narrow column. Only the figures the height
/// budget can reach are measured (every row takes at least its 10 pt gap), and measuring
/// stops once a value is too wide for two in a row: a block of thousands of figures is cut
/// at the budget, and setting every value first made it cost as much as all of them.
std::size_t figures_per_row(const document::FiguresBlock<RichText>& b, const TextSpec& value_spec, double inner,
                            double gap, const BlockContext& c) {
  const auto cell_width = [&](std::size_t per_row) {
    return (inner - gap * static_cast<double>(per_row - 1)) / static_cast<double>(per_row);
  };
  const double reachable_rows = std::max(0.0, c.height_budget) / kFigureRowGap + 1;
  const std::size_t reachable =
      reachable_rows >= static_cast<double>(b.figures.size()) ? b.figures.size()
                                                               : 3 * static_cast<std::size_t>(reachable_rows);
  double widest = 0;
  for (std::size_t i = 0; i < std::min(reachable, b.figures.size()) && widest <= cell_width(2); ++i) {
    for (const text::Line& line : c.typesetter.set(b.figures[i].value, value_spec, inner).lines) {
      widest = std::max(widest, line.width);
    }
  }
  std::size_t per_row = b.figures.size() == 4 ? 2 : std::min<std::size_t>(3, b.figures.size());
  // A label needs room for a few words beside its neighbours too.
  const double narrowest = std::max(widest, 6 * c.theme.body_size);
  while (per_row > 1 && cell_width(per_row) < narrowest) --per_row;
  return per_row;
}

std::vector<Slice> figures_slices(const document::FiguresBlock<RichText>& b, const BlockContext& c) {
  const double inner = c.column_width - 2 * kBoxPadding;
  Stack stack(kBoxPadding, kBoxPadding);
  const int section = c.structure.add(Role::section);
  if (b.title) {
    stack.add(c.typesetter.set(*b.title, heading_spec(c, c.theme.h3_size, c.theme.text), inner), 0,
              c.structure.add(Role::heading, section, 3, b.title->plain()));
  }
  const double gap = 14;
  const TextSpec value_spec = heading_spec(c, c.theme.h1_size * 1.3, c.theme.accent);
  const std::size_t per_row = figures_per_row(b, value_spec, inner, gap, c);
  const double cell = (inner - gap * static_cast<double>(per_row - 1)) / static_cast<double>(per_row);
  std::vector<Item> items;
  double row_top = stack.y() + 8;
  for (std::size_t row = 0; row * per_row < b.figures.size() && row_top <= c.height_budget; ++row) {
    double row_height = 0;
    for (std::size_t col = 0; col < per_row && row * per_row + col < b.figures.size(); ++col) {
      const auto& figure = b.figures[row * per_row + col];
      const double x = kBoxPadding + static_cast<double>(col) * (cell + gap);
      Stack cell_stack(x, row_top);
      cell_stack.add(c.typesetter.set(figure.value, value_spec, cell), 0,
                     c.structure.add(Role::paragraph, section));
      TextSpec label = heading_spec(c, c.theme.body_size * 0.85, c.theme.text);
      label.bold = false;
      label.leading = 1.3;
      cell_stack.add(c.typesetter.set(figure.label, label, cell), 2, c.structure.add(Role::paragraph, section));
      items.insert(items.end(), cell_stack.items().begin(), cell_stack.items().end());
      row_height = std::max(row_height, cell_stack.y() - row_top);
    }
    row_top += row_height + kFigureRowGap;
  }
  stack.skip(row_top - stack.y() - kFigureRowGap);
  stack.items().insert(stack.items().end(), items.begin(), items.end());
  auto slices = boxed(stack, c, c.theme.accent_light, 16);
  slices.front().items.push_back(RectItem{0, 0, 4, slices.front().height, c.theme.accent});
  return slices;
}

std::vector<Slice> sources_slices(const document::SourcesBlock<RichText>& b, const BlockContext& c) {
  std::vector<Slice> slices;
  const int section = c.structure.add(Role::section);
  if (b.title) slices = heading_slices({2, *b.title}, c, section);
  const int list = c.structure.add(Role::list, section);
  TextSpec small = body_spec(c);
  small.fonts = &c.fonts.heading;
  small.size = c.theme.body_size * 0.82;
  small.leading = 1.35;
  small.align = text::Align::start;
  double height = 0;
  for (std::size_t i = 0; i < b.sources.size() && height <= c.height_budget; ++i) {
    // The number is set with the entry, on its line, but tagged as the item's label.
    RichText entry = b.sources[i].text;
    entry.spans.insert(entry.spans.begin(), document::Span{c.typesetter.number(i + 1) + ". ", false, true, {}});
    const int item = c.structure.add(Role::list_item, list);
    const int body = c.structure.add(Role::list_body, item);
    if (!b.sources[i].url.empty()) {
      entry.spans.push_back(document::Span{" ", false, false, {}});
      entry.spans.push_back(document::Span{b.sources[i].url, false, false, b.sources[i].url});
    }
    auto lines = line_slices(c.typesetter.set(entry, small, c.column_width), 0, i == 0 ? 4 : 3, body);
    for (auto& slice : lines) {
      height += slice.space_before + slice.height;
      slices.push_back(std::move(slice));
    }
  }
  return slices;
}

std::vector<Slice> contact_slices(const document::ContactBlock<RichText>& b, const BlockContext& c) {
  const core::Color white = core::Rgb{1, 1, 1};
  const double width = c.column_width - 2 * kBoxPadding;
  Stack stack(kBoxPadding, kBoxPadding);
  const int section = c.structure.add(Role::section);
  if (b.title) {
    stack.add(c.typesetter.set(*b.title, heading_spec(c, c.theme.h2_size, white), width), 0,
              c.structure.add(Role::heading, section, 2, b.title->plain()));
  }
  TextSpec line = heading_spec(c, c.theme.body_size * 0.95, white);
  line.bold = false;
  line.leading = 1.4;
  for (std::size_t i = 0; i < b.lines.size() && stack.y() <= c.height_budget; ++i) {
    stack.add(c.typesetter.set(b.lines[i], line, width), i == 0 ? 4 : 2, c.structure.add(Role::paragraph, section));
  }
  return boxed(stack, c, c.theme.accent, 16);
}

/// Print wants pictures at 300 pixels per inch or more where they are placed.
constexpr double kPrintPpi = 300;
/// The white margin around a QR code, in modules (ISO/IEC 18004 §5.3.8).
constexpr int kQuietZone = 4;
constexpr double kCaptionGap = 5;

TextSpec caption_spec(const BlockContext& c) {
  TextSpec spec = heading_spec(c, c.theme.body_size * 0.85, c.theme.muted);
  spec.bold = false;
  spec.leading = 1.3;
  return spec;
}

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

/// A caption goes beside a picture that leaves it this much of the column, or more.
constexpr double kCaptionBeside = 0.35;
constexpr double kCaptionSideGap = 12;

/// The picture at its width with its caption: beside it, at the start of the column, when it
/// leaves room for one; else centred with the caption under it. Never split.
std::vector<Slice> image_slices(const document::ImageBlock<RichText>& b, const core::SourceLoc& loc,
                                const BlockContext& c) {
  const document::Image& image = *b.image;
  const double width = std::min(b.width.length.value_or(b.width.share * c.column_width), c.column_width);
  const double height = width * image.height / image.width;
  check_resolution(image, width, height, loc, c);
  const double beside = c.column_width - width - kCaptionSideGap;
  const bool side_by_side = b.caption && beside >= kCaptionBeside * c.column_width;
  const double x = side_by_side ? 0 : (c.column_width - width) / 2;
  const int division = c.structure.add(Role::division);
  std::vector<Item> items{ImageItem{x, 0, width, height, b.image, c.structure.add_figure(division, b.alt.plain())}};
  double bottom = height;
  if (b.caption) {
    // A narrow picture's caption under it takes the column, not a sliver under the picture.
    const double measure = side_by_side ? beside : width >= c.column_width / 2 ? width : c.column_width;
    const SetText set = c.typesetter.set(*b.caption, caption_spec(c), measure);
    const int caption = c.structure.add(Role::caption, division);
    const auto lines = side_by_side ? all_line_items(set, width + kCaptionSideGap, 0, caption)
                                    : all_line_items(set, (c.column_width - measure) / 2, bottom + kCaptionGap, caption);
    items.insert(items.end(), lines.begin(), lines.end());
    bottom = side_by_side ? std::max(bottom, set.height()) : bottom + kCaptionGap + set.height();
  }
  return {Slice{bottom, 14, false, std::move(items)}};
}

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

/// The code with its quiet zone at the start of the column and its caption beside it, or
/// under it, centred, when the column is too narrow for both; the code leads to its address.
std::vector<Slice> qr_slices(const document::QrBlock<RichText>& b, const BlockContext& c) {
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
  const bool side_by_side = beside >= std::max(box, 0.4 * c.column_width);
  if (b.caption) caption = c.typesetter.set(*b.caption, caption_spec(c), side_by_side ? beside : c.column_width);
  const double caption_height = caption ? caption->height() : 0;
  const double height = side_by_side ? std::max(box, caption_height) : box + (caption ? caption_height : 0);
  const double code_x = side_by_side ? 0 : (c.column_width - box) / 2;
  const double code_y = side_by_side ? (height - box) / 2 : 0;

  std::vector<Item> items{
      RectGroupItem{code_x + quiet, code_y + quiet, side, side, c.theme.text, figure,
                    std::make_shared<const std::vector<Rect>>(module_rects(code, module))},
      LinkItem{code_x + quiet, code_y + quiet, side, side, b.url, link}};
  if (caption) {
    const int caption_element = c.structure.add(Role::caption, division);
    const auto lines = side_by_side ? all_line_items(*caption, box, (height - caption_height) / 2, caption_element)
                                    : all_line_items(*caption, 0, box, caption_element);
    items.insert(items.end(), lines.begin(), lines.end());
  }
  // No space before: the quiet zone is the code's white margin, above and below it too.
  return {Slice{height, 0, false, std::move(items)}};
}

}  // namespace

std::vector<Slice> block_slices(const document::Block<RichText>& block, const BlockContext& context) {
  return std::visit(
      [&](const auto& b) -> std::vector<Slice> {
        using T = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<T, document::TitleBlock<RichText>>) return title_slices(b, context);
        else if constexpr (std::is_same_v<T, document::HeadingBlock<RichText>>) return heading_slices(b, context);
        else if constexpr (std::is_same_v<T, document::ParagraphBlock<RichText>>) return paragraph_slices(b.text, context);
        else if constexpr (std::is_same_v<T, document::ListBlock<RichText>>) return list_slices(b, context);
        else if constexpr (std::is_same_v<T, document::QuoteBlock<RichText>>) return quote_slices(b, context);
        else if constexpr (std::is_same_v<T, document::CalloutBlock<RichText>>) return callout_slices(b, context);
        else if constexpr (std::is_same_v<T, document::FiguresBlock<RichText>>) return figures_slices(b, context);
        else if constexpr (std::is_same_v<T, document::SourcesBlock<RichText>>) return sources_slices(b, context);
        else if constexpr (std::is_same_v<T, document::ImageBlock<RichText>>) return image_slices(b, block.loc, context);
        else if constexpr (std::is_same_v<T, document::QrBlock<RichText>>) return qr_slices(b, context);
        else if constexpr (std::is_same_v<T, document::TableBlock<RichText>>) return table_slices(b, context);
        else return contact_slices(b, context);
      },
      block.content);
}

}  // namespace leafpress::layout
