#include <catch2/catch.hpp>

#include <algorithm>

#include "core/units.hpp"
#include "layout/dump.hpp"
#include "press/prepare_for_press.hpp"

using namespace leafpress;

namespace {

constexpr double kBleed = 72.0 / 25.4 * 3;  // 3 mm = 8.503937 pt

/// Colours by the formula, as a press file without a profile has them.
const press::PressColors& formula() {
  static const press::PressColors colors(std::nullopt, document::RenderingIntent::relative_colorimetric);
  return colors;
}

layout::Pages one_page(double width, double height, std::vector<layout::Item> items, std::vector<double> folds = {}) {
  layout::Pages pages;
  pages.title = "t";
  pages.language = "en";
  pages.pages.push_back(layout::Page{width, height, std::move(items), std::move(folds)});
  return pages;
}

std::vector<layout::LineItem> lines_of(const layout::Page& page) {
  std::vector<layout::LineItem> lines;
  for (const auto& item : page.items) {
    if (const auto* line = std::get_if<layout::LineItem>(&item)) lines.push_back(*line);
  }
  return lines;
}

}  // namespace

TEST_CASE("a press page: trim is the laid-out page, bleed 3 mm around it, marks outside the bleed", "[press]") {
  const press::Settings settings;  // 3 mm bleed, crop marks
  const double margin = press::media_margin(settings);
  CHECK(margin == Approx(core::mm(3 + 5 + 2)));
  const auto pages = press::prepare_for_press(one_page(core::kA4Width, core::kA4Height, {}), settings, formula());
  const layout::Page& page = pages.pages.front();
  REQUIRE(page.press);
  CHECK(page.press->trim == layout::Box{margin, margin, core::kA4Width, core::kA4Height});
  CHECK(page.press->bleed.x == Approx(margin - kBleed));
  CHECK(page.press->bleed.y == Approx(margin - kBleed));
  CHECK(page.press->bleed.width == Approx(core::kA4Width + 2 * kBleed));
  CHECK(page.press->bleed.height == Approx(core::kA4Height + 2 * kBleed));
  CHECK(page.width == Approx(core::kA4Width + 2 * margin));
  CHECK(page.height == Approx(core::kA4Height + 2 * margin));

  // Eight crop marks, two per corner, none of them reaching into the bleed box.
  const auto lines = lines_of(page);
  REQUIRE(lines.size() == 8);
  const layout::Box& bleed = page.press->bleed;
  for (const auto& line : lines) {
    CHECK(line.element == layout::kPrinterMark);
    CHECK(line.color == core::Color{core::Cmyk{1, 1, 1, 1}});
    CHECK(line.width == 0.25);
    CHECK_FALSE(line.dashed);
    const bool horizontal = line.y1 == line.y2;
    CHECK(std::abs(horizontal ? line.x2 - line.x1 : line.y2 - line.y1) == Approx(core::mm(5)));
    const double lo_x = std::min(line.x1, line.x2), hi_x = std::max(line.x1, line.x2);
    const double lo_y = std::min(line.y1, line.y2), hi_y = std::max(line.y1, line.y2);
    const bool outside_bleed = hi_x <= bleed.x + 1e-9 || lo_x >= bleed.x + bleed.width - 1e-9 ||
                               hi_y <= bleed.y + 1e-9 || lo_y >= bleed.y + bleed.height - 1e-9;
    CHECK(outside_bleed);
    CHECK(lo_x >= 0);
    CHECK(lo_y >= 0);
    CHECK(hi_x <= page.width);
    CHECK(hi_y <= page.height);
  }
  // The top-left corner's horizontal mark lies on the trim's top edge, 3 mm to 8 mm left of it.
  CHECK(std::any_of(lines.begin(), lines.end(), [&](const layout::LineItem& l) {
    return l.y1 == margin && l.y2 == margin && l.x1 == Approx(margin - core::mm(8)) && l.x2 == Approx(margin - core::mm(3));
  }));
}

TEST_CASE("fills flagged to bleed run past the trim edges they touch, and only those", "[press]") {
  const double w = 400, h = 300;
  std::vector<layout::Item> items{
      layout::RectItem{0, 0, w, 20, core::Rgb{0, 0.5, 0.5}, layout::kArtifact, true},    // top band, full width
      layout::RectItem{200, 0, 200, 10, core::Rgb{0, 0.5, 0.5}, layout::kArtifact, true}, // top right only
      layout::RectItem{0, 0, w, 20, core::Rgb{0, 0.5, 0.5}},                              // touches, not flagged
      layout::RectItem{50, 50, 10, 10, core::Rgb{0, 0.5, 0.5}, layout::kArtifact, true},  // touches nothing
  };
  const press::Settings settings{kBleed, false};
  const auto pages = press::prepare_for_press(one_page(w, h, items), settings, formula());
  const layout::Page& page = pages.pages.front();
  const double m = press::media_margin(settings);
  CHECK(m == kBleed);  // without crop marks the sheet is the bleed box
  CHECK(page.width == Approx(w + 2 * kBleed));
  CHECK(page.press->bleed == layout::Box{0, 0, w + 2 * kBleed, h + 2 * kBleed});
  CHECK(lines_of(page).empty());

  const auto rect = [&](std::size_t i) { return std::get<layout::RectItem>(page.items[i]); };
  CHECK(rect(0).x == Approx(0));
  CHECK(rect(0).y == Approx(0));
  CHECK(rect(0).width == Approx(w + 2 * kBleed));
  CHECK(rect(0).height == Approx(20 + kBleed));
  CHECK(rect(1).x == Approx(200 + m));
  CHECK(rect(1).y == Approx(0));
  CHECK(rect(1).width == Approx(200 + kBleed));
  CHECK(rect(1).height == Approx(10 + kBleed));
  CHECK(rect(2).x == Approx(m));
  CHECK(rect(2).width == Approx(w));
  CHECK(rect(3).x == Approx(50 + m));
  CHECK(rect(3).width == Approx(10));
}

TEST_CASE("every colour of a press page is CMYK; greys on the black plate", "[press]") {
  layout::GlyphItem text;
  text.run.color = core::Rgb{0, 0, 0};
  std::vector<layout::Item> items{text, layout::RectItem{10, 10, 10, 10, core::Rgb{1, 0, 0}},
                                  layout::RectItem{10, 30, 10, 10, core::Cmyk{0.1, 0.2, 0.3, 0.4}}};
  const auto pages = press::prepare_for_press(one_page(100, 100, items), {}, formula());
  const auto& page = pages.pages.front();
  CHECK(std::get<layout::GlyphItem>(page.items[0]).run.color == core::Color{core::Cmyk{0, 0, 0, 1}});
  CHECK(std::get<layout::RectItem>(page.items[1]).fill == core::Color{core::Cmyk{0, 1, 1, 0}});
  CHECK(std::get<layout::RectItem>(page.items[2]).fill == core::Color{core::Cmyk{0.1, 0.2, 0.3, 0.4}});
}

TEST_CASE("a landscape sheet with folds gets dashed fold marks above and below each fold", "[press]") {
  const press::Settings settings;
  const double m = press::media_margin(settings);
  const auto pages = press::prepare_for_press(one_page(core::kA4Height, core::kA4Width, {}, {280, 560}), settings, formula());
  const layout::Page& page = pages.pages.front();
  CHECK(page.press->trim == layout::Box{m, m, core::kA4Height, core::kA4Width});
  CHECK(page.folds == std::vector<double>{280 + m, 560 + m});
  std::vector<layout::LineItem> folds;
  for (const auto& line : lines_of(page)) {
    if (line.dashed) folds.push_back(line);
  }
  REQUIRE(folds.size() == 4);
  for (const auto& line : folds) {
    CHECK(line.x1 == line.x2);
    CHECK((line.x1 == Approx(280 + m) || line.x1 == Approx(560 + m)));
    const bool above = line.y2 <= m - core::mm(3) + 1e-9;
    const bool below = line.y1 >= m + core::kA4Width + core::mm(3) - 1e-9;
    CHECK((above || below));
  }
}

TEST_CASE("a bleed wider than the mark offset pushes the marks out with it", "[press]") {
  const press::Settings settings{core::mm(5), true};
  CHECK(press::mark_offset(settings) == Approx(core::mm(5)));
  CHECK(press::media_margin(settings) == Approx(core::mm(12)));
  CHECK(press::mark_offset({core::mm(1), true}) == Approx(core::mm(3)));
}

TEST_CASE("the dump shows press boxes, bleeding fills and marks", "[press]") {
  const auto pages = press::prepare_for_press(
      one_page(100, 50, {layout::RectItem{0, 0, 100, 5, core::Rgb{0, 0, 0}, layout::kArtifact, true}}), {}, formula());
  const std::string dump = layout::dump(pages);
  CHECK(dump.find("page 1 156.7x106.7\ntrim 28.3 28.3 100.0 50.0\nbleed 19.8 19.8 117.0 67.0\n") != std::string::npos);
  CHECK(dump.find("rect 19.8 19.8 117.0 13.5 cmyk(0%, 0%, 0%, 100%) bleed\n") != std::string::npos);
  CHECK(dump.find("line 5.7 28.3 19.8 28.3 0.3 cmyk(100%, 100%, 100%, 100%)\n") != std::string::npos);
}
