#include <catch2/catch.hpp>

#include <algorithm>

#include "core/read_file.hpp"
#include "core/units.hpp"
#include "layout/dump.hpp"
#include "images/sample_stream.hpp"
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

namespace {

/// Ghostscript's SWOP-like CMYK output profile (Debian's libgs-common, installed by the set-up).
const press::PressColors& through_profile() {
  static const press::PressColors colors = [] {
    std::string problem;
    auto profile = core::try_read_icc_profile(
        core::try_read_file("/usr/share/color/icc/ghostscript/default_cmyk.icc").value(), problem);
    return press::PressColors(profile, document::RenderingIntent::relative_colorimetric);
  }();
  return colors;
}

bool black_only(const core::Cmyk& ink) { return ink.c == 0 && ink.m == 0 && ink.y == 0; }

}  // namespace

TEST_CASE("through the press profile: CMYK untouched, greys on the black plate, colours in four inks", "[press]") {
  const auto& colors = through_profile();
  CHECK(colors.color(core::Cmyk{0.1, 0.2, 0.3, 0.4}) == core::Cmyk{0.1, 0.2, 0.3, 0.4});
  // Greys: black ink alone, darker for darker greys; white is no ink, black is solid.
  const core::Cmyk white = colors.color(core::Rgb{1, 1, 1});
  const core::Cmyk mid = colors.color(core::Rgb{0.5, 0.5, 0.5});
  const core::Cmyk dark = colors.color(*core::try_parse_hex_color("#5B6770"));
  CHECK(white == core::Cmyk{0, 0, 0, 0});
  CHECK(black_only(mid));
  CHECK(black_only(dark));
  CHECK(mid.k > 0.3);
  CHECK(mid.k < dark.k);
  CHECK(colors.color(core::Rgb{0, 0, 0}) == core::Cmyk{0, 0, 0, 1});
  // The accent #0B6E75: cyan and yellow, some black, little magenta; not the formula's.
  const core::Cmyk accent = colors.color(*core::try_parse_hex_color("#0B6E75"));
  CHECK(accent.c > 0.6);
  CHECK(accent.y > 0.15);
  CHECK(accent.m < accent.y);
  CHECK_FALSE(accent == core::to_press_cmyk(*core::try_parse_hex_color("#0B6E75")));
}

TEST_CASE("black and dark-grey text becomes 100 % K up to 36 pt; lighter grey text keeps its tint", "[press]") {
  const auto& colors = through_profile();
  const core::Color body = *core::try_parse_hex_color("#1F2328");
  const core::Color caption = *core::try_parse_hex_color("#5B6770");
  const core::Color light = *core::try_parse_hex_color("#B0B0B0");
  CHECK(colors.text_color(body, 9.5) == core::Cmyk{0, 0, 0, 1});
  CHECK(colors.text_color(caption, 8) == core::Cmyk{0, 0, 0, 1});
  CHECK(colors.text_color(body, 36) == core::Cmyk{0, 0, 0, 1});
  CHECK(colors.text_color(body, 48) == colors.color(body));
  CHECK(colors.text_color(light, 9) == colors.color(light));
  CHECK(colors.text_color(light, 9).k < press::kSolidBlackTextMinInk);
  // A CMYK text colour is the theme's choice: untouched.
  CHECK(colors.text_color(core::Cmyk{0, 0, 0, 0.7}, 9) == core::Cmyk{0, 0, 0, 0.7});
  // Without a profile, the same rule.
  CHECK(formula().text_color(body, 9.5) == core::Cmyk{0, 0, 0, 1});
}

TEST_CASE("hairlines are never paler than 30 % of their strongest ink; white stays white", "[press]") {
  const auto& colors = through_profile();
  const core::Cmyk pale = colors.hairline_color(*core::try_parse_hex_color("#E3F1F1"));
  CHECK(std::max({pale.c, pale.m, pale.y, pale.k}) == Approx(0.3).margin(0.001));
  CHECK(colors.hairline_color(core::Rgb{1, 1, 1}) == core::Cmyk{0, 0, 0, 0});
  CHECK(colors.hairline_color(core::Cmyk{0.5, 0, 0, 0}) == core::Cmyk{0.5, 0, 0, 0});
  layout::LineItem rule{0, 10, 50, 10, 0.1, core::Rgb{0.95, 0.95, 0.95}};
  const auto pages = press::prepare_for_press(one_page(100, 100, {rule}), {}, colors);
  const auto line = lines_of(pages.pages.front()).front();
  CHECK(line.width == press::kMinHairlineWidth);
  CHECK(line.color == core::Color{core::Cmyk{0, 0, 0, 0.3}});
}

namespace {

/// A two-pixel RGB picture: white, then red.
document::Image white_and_red_pixels() {
  document::Image picture;
  picture.file = "x.png";
  picture.width = 2;
  picture.height = 1;
  picture.components = 3;
  picture.data = std::string("\xFF\xFF\xFF\xFF\x00\x00", 6);
  return picture;
}

}  // namespace

TEST_CASE("pictures become CMYK pixels through the profile; links are dropped", "[press]") {
  const document::Image picture = white_and_red_pixels();
  const auto converted = through_profile().image(picture);
  REQUIRE(converted);
  CHECK(converted->components == 4);
  REQUIRE(converted->data.size() == 8);
  const auto ink = [&](int i) { return static_cast<unsigned char>(converted->data[static_cast<std::size_t>(i)]); };
  CHECK((ink(0) == 0 && ink(1) == 0 && ink(2) == 0 && ink(3) == 0));
  CHECK(ink(5) > 200);  // red: magenta
  CHECK(ink(6) > 200);  // and yellow
  CHECK(ink(4) < 40);

  layout::ImageItem shown{0, 0, 10, 5, std::make_shared<const document::Image>(picture)};
  layout::LinkItem link{0, 0, 10, 10, "https://example.org"};
  const auto pages = press::prepare_for_press(one_page(100, 100, {shown, link}), {}, through_profile());
  std::size_t links = 0;
  for (const auto& item : pages.pages.front().items) {
    links += std::holds_alternative<layout::LinkItem>(item) ? 1 : 0;
    if (const auto* image = std::get_if<layout::ImageItem>(&item)) CHECK(image->image->components == 4);
  }
  CHECK(links == 0);
}

TEST_CASE("a leaflet's press pictures are converted and compressed once for all its documents", "[press]") {
  const document::Image picture = white_and_red_pixels();
  const auto shared = std::make_shared<const document::Image>(picture);
  press::PressPictures pictures;
  const layout::ImageItem shown{0, 0, 10, 5, shared};
  // Two documents (two languages, say) showing the same picture get the very same object.
  const auto first = press::prepare_for_press(one_page(100, 100, {shown}), {}, through_profile(), pictures);
  const auto second = press::prepare_for_press(one_page(100, 100, {shown}), {}, through_profile(), pictures);
  auto image_of = [](const layout::Pages& pages) {
    for (const auto& item : pages.pages.front().items) {
      if (const auto* image = std::get_if<layout::ImageItem>(&item)) return image->image;
    }
    return std::shared_ptr<const document::Image>();
  };
  REQUIRE(image_of(first));
  CHECK(image_of(first) == image_of(second));
  CHECK(image_of(first)->components == 4);
  CHECK(image_of(first)->encoding == document::Image::Encoding::flate);
  // Its samples are the conversion's, compressed losslessly.
  CHECK(images::try_pixels(*image_of(first)) == through_profile().image(picture)->data);
}

TEST_CASE("a booklet's single pages may leave the spine without bleed, alternating sides", "[press]") {
  press::Settings settings;
  settings.spine = press::Spine::left_of_first_page;
  const double m = press::media_margin(settings);
  layout::Pages pages;
  for (int i = 0; i < 2; ++i) {
    pages.pages.push_back(layout::Page{100, 200, {layout::RectItem{0, 0, 100, 10, core::Rgb{0, 0, 0}, layout::kArtifact, true}}, {}});
  }
  const auto pressed = press::prepare_for_press(pages, settings, formula());
  // Page 1, a right-hand page: bound on its left, bleeding top, right and bottom.
  const auto& first = pressed.pages[0];
  CHECK(first.press->bleed.x == Approx(m));
  CHECK(first.press->bleed.width == Approx(100 + kBleed));
  CHECK(std::get<layout::RectItem>(first.items[0]).x == Approx(m));
  CHECK(std::get<layout::RectItem>(first.items[0]).width == Approx(100 + kBleed));
  // Page 2, a left-hand page: bound on its right.
  const auto& second = pressed.pages[1];
  CHECK(second.press->bleed.x == Approx(m - kBleed));
  CHECK(second.press->bleed.width == Approx(100 + kBleed));
  CHECK(std::get<layout::RectItem>(second.items[0]).x == Approx(m - kBleed));
  CHECK(std::get<layout::RectItem>(second.items[0]).width == Approx(100 + kBleed));
  // Top and bottom bleed on both.
  CHECK(first.press->bleed.height == Approx(200 + 2 * kBleed));
}
