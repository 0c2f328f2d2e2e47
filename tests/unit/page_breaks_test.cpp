// The page builder's choices (layout/page_breaks): what a total-fit search over the whole flow
// does that first-fit did not.
#include <catch2/catch.hpp>

#include <memory>
#include <vector>

#include "layout/flow.hpp"
#include "layout/page_breaks.hpp"

namespace {

using leafpress::layout::BreakKind;
using leafpress::layout::choose_page_breaks;
using leafpress::layout::ColumnSet;
using leafpress::layout::ColumnSlot;
using leafpress::layout::PageBreakParameters;
using leafpress::layout::PageCount;
using leafpress::layout::Slice;

/// `count` lines of a paragraph, 10 pt each, the first `gap` below what precedes it.
std::vector<Slice> paragraph(std::size_t count, double gap = 6) {
  std::vector<Slice> lines;
  for (std::size_t i = 0; i < count; ++i) {
    lines.push_back(Slice{.height = 10,
                          .space_before = i == 0 ? gap : 0,
                          .keep_with_next = count > 1 && (i == 0 || i + 2 == count),
                          .break_before = i == 0 ? BreakKind::between_blocks : BreakKind::inside_paragraph});
  }
  return lines;
}

void append(std::vector<Slice>& to, const std::vector<Slice>& more) { to.insert(to.end(), more.begin(), more.end()); }

std::vector<ColumnSlot> pages_of(double height, std::size_t count) {
  std::vector<ColumnSlot> slots;
  for (std::size_t i = 0; i < count; ++i) slots.push_back({height, i});
  return slots;
}

/// The slices each column holds.
std::vector<std::size_t> sizes(const std::vector<ColumnSet>& columns) {
  std::vector<std::size_t> out;
  for (const ColumnSet& column : columns) out.push_back(column.last - column.first);
  return out;
}

}  // namespace

TEST_CASE("page breaks: what fits one page stays on it, its spaces at their size", "[layout][page-breaks]") {
  std::vector<Slice> slices = paragraph(5);
  append(slices, paragraph(4));
  const auto breaks = choose_page_breaks(slices, pages_of(200, 3), {}, {});
  REQUIRE(!breaks.stopped_at);
  REQUIRE(breaks.columns.size() == 1);
  CHECK(breaks.columns[0].glue == 0);  // the last page is not stretched
}

TEST_CASE("page breaks: a booklet's text spreads over the pages before its back cover, not a blank page",
          "[layout][page-breaks]") {
  // Five paragraphs of 10 lines (106 pt with their gap) on pages of 230 pt: first-fit fills
  // two pages and leaves the third less than half full; with a back cover after them, the
  // builder spreads the 50 lines over the three pages.
  std::vector<Slice> slices;
  for (int p = 0; p < 5; ++p) append(slices, paragraph(10));
  const PageCount booklet{.multiple = 4, .after = 1, .fill_last = true};
  const auto breaks = choose_page_breaks(slices, pages_of(230, 10), {}, booklet);
  REQUIRE(!breaks.stopped_at);
  REQUIRE(breaks.columns.size() == 3);  // 3 pages + the back cover: one sheet, no blank page
  for (std::size_t count : sizes(breaks.columns)) CHECK(count >= 14);  // every page 60 % full or more
}

TEST_CASE("page breaks: a column is not left short to fill the next one (total fit, not first fit)",
          "[layout][page-breaks]") {
  // A 3-line paragraph, then a 6-line one, on columns of 85 pt (8 lines and a gap): first-fit
  // sets 3 + 5 lines then breaks inside the second paragraph's last two (a widow), or carries
  // them; total fit weighs that against keeping whole paragraphs together.
  std::vector<Slice> slices = paragraph(3);
  append(slices, paragraph(6));
  append(slices, paragraph(6));
  const auto breaks = choose_page_breaks(slices, pages_of(85, 4), {}, {});
  REQUIRE(!breaks.stopped_at);
  for (const ColumnSet& column : breaks.columns) {
    // Never a break where a slice keeps with the next (orphans and widows).
    if (column.last < slices.size()) CHECK(!slices[column.last - 1].keep_with_next);
  }
  // The spaces of a column but the last stretch to fill it.
  CHECK(breaks.columns.front().glue > 0);
}

TEST_CASE("page breaks: a break before a heading is preferred, inside a callout avoided", "[layout][page-breaks]") {
  std::vector<Slice> slices = paragraph(7);
  Slice heading{.height = 14, .space_before = 12, .keep_with_next = true, .break_before = BreakKind::before_heading};
  slices.push_back(heading);
  append(slices, paragraph(4));
  // Column of 100 pt: the first paragraph (70), the heading (26) would fit, but with only
  // the heading and no line under it the keep forbids it: the break goes before the heading.
  const auto breaks = choose_page_breaks(slices, pages_of(100, 3), {}, {});
  REQUIRE(breaks.columns.size() == 2);
  CHECK(breaks.columns[0].last == 7);
}

TEST_CASE("page breaks: a forced column break, a slice taller than any column, and running out of pages",
          "[layout][page-breaks]") {
  std::vector<Slice> slices = paragraph(2);
  std::vector<Slice> rest = paragraph(2);
  rest.front().column_break_before = true;
  append(slices, rest);
  slices.push_back(Slice{.height = 500, .space_before = 10});
  append(slices, paragraph(3));
  const auto breaks = choose_page_breaks(slices, pages_of(100, 4), {}, {});
  REQUIRE(!breaks.stopped_at);
  CHECK(sizes(breaks.columns) == std::vector<std::size_t>{2, 2, 1, 3});  // the tall slice stands alone
  // Two pages cannot hold it all: the first slice left out is reported.
  const auto short_of = choose_page_breaks(slices, pages_of(100, 2), {}, {});
  REQUIRE(short_of.stopped_at);
  CHECK(*short_of.stopped_at == 4);
}

TEST_CASE("page breaks: the same slices give the same breaks, and a long flow stays fast", "[layout][page-breaks]") {
  std::vector<Slice> slices;
  for (int p = 0; p < 2000; ++p) append(slices, paragraph(3 + p % 7));
  const auto slots = pages_of(600, 500);
  const auto first = choose_page_breaks(slices, slots, {}, {});
  const auto second = choose_page_breaks(slices, slots, {}, {});
  REQUIRE(!first.stopped_at);
  REQUIRE(first.columns.size() == second.columns.size());
  for (std::size_t i = 0; i < first.columns.size(); ++i) {
    CHECK(first.columns[i].last == second.columns[i].last);
    CHECK(first.columns[i].glue == second.columns[i].glue);
  }
}

TEST_CASE("flow: a picture that would open a page left partly empty lets the text after it fill that page",
          "[layout][page-breaks]") {
  std::vector<Slice> slices = paragraph(4);                          // 46 pt
  slices.push_back(Slice{.height = 80,
                         .space_before = 10,
                         .items = {leafpress::layout::RectItem{.x = 0, .y = 0, .width = 10, .height = 80, .fill = {}}},
                         .floats = true});  // does not fit under it
  append(slices, paragraph(4));                                      // fits in the room left
  leafpress::core::Diagnostics diags;
  const auto columns = [](std::size_t) { return std::vector<leafpress::layout::Column>{{0, 0, 100, 100}}; };
  const auto flowed = leafpress::layout::flow(slices, columns, 3, diags);
  REQUIRE(!flowed.stopped_at);
  REQUIRE(flowed.pages.size() == 2);
  CHECK(flowed.fill[0] > 0.9);  // both paragraphs on page 1
  REQUIRE(flowed.pages[1].size() == 1);  // the picture opens page 2
  CHECK(std::get<leafpress::layout::RectItem>(flowed.pages[1].front()).y == 0);
}

TEST_CASE("flow: a box broken at a column's foot closes there with its bottom padding, counted in the column",
          "[layout][page-breaks]") {
  using leafpress::layout::RectItem;
  // Eight 10 pt strips of a box whose bottom padding is 5 pt, in columns of 50 pt: five
  // strips fill a column exactly, so with the padding the first column holds four.
  const auto closing = std::make_shared<Slice>(
      Slice{.height = 5, .items = {RectItem{.x = 0, .y = 0, .width = 100, .height = 5, .fill = {}}}});
  std::vector<Slice> slices;
  for (int k = 0; k < 8; ++k) {
    slices.push_back(Slice{.height = 10,
                           .items = {RectItem{.x = 0, .y = 0, .width = 100, .height = 10, .fill = {}}},
                           .closing = k == 7 ? nullptr : closing,
                           .break_before = k == 0 ? BreakKind::between_blocks : BreakKind::inside_box});
  }
  const auto breaks = choose_page_breaks(slices, pages_of(50, 3), {}, {});
  REQUIRE(!breaks.stopped_at);
  REQUIRE(breaks.columns.size() == 2);
  CHECK(breaks.columns[0].last - breaks.columns[0].first == 4);
  leafpress::core::Diagnostics diags;
  const auto columns = [](std::size_t) { return std::vector<leafpress::layout::Column>{{0, 0, 100, 50}}; };
  const auto flowed = leafpress::layout::flow(slices, columns, 3, diags);
  REQUIRE(flowed.pages.size() == 2);
  REQUIRE(flowed.pages[0].size() == 5);  // four strips and the padding under the last
  CHECK(std::get<RectItem>(flowed.pages[0].back()).y == 40);
  CHECK(std::get<RectItem>(flowed.pages[0].back()).height == 5);
  CHECK(flowed.pages[1].size() == 4);  // the box ends on page 2 with its own padding: none added
}

TEST_CASE("flow: pages that repeat two by two are asked for once, and pour as when each is asked for",
          "[layout][page-breaks]") {
  using leafpress::layout::Column;
  using leafpress::layout::RectItem;
  // Lines of 10 pt, each a rectangle to find where it went; a first page shortened by a title,
  // then left and right pages of two columns whose frame moves with the page's side.
  const auto lines = [](std::size_t count) {
    std::vector<Slice> slices;
    for (std::size_t p = 0; p * 5 < count; ++p) append(slices, paragraph(std::min<std::size_t>(5, count - p * 5)));
    for (Slice& slice : slices) slice.items = {RectItem{.x = 0, .y = 0, .width = 40, .height = 10, .fill = {}}};
    return slices;
  };
  std::size_t asked = 0;
  const auto columns = [&asked](std::size_t index) {
    ++asked;
    const double left = index % 2 == 0 ? 20 : 10;
    const double top = index == 0 ? 60 : 0;
    return std::vector<Column>{{left, top, 40, 200 - top}, {left + 50, top, 40, 200 - top}};
  };
  for (const std::size_t count : {std::size_t{300}, std::size_t{2000}}) {  // fits in 40 pages, then not
    leafpress::core::Diagnostics diags;
    asked = 0;
    const auto each = leafpress::layout::flow(lines(count), columns, 40, diags);
    CHECK(asked == 40);
    asked = 0;
    const auto repeating = leafpress::layout::flow(lines(count), columns, 40, diags, {}, {}, 1);
    CHECK(asked == 3);
    CHECK(repeating.stopped_at == each.stopped_at);
    CHECK(repeating.fill == each.fill);
    REQUIRE(repeating.pages.size() == each.pages.size());
    for (std::size_t page = 0; page < each.pages.size(); ++page) {
      REQUIRE(repeating.pages[page].size() == each.pages[page].size());
      for (std::size_t k = 0; k < each.pages[page].size(); ++k) {
        const auto& a = std::get<RectItem>(each.pages[page][k]);
        const auto& b = std::get<RectItem>(repeating.pages[page][k]);
        CHECK(a.x == b.x);
        CHECK(a.y == b.y);
      }
    }
  }
}
