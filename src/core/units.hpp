#pragma once

namespace leafpress::core {

/// Lengths are points (1/72 in) everywhere past loading.
inline constexpr double kPointsPerMm = 72.0 / 25.4;
inline constexpr double kPointsPerInch = 72.0;

constexpr double mm(double millimetres) { return millimetres * kPointsPerMm; }

/// ISO 216 A4, in points.
inline constexpr double kA4Width = 210.0 * kPointsPerMm;
inline constexpr double kA4Height = 297.0 * kPointsPerMm;

/// A booklet page: an A4 sheet folded in half (148.5 x 210 mm), which is what print shops
/// call A5 when they fold and staple A4 sheets.
inline constexpr double kA5Width = kA4Height / 2;
inline constexpr double kA5Height = kA4Width;

}  // namespace leafpress::core
