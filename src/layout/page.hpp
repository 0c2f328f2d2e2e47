#pragma once

#include <cstdint>
#include <optional>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "core/color.hpp"
#include "document/image.hpp"
#include "text/glyph_run.hpp"

namespace leafpress::layout {

// The display list. Coordinates are points from the page's top-left corner, y downwards;
// back ends flip them as their format needs.

/// The part content plays in the document's logical structure: the standard structure
/// types of ISO 32000-1 §14.8.4 that a leaflet uses.
enum class Role : std::uint8_t {
  document,     // Document
  heading,      // H1…H6, by `level`
  paragraph,    // P
  list,         // L
  list_item,    // LI
  label,        // Lbl: a bullet or number
  list_body,    // LBody
  block_quote,  // BlockQuote
  section,      // Sect: a box with its own heading
  division,     // Div: a figure with its caption
  figure,       // Figure: a picture or a QR code, with `alt`
  caption,      // Caption: after its Figure (PDF Association, Tagged PDF Best Practice Guide)
  link,         // Link: made by layout when what it holds is not text (a QR code)
  table,        // Table: its Caption, then its rows
  table_row,    // TR
  table_header, // TH: a cell heading its column or row, with `scope`
  table_cell,   // TD
};

/// Which cells a TH heads (ISO 32000-1 §14.8.5.7, Table 349: /Scope).
enum class Scope : std::uint8_t {
  none,
  column,
  row,
};

/// One node of the structure tree, in reading order; its parent comes before it.
struct StructureElement {
  Role role = Role::paragraph;
  int parent = -1;
  int level = 0;     // headings: 1 for the title, 2 for sections, …
  std::string text;  // headings: their words, for bookmarks; links: what they lead to
  std::string alt;   // figures: the words read instead of the picture (/Alt)
  Scope scope = Scope::none;  // table headers: the cells they head
};

/// Items that are not content of the structure (rules, backgrounds, page furniture) are
/// artifacts (ISO 32000-1 §14.8.2.2).
inline constexpr int kArtifact = -1;
/// Printer's marks outside the trim (crop and fold marks): artifacts of the kind ISO 32000-1
/// §14.8.2.2.1 calls /Page, "production aids extraneous to the document itself".
inline constexpr int kPrinterMark = -2;

/// A run of glyphs with its line's origin at (x, baseline). `measure` is the width of the
/// line box the run was set in, from x: mirroring moves the box, not the glyphs in it.
struct GlyphItem {
  text::GlyphRun run;
  double x = 0;
  double baseline = 0;
  double measure = 0;
  int element = kArtifact;  // index into Pages::structure
};

/// A filled rectangle; (x, y) is its top-left corner. A `bleed` fill (a background running
/// off the page) is extended past every page edge it touches when the page is prepared for
/// the press, so that trimming leaves no white sliver; on screen it stops at the edge.
struct RectItem {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
  core::Color fill;
  int element = kArtifact;
  bool bleed = false;
};

/// A stroked straight line from (x1, y1) to (x2, y2), `width` points wide, butt-capped;
/// `dashed` draws it in short dashes, as fold marks are told from crop marks.
struct LineItem {
  double x1 = 0;
  double y1 = 0;
  double x2 = 0;
  double y2 = 0;
  double width = 0.25;
  core::Color color;
  bool dashed = false;
  int element = kArtifact;
};

/// A clickable area leading to `url`; (x, y) is its top-left corner.
struct LinkItem {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
  std::string url;
  int element = kArtifact;  // the element whose text the link covers
  /// Over linked text: the line box [box_x, box_x + box_width) the text was set in. Mirroring
  /// moves the box, not the rectangle in it, as it moves a GlyphItem's; with no box
  /// (box_width 0) the rectangle itself is mirrored.
  double box_x = 0;
  double box_width = 0;
};

/// A picture scaled into its box; (x, y) is the box's top-left corner. Mirroring moves the
/// box; the picture is never flipped.
struct ImageItem {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
  std::shared_ptr<const document::Image> image;
  int element = kArtifact;
};

/// A rectangle inside a RectGroupItem, relative to the group's top-left corner.
struct Rect {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
};

/// Rectangles filled in one colour as one path: a QR code's dark modules. (x, y) is the
/// top-left corner of the box they lie in; mirroring moves the box, not the rectangles in it.
struct RectGroupItem {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
  core::Color fill;
  int element = kArtifact;
  /// Shared, as items are copied from slice to page and never change inside.
  std::shared_ptr<const std::vector<Rect>> rects;
};

using Item = std::variant<GlyphItem, RectItem, LinkItem, LineItem, ImageItem, RectGroupItem>;

/// A rectangle on a page; (x, y) is its top-left corner.
struct Box {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
  bool operator==(const Box&) const = default;
};

/// Where a press sheet is cut (ISO 32000-1 §14.11.2): the finished page is the trim box,
/// and what bleeds off it is printed as far as the bleed box. The page itself (the media)
/// is larger still when it carries printer's marks.
struct PressBoxes {
  Box trim;
  Box bleed;
};


/// A page of the document laid on a sheet with others (an imposed booklet): its content
/// stands from `x` rightwards, up to the next half.
struct PageHalf {
  double x = 0;
  std::size_t page = 0;  // the page's number in reading order, from 0
  bool operator==(const PageHalf&) const = default;
};

/// The half of an imposed sheet that content starting at `x` is in: the last half that starts
/// at or left of it, or the first half for content left of them all (a press page's marks).
/// nullopt for a page that is one page.
std::optional<PageHalf> half_at(const std::vector<PageHalf>& halves, double x);

struct Page {
  double width = 0;
  double height = 0;
  std::vector<Item> items{};
  /// Where the sheet is folded: x of each vertical fold line, for fold marks.
  std::vector<double> folds{};
  /// Set on a page prepared for the press (press::prepare_for_press); screen pages have none.
  std::optional<PressBoxes> press{};
  /// The pages an imposed sheet carries, left to right; empty for a page that is one page.
  std::vector<PageHalf> halves{};
  /// The text frames the page's content was set in (its columns, or a sheet's panels), in
  /// reading order: what measures of how full a page is are taken against.
  std::vector<Box> frames{};
  /// The least share of a column's height the flowed text filled on this page, spaces as set,
  /// over the columns up to the last it reached (0 for a page the flow did not reach): what
  /// the make-up chooses a scale by.
  double flow_fill = 0;
};

/// Everything a back end needs to write a document.
struct Pages {
  std::string title;
  std::string language;
  std::vector<Page> pages;
  /// The name each page shows in a viewer (PDF page labels): its number in the language's
  /// digits, or for an imposed sheet the pages it carries. Empty: viewers count 1, 2, ….
  std::vector<std::string> page_labels;
  /// The logical structure: element 0 is the document; items point into it.
  std::vector<StructureElement> structure;
  /// Lines read from right to left: of two pieces of an element on one line, the right one
  /// comes first.
  bool right_to_left = false;
};

/// The same items as artifacts: a table's header row repeated at the top of a page is a
/// pagination artifact (ISO 32000-1 §14.8.2.2.1), read once, where it first stands.
std::vector<Item> as_artifacts(std::vector<Item> items);

/// Moves every item by (dx, dy).
void translate(std::vector<Item>& items, double dx, double dy);

/// Mirrors the items' boxes left to right within [0, width], as a right-to-left page is a
/// left-to-right one seen in a mirror; the glyphs inside each line box keep their order.
void mirror_horizontally(std::vector<Item>& items, double width);

}  // namespace leafpress::layout
