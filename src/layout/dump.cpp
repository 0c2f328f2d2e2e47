#include "layout/dump.hpp"

#include <cmath>
#include <algorithm>
#include <cstdio>

namespace leafpress::layout {
namespace {

std::string number(double value) {
  char buffer[32];
  const double rounded = std::round(value * 10.0) / 10.0;
  std::snprintf(buffer, sizeof buffer, "%.1f", rounded == 0.0 ? 0.0 : rounded);
  return buffer;
}

std::string hex_color(const core::Rgb& color) {
  char buffer[8];
  auto channel = [](double v) { return static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  std::snprintf(buffer, sizeof buffer, "#%02X%02X%02X", channel(color.r), channel(color.g), channel(color.b));
  return buffer;
}

std::string run_text(const text::GlyphRun& run) {
  std::string text;
  for (const text::PlacedGlyph& glyph : run.glyphs) text += glyph.text;
  return text;
}

}  // namespace

std::string dump(const Pages& pages) {
  std::string out = "document \"" + pages.title + "\" " + pages.language + "\n";
  for (std::size_t i = 0; i < pages.pages.size(); ++i) {
    const Page& page = pages.pages[i];
    out += "page " + std::to_string(i + 1) + " " + number(page.width) + "x" + number(page.height) + "\n";
    for (const Item& item : page.items) {
      if (const auto* glyphs = std::get_if<GlyphItem>(&item)) {
        const text::GlyphRun& run = glyphs->run;
        out += "text " + number(glyphs->x + run.x) + " " + number(glyphs->baseline) + " " +
               run.face->postscript_name() + " " + number(run.size) + " " + hex_color(run.color) + " \"" +
               run_text(run) + "\"\n";
      } else if (const auto* rect = std::get_if<RectItem>(&item)) {
        out += "rect " + number(rect->x) + " " + number(rect->y) + " " + number(rect->width) + " " +
               number(rect->height) + " " + hex_color(rect->fill) + "\n";
      } else if (const auto* link = std::get_if<LinkItem>(&item)) {
        out += "link " + number(link->x) + " " + number(link->y) + " " + number(link->width) + " " +
               number(link->height) + " " + link->url + "\n";
      } else if (const auto* image = std::get_if<ImageItem>(&item)) {
        out += "image " + number(image->x) + " " + number(image->y) + " " + number(image->width) + " " +
               number(image->height) + " " + image->image->file + " " + std::to_string(image->image->width) + "x" +
               std::to_string(image->image->height) + "\n";
      } else if (const auto* group = std::get_if<RectGroupItem>(&item)) {
        out += "rects " + number(group->x) + " " + number(group->y) + " " + number(group->width) + " " +
               number(group->height) + " " + hex_color(group->fill) + " " + std::to_string(group->rects->size()) + "\n";
      }
    }
  }
  return out;
}

}  // namespace leafpress::layout
