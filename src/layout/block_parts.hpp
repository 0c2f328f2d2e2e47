#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "document/localized_document.hpp"
#include "layout/block_slices.hpp"

namespace leafpress::layout {

/// Running text: the body face at the body size, justified and hyphenated.
TextSpec body_spec(const BlockContext& c);

/// Display text in the heading face, bold, ragged, at `size` in `color`.
TextSpec heading_spec(const BlockContext& c, double size, core::Color color);

/// Captions of pictures and QR codes: small, muted, in the heading face.
TextSpec caption_spec(const BlockContext& c);

/// One strip per line of `set`, its lines starting at `x`, the first with `space_before`
/// above it; the first two and the last two lines stay together (no orphans, no widows).
std::vector<Slice> line_slices(const SetText& set, double x, double space_before, int element);
/// As line_slices, the lines' glyph runs moved out of `set` instead of copied.
std::vector<Slice> line_slices(SetText&& set, double x, double space_before, int element);

/// Display text set at its size, or smaller when a word of it is wider than the measure
/// (a long title in a narrow panel): never below the style's fitting minimum of the size.
SetText set_fitting(const document::RichText& text, TextSpec spec, double width, const BlockContext& c);

/// How far a list's text is indented from its marker's edge.
double list_indent(const BlockContext& c);

/// A list entry's marker: a bullet, or its number and a full stop in the language's digits.
std::string list_label(bool numbered, std::size_t index, const BlockContext& c);

/// One list item's lines, `width` wide, indented, with its marker (`label`) hung in the
/// indent; `gap` above it; tagged as an item of structure element `list`.
std::vector<Slice> list_item_slices(const document::RichText& item, const std::string& label, double width,
                                    double gap, int list, const BlockContext& c);

/// Marks the strips of item `index` of a list of `count` so that the list never breaks in or
/// after its first item, nor before or in its last: one item alone, or part of one, on either
/// side of a break reads as a stray.
void keep_list_ends(std::vector<Slice>& item, std::size_t index, std::size_t count);

/// Stacks set texts downwards inside a box, from (`x`, `top`).
class Stack {
 public:
  Stack(double x, double top) : x_(x), y_(top) {}
  /// Adds `set`'s lines `gap_before` below what is stacked, as content of `element`.
  void add(const SetText& set, double gap_before, int element);
  /// As add(), the lines' glyph runs moved out of `set` instead of copied.
  void add(SetText&& set, double gap_before, int element);
  void add_rect(RectItem rect) { items_.push_back(rect); }
  /// Adds a strip's items below what is stacked, with its space before.
  void add_slice(const Slice& slice);
  void skip(double dy) { y_ += dy; }
  /// The height used so far, from the box's top.
  double y() const { return y_; }
  std::vector<Item>& items() { return items_; }

 private:
  double x_;
  double y_;
  std::vector<Item> items_;
};

/// A box's ground: its colour and the accent along one of its edges.
struct Ground {
  enum class Edge : std::uint8_t {
    top_rule,   // the callout's rule along its top (BlockStyle::Callout::top_rule thick)
    start_bar,  // the key figures' bar along the start edge (BlockStyle::Box::accent_bar wide)
  };
  core::Color fill;
  Edge edge = Edge::top_rule;
};

/// A box's lines (or rows) as strips on its `ground`, so that it may break between them:
/// each strip carries its share of the ground, the first the top padding, the last the
/// bottom padding; a strip that ends a column draws the bottom padding below it (the box
/// broken) and one that opens a column the top padding above it (the box continued), with
/// the top rule where the box has one; a start bar runs down every strip. The spaces between
/// the lines stay spaces, stretching and shrinking as the column's do, the ground drawn
/// across them.
std::vector<Slice> on_ground(std::vector<Slice> lines, const Ground& ground, const BlockContext& c);

/// The stack closed by the box padding on a `background` ground across the column, as one
/// strip with `space_before` above it.
std::vector<Slice> boxed(Stack& stack, const BlockContext& c, core::Color background, double space_before);

}  // namespace leafpress::layout
