#pragma once

#include <string>
#include <variant>
#include <vector>

#include "core/color.hpp"
#include "text/glyph_run.hpp"

namespace leafpress::layout {

// The display list. Coordinates are points from the page's top-left corner, y downwards;
// back ends flip them as their format needs.

/// A run of glyphs with its line's origin at (x, baseline). `measure` is the width of the
/// line box the run was set in, from x: mirroring moves the box, not the glyphs in it.
struct GlyphItem {
  text::GlyphRun run;
  double x = 0;
  double baseline = 0;
  double measure = 0;
};

/// A filled rectangle; (x, y) is its top-left corner.
struct RectItem {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
  core::Rgb fill;
};

/// A clickable area leading to `url`; (x, y) is its top-left corner.
struct LinkItem {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
  std::string url;
};

using Item = std::variant<GlyphItem, RectItem, LinkItem>;

struct Page {
  double width = 0;
  double height = 0;
  std::vector<Item> items;
};

/// Everything a back end needs to write a document.
struct Pages {
  std::string title;
  std::string language;
  std::vector<Page> pages;
};

/// Moves every item by (dx, dy).
void translate(std::vector<Item>& items, double dx, double dy);

/// Mirrors the items' boxes left to right within [0, width], as a right-to-left page is a
/// left-to-right one seen in a mirror; the glyphs inside each line box keep their order.
void mirror_horizontally(std::vector<Item>& items, double width);

}  // namespace leafpress::layout
