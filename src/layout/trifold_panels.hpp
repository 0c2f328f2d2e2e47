#pragma once

namespace leafpress::layout {

/// A panel of a folded sheet: its left edge and width on the sheet side it is printed on.
struct Panel {
  double x = 0;
  double width = 0;
};

/// The six panels of a roll-fold (letter-fold) leaflet on one sheet, left to right as each
/// side is printed. The fold-in panel is printed at the left of the outside and the right
/// of the inside; folded, it lies under the cover.
///
///   outside:  | fold-in | back  | cover |
///   inside:   | left    | middle| right (fold-in's back) |
struct TrifoldPanels {
  Panel fold_in;  // outside, seen first when the cover is opened
  Panel back;     // outside, the folded leaflet's back
  Panel cover;    // outside, the front of the folded leaflet
  Panel inside_left;
  Panel inside_middle;
  Panel inside_right;
};

/// The panels of a sheet `sheet_width` wide whose fold-in panel is `fold_in` narrower than
/// the other two.
TrifoldPanels trifold_panels(double sheet_width, double fold_in);

}  // namespace leafpress::layout
