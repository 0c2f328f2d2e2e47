#pragma once

#include <string>

#include "layout/page.hpp"
#include "pdf/hpdf_document.hpp"

namespace leafpress::pdf {

/// The page dictionary entries of a press page's boxes (ISO 32000-1 §14.11.2), with 6
/// decimals: "/MediaBox [0 0 651.968504 898.582677]\n/BleedBox […]\n/TrimBox […]\n". The
/// display list's boxes (top-left, y down) are turned into PDF's [llx lly urx ury], y up.
std::string press_box_entries(const layout::Page& page);

/// Gives a libharu page the boxes of a press page, written exactly (press_box_entries).
/// libharu writes numbers through a float with 5 decimals, so the MediaBox it keeps for its
/// own use is hidden from the output and the page dictionary's write hook writes the boxes.
void set_press_boxes(HpdfDocument& pdf, HPDF_Page page, const layout::Page& layout_page);

}  // namespace leafpress::pdf
