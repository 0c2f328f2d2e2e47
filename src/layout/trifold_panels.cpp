#include "layout/trifold_panels.hpp"

namespace leafpress::layout {

TrifoldPanels trifold_panels(double sheet_width, double fold_in) {
  const double full = (sheet_width + fold_in) / 3;
  const double narrow = full - fold_in;
  return {
      {0, narrow},
      {narrow, full},
      {narrow + full, full},
      {0, full},
      {full, full},
      {2 * full, narrow},
  };
}

}  // namespace leafpress::layout
