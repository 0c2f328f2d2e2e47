#pragma once

#include <cstdint>

#include "core/units.hpp"
#include "layout/page.hpp"
#include "press/press_colors.hpp"
#include "press/press_pictures.hpp"

namespace leafpress::press {

/// Where a booklet's single pages are bound: the spine is a fold, not a cut, and shops that
/// impose with no gap there want no bleed across it.
enum class Spine : std::uint8_t {
  none,                // not a booklet, or bleed on all four sides
  left_of_first_page,  // left to right: page 1 (a right-hand page) is bound on its left
  right_of_first_page,  // right to left: page 1 is bound on its right
};

/// What a print shop asks of a press file, beyond the pages themselves.
struct Settings {
  double bleed = core::mm(3);  // how far backgrounds run past the trim, on every side
  bool crop_marks = true;      // crop marks at the corners, fold marks at the folds
  /// With a spine, pages alternate: the first is bound on the given side, the second on the
  /// other, and so on; there the bleed box is the trim and nothing bleeds.
  Spine spine = Spine::none;
};

// Printer's marks as print shops' templates draw them: hairlines in registration colour
// (every ink), starting no nearer the trim than the bleed, so that no mark prints inside
// the bleed and none is left on the finished piece.
inline constexpr double kMarkLength = core::mm(5);
inline constexpr double kMarkWeight = 0.25;
inline constexpr double kMinMarkOffset = core::mm(3);  // from the trim, when the bleed is smaller
inline constexpr double kMarkSlug = core::mm(2);       // between a mark's outer end and the media edge

/// Prepares laid-out pages of any size for the press. Each page becomes a sheet whose trim
/// box is the page and whose bleed box is `bleed` larger on every side but the spine; with crop marks the
/// sheet grows further to hold them outside the bleed, else it is the bleed box. Content
/// moves with the trim; fills flagged `bleed` are extended by the bleed past each trim edge
/// they touch; every colour and picture becomes CMYK through `colors` (dark text 100 % K,
/// hairlines at least kMinHairlineWidth and kMinHairlineInk); links are dropped, since a
/// press file carries no annotations; crop marks go at the four
/// corners and short dashed fold marks above and below each fold, as printer's-mark
/// artifacts in registration colour (100% of every ink). Structure, labels and reading
/// order are kept.
layout::Pages prepare_for_press(layout::Pages pages, const Settings& settings, const PressColors& colors);

/// As above, with the pictures converted once for the leaflet in `pictures`, shared by all
/// its press documents.
layout::Pages prepare_for_press(layout::Pages pages, const Settings& settings, const PressColors& colors,
                                PressPictures& pictures);

/// How far the marks start from the trim: the bleed, but never under kMinMarkOffset.
double mark_offset(const Settings& settings);

/// The margin between the media edge and the trim on every side.
double media_margin(const Settings& settings);

}  // namespace leafpress::press
