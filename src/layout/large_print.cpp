#include "layout/large_print.hpp"

#include <algorithm>

#include "layout/for_format.hpp"

namespace leafpress::layout {

document::LocalizedDocument for_large_print(document::LocalizedDocument doc) {
  document::Theme& theme = doc.theme;
  const double scale = std::max(1.0, kLargePrintMinimum / theme.body_size);
  scale_type(theme, scale);
  doc.page.columns = 1;
  doc.page.margins.inside = std::min(doc.page.margins.inside, kLargePrintSideMargin);
  doc.page.margins.outside = std::min(doc.page.margins.outside, kLargePrintSideMargin);
  doc.large_print = true;
  return doc;
}

}  // namespace leafpress::layout
