#pragma once

#include <optional>
#include <string>

#include "core/icc_profile.hpp"
#include "core/source_loc.hpp"
#include "core/units.hpp"

namespace leafpress::document {

/// The press file a leaflet asks for (`print:` in leaflet.yaml, or --print): bleed and
/// marks, and the printing condition its colours are meant for.
struct PrintSetup {
  double bleed = core::mm(3);
  bool crop_marks = true;
  /// The press's CMYK output profile (`icc_profile`), embedded as the output intent.
  std::optional<core::IccProfile> profile;
  core::SourceLoc profile_loc;
  /// How the print shop names the printing condition ("FOGRA39"), for the output intent.
  std::string output_condition;
  core::SourceLoc loc;  // where `print:` was written
};

}  // namespace leafpress::document
