#pragma once

namespace leafpress::core {

/// Lengths are points (1/72 in) everywhere past loading.
inline constexpr double kPointsPerMm = 72.0 / 25.4;
inline constexpr double kPointsPerInch = 72.0;

constexpr double mm(double millimetres) { return millimetres * kPointsPerMm; }

/// ISO 216 A4, in points.
inline constexpr double kA4Width = 210.0 * kPointsPerMm;
inline constexpr double kA4Height = 297.0 * kPointsPerMm;

}  // namespace leafpress::core
