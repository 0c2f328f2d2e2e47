#include "layout/large_print.hpp"

#include <algorithm>

namespace leafpress::layout {

document::LocalizedDocument for_large_print(document::LocalizedDocument doc) {
  document::Theme& theme = doc.theme;
  const double scale = std::max(1.0, kLargePrintMinimum / theme.body_size);
  for (double* size : {&theme.body_size, &theme.title_size, &theme.subtitle_size, &theme.h1_size, &theme.h2_size,
                       &theme.h3_size}) {
    *size *= scale;
  }
  doc.page.columns = 1;
  doc.large_print = true;
  return doc;
}

}  // namespace leafpress::layout
