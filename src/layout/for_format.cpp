#include "layout/for_format.hpp"

#include <algorithm>

#include "core/units.hpp"

namespace leafpress::layout {
namespace {

double text_scale(const document::LocalizedDocument& doc, document::Format format) {
  switch (format) {
    case document::Format::brochure: return 1;
    case document::Format::trifold: return doc.trifold.text_scale;
    case document::Format::booklet: return doc.booklet.text_scale;
    // Type grows with the poster: A2's is √2 times A3's, read from √2 times further.
    case document::Format::poster: return doc.poster.text_scale * doc.poster.size.width / core::mm(297);
    case document::Format::flyer: return doc.flyer.text_scale;
  }
  return 1;
}

}  // namespace

void scale_type(document::Theme& theme, double factor) {
  for (double* size : {&theme.body_size, &theme.title_size, &theme.subtitle_size, &theme.h1_size, &theme.h2_size,
                       &theme.h3_size}) {
    *size *= factor;
  }
}

document::LocalizedDocument for_format(document::LocalizedDocument doc, document::Format format) {
  std::erase_if(doc.blocks, [&](const auto& block) {
    return !block.formats.empty() && std::find(block.formats.begin(), block.formats.end(), format) == block.formats.end();
  });
  scale_type(doc.theme, text_scale(doc, format));
  doc.format = format;
  return doc;
}

}  // namespace leafpress::layout
