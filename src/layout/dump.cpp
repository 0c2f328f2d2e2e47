#include "layout/dump.hpp"

#include <cmath>
#include <algorithm>
#include <cstdio>
#include <utility>

namespace leafpress::layout {
namespace {

std::string number(double value) {
  char buffer[32];
  const double rounded = std::round(value * 10.0) / 10.0;
  std::snprintf(buffer, sizeof buffer, "%.1f", rounded == 0.0 ? 0.0 : rounded);
  return buffer;
}

/// The run's glyphs as the glyph contract has them (text/glyph_run.hpp), in the order they
/// stand: "id@x[,y] begin-end" each, y only when the glyph is off the baseline.
std::string glyph_line(const text::GlyphRun& run) {
  std::string out = "  glyphs";
  for (const text::PlacedGlyph& glyph : run.glyphs) {
    out += ' ' + std::to_string(glyph.id) + '@' + number(glyph.x);
    if (const double y = run.y_of(glyph); y != 0) out += ',' + number(y);
    out += ' ' + std::to_string(glyph.begin) + '-' + std::to_string(glyph.end);
  }
  return out + "\n";
}

}  // namespace

std::string dump(const Pages& pages) {
  std::string out = "document \"" + pages.title + "\" " + pages.language + "\n";
  for (std::size_t i = 0; i < pages.pages.size(); ++i) {
    const Page& page = pages.pages[i];
    out += "page " + std::to_string(i + 1) + " " + number(page.width) + "x" + number(page.height) + "\n";
    if (page.press) {
      for (const auto& [name, box] : {std::pair{"trim", page.press->trim}, std::pair{"bleed", page.press->bleed}}) {
        out += std::string(name) + " " + number(box.x) + " " + number(box.y) + " " + number(box.width) + " " +
               number(box.height) + "\n";
      }
    }
    for (const Item& item : page.items) {
      if (const auto* glyphs = std::get_if<GlyphItem>(&item)) {
        const text::GlyphRun& run = glyphs->run;
        out += "text " + number(glyphs->x + run.x) + " " + number(glyphs->baseline) + " " +
               run.face->postscript_name() + " " + number(run.size) + " " + core::to_string(run.color) + " \"" +
               text::run_text(run) + "\"\n" + glyph_line(run);
      } else if (const auto* rect = std::get_if<RectItem>(&item)) {
        out += "rect " + number(rect->x) + " " + number(rect->y) + " " + number(rect->width) + " " +
               number(rect->height) + " " + core::to_string(rect->fill) + (rect->bleed ? " bleed" : "") + "\n";
      } else if (const auto* link = std::get_if<LinkItem>(&item)) {
        out += "link " + number(link->x) + " " + number(link->y) + " " + number(link->width) + " " +
               number(link->height) + " " + link->url + "\n";
      } else if (const auto* line = std::get_if<LineItem>(&item)) {
        out += "line " + number(line->x1) + " " + number(line->y1) + " " + number(line->x2) + " " + number(line->y2) +
               " " + number(line->width) + " " + core::to_string(line->color) + (line->dashed ? " dashed" : "") + "\n";
      } else if (const auto* image = std::get_if<ImageItem>(&item)) {
        out += "image " + number(image->x) + " " + number(image->y) + " " + number(image->width) + " " +
               number(image->height) + " " + image->image->file + " " + std::to_string(image->image->width) + "x" +
               std::to_string(image->image->height) + "\n";
      } else if (const auto* group = std::get_if<RectGroupItem>(&item)) {
        out += "rects " + number(group->x) + " " + number(group->y) + " " + number(group->width) + " " +
               number(group->height) + " " + core::to_string(group->fill) + " " + std::to_string(group->rects->size()) + "\n";
      }
    }
  }
  return out;
}

}  // namespace leafpress::layout
