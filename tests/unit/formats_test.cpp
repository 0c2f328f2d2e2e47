#include <catch2/catch.hpp>

#include "core/units.hpp"
#include "layout/impose.hpp"
#include "layout/trifold_panels.hpp"
#include "load/load_leaflet.hpp"
#include "support/scratch_dir.hpp"

using namespace leafpress;

TEST_CASE("saddle stitching puts the outer pages on the outer sheet, side after side", "[layout][formats]") {
  using Sides = std::vector<std::pair<std::size_t, std::size_t>>;
  // 0-based: sheet 1 front 8|1, back 2|7; sheet 2 front 6|3, back 4|5.
  CHECK(layout::saddle_stitch_order(8) == Sides{{7, 0}, {1, 6}, {5, 2}, {3, 4}});
  CHECK(layout::saddle_stitch_order(12) == Sides{{11, 0}, {1, 10}, {9, 2}, {3, 8}, {7, 4}, {5, 6}});
  CHECK(layout::saddle_stitch_order(4) == Sides{{3, 0}, {1, 2}});
}

TEST_CASE("imposition pads to a multiple of four and halves swap for right-to-left booklets", "[layout][formats]") {
  std::vector<layout::Page> pages;
  for (int i = 0; i < 5; ++i) {
    layout::Page page{100, 200, {}, {}};
    page.items.push_back(layout::RectItem{10, 10, 5, 5, {}, i});  // the page's number, as its element
    pages.push_back(page);
  }
  auto element_at = [](const layout::Page& sheet, double x) {
    for (const auto& item : sheet.items) {
      const auto& rect = std::get<layout::RectItem>(item);
      if (rect.x == x) return rect.element;
    }
    return -1;
  };
  const auto sheets = layout::impose_booklet(pages, false);
  REQUIRE(sheets.size() == 4);  // 8 pages: 5 and 3 blank
  CHECK(sheets[0].width == 200);
  CHECK(sheets[0].folds == std::vector<double>{100});
  CHECK(element_at(sheets[0], 10) == -1);  // page 8, blank
  CHECK(element_at(sheets[0], 110) == 0);  // page 1
  CHECK(element_at(sheets[1], 10) == 1);
  CHECK(element_at(sheets[3], 110) == 4);  // page 5 on the right of the last side
  const auto rtl = layout::impose_booklet(pages, true);
  CHECK(element_at(rtl[0], 10) == 0);  // bound on the right: page 1 on the left
  // Creep: the second sheet's pages (sides 3 and 4) move 0.3 pt towards the fold; the
  // outer sheet's stay.
  const auto crept = layout::impose_booklet(pages, false, 0.3);
  CHECK(element_at(crept[0], 110) == 0);
  CHECK(element_at(crept[1], 10) == 1);
  CHECK(element_at(crept[3], 110 - 0.3) == 4);
  CHECK(element_at(crept[3], 10 + 0.3) == 3);  // page 4, on the left of the second sheet's back
}

TEST_CASE("tri-fold panels fill the sheet, the fold-in panel narrower by the fold-in", "[layout][formats]") {
  const double width = core::kA4Height;
  const auto p = layout::trifold_panels(width, core::mm(3));
  CHECK(p.fold_in.x == 0);
  CHECK(p.fold_in.width + p.back.width + p.cover.width == Approx(width));
  CHECK(p.cover.x + p.cover.width == Approx(width));
  CHECK(p.back.width - p.fold_in.width == Approx(core::mm(3)));
  CHECK(p.inside_left.width + p.inside_middle.width + p.inside_right.width == Approx(width));
  // Printed back to back, each inside panel lies behind its outside one.
  CHECK(p.inside_left.x == Approx(width - (p.cover.x + p.cover.width)).margin(1e-9));
  CHECK(p.inside_right.width == Approx(p.fold_in.width));
  CHECK(p.inside_middle.x == Approx(width - (p.back.x + p.back.width)));
}

namespace {

std::vector<std::string> load_messages(const std::string& leaflet_yaml) {
  const testing::ScratchDir dir;
  dir.write("x/leaflet.yaml", leaflet_yaml);
  dir.write("x/en.yaml", "t: Title\np: Text.\n");
  core::Diagnostics diags;
  load::load_leaflet(dir.path() / "x", diags);
  std::vector<std::string> out;
  for (const auto& d : diags.items()) {
    std::string line = core::format(d);
    line.erase(0, line.find("leaflet.yaml"));
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("formats in leaflet.yaml: a name or a list, checked where they are written", "[load][formats]") {
  const std::string head = "default_language: en\ntitle: t\n";
  const std::string content = "content:\n  - paragraph: p\n";
  CHECK(load_messages(head + "format: [brochure, trifold]\n" + content).empty());
  CHECK(load_messages(head + "format: trifld\n" + content) ==
        std::vector<std::string>{"leaflet.yaml:3:9: error: unknown format 'trifld'\n  hint: did you mean 'trifold'?"});
  CHECK(load_messages(head + "format: [booklet, booklet]\n" + content) ==
        std::vector<std::string>{"leaflet.yaml:3:19: error: format 'booklet' is listed twice"});
  CHECK(load_messages(head + "content:\n  - paragraph: p\n    formats: [banner]\n") ==
        std::vector<std::string>{"leaflet.yaml:5:15: error: unknown format 'banner'\n"
                                 "  hint: the formats are: brochure, trifold, booklet, poster, flyer"});
  CHECK(load_messages(head + "trifold:\n  fold_in: 9mm\n" + content) ==
        std::vector<std::string>{"leaflet.yaml:4:12: error: the fold-in panel must be 1 to 6 mm narrower than the "
                                 "others\n  hint: print shops use 2 to 3 mm; the default is 3mm"});
  CHECK(load_messages(head + "booklet:\n  margins:\n    inside: 70mm\n    outside: 70mm\n" + content).size() == 1);
}
