#pragma once

#include <memory>
#include <optional>

#include "core/color.hpp"
#include "core/icc_profile.hpp"
#include "document/image.hpp"
#include "document/print_setup.hpp"

namespace leafpress::press {

/// Text up to this size set in black or a dark grey is printed 100 % K and overprints. The
/// Ghent Workgroup's specifications (GWG 2015, §"Black text") ask it of black text under
/// 12 pt; leafpress does it up to 36 pt, which takes in every heading, so that no text is a
/// four-colour black that blurs when the plates are out of register.
inline constexpr double kSolidBlackTextMaxSize = 36;

/// A grey text colour at least this dark (share of black ink) counts as black: dark greys
/// print as screened dots with ragged edges in small type, solid black does not.
inline constexpr double kSolidBlackTextMinInk = 0.5;

/// The lightest tint a hairline (a line or a rectangle under 1 pt thick) is printed with,
/// and the thinnest hairline: lighter tints and thinner lines break up or vanish on a plate.
inline constexpr double kMinHairlineInk = 0.3;
inline constexpr double kMinHairlineWidth = 0.25;

/// Converts a leaflet's colours and pictures into the press's CMYK. With the print shop's
/// ICC profile, through LittleCMS from sRGB (or a picture's own profile) with the leaflet's
/// rendering intent; without one, by core::to_press_cmyk's formula. CMYK passes untouched.
class PressColors {
 public:
  /// `profile` is a CMYK output profile that converts colours into its space (checked when
  /// the leaflet is loaded); nullopt for the formula.
  PressColors(const std::optional<core::IccProfile>& profile, document::RenderingIntent intent);
  ~PressColors();
  PressColors(const PressColors&) = delete;
  PressColors& operator=(const PressColors&) = delete;

  /// A theme colour. A grey (see core::kNeutralSpread) goes on the black plate only, at the
  /// lightness the profile gives it; any other RGB colour goes through the profile.
  core::Cmyk color(const core::Color& color) const;

  /// A text colour at `size` points: black and dark greys up to kSolidBlackTextMaxSize
  /// become 100 % K; everything else as color().
  core::Cmyk text_color(const core::Color& color, double size) const;

  /// A hairline's colour: as color(), but with its strongest ink at kMinHairlineInk at
  /// least (a paler tint is darkened, its inks kept in proportion); white stays white.
  core::Cmyk hairline_color(const core::Color& color) const;

  /// The picture in the press's CMYK: 8-bit CMYK pixels converted from the picture's own
  /// profile, else from sRGB (sGray for a grey picture). A CMYK picture comes back as it
  /// was. nullopt when its pixels cannot be decoded after all.
  std::optional<document::Image> image(const document::Image& image) const;

 private:
  struct Transforms;
  std::unique_ptr<Transforms> transforms_;  // null without a profile
};

}  // namespace leafpress::press
