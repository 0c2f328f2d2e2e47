#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/icc_profile.hpp"
#include "core/source_loc.hpp"
#include "core/units.hpp"

namespace leafpress::document {

/// How colours outside the press's gamut are brought into it (ICC.1:2010 §6.2.2), as
/// `rendering_intent` in `print:` names it.
enum class RenderingIntent : std::uint8_t {
  relative_colorimetric,  // the default, with black-point compensation: in-gamut colours exact
  perceptual,             // the whole gamut compressed: smooth pictures, every colour shifted
  saturation,             // vivid charts
  absolute_colorimetric,  // proofing only: the paper's white simulated
};

/// The press file a leaflet asks for (`print:` in leaflet.yaml, or --print): bleed and
/// marks, and the printing condition its colours are meant for.
struct PrintSetup {
  double bleed = core::mm(3);
  bool crop_marks = true;
  /// A booklet's single pages bleed at the spine too (the default), or only on their three
  /// outer edges (`bleed_at_spine: false`), for shops that impose with no gap at the fold.
  bool bleed_at_spine = true;
  /// The press's CMYK output profile (`icc_profile`), embedded as the output intent.
  std::optional<core::IccProfile> profile;
  core::SourceLoc profile_loc;
  /// How the print shop names the printing condition ("FOGRA39"), for the output intent.
  std::string output_condition;
  core::SourceLoc output_condition_loc;
  /// How RGB colours and pictures are converted through the profile.
  RenderingIntent rendering_intent = RenderingIntent::relative_colorimetric;
  core::SourceLoc loc;  // where `print:` was written
};

}  // namespace leafpress::document
