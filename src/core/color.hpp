#pragma once

#include <optional>
#include <string_view>

namespace leafpress::core {

/// An sRGB colour, each channel in [0, 1].
struct Rgb {
  double r = 0;
  double g = 0;
  double b = 0;
  bool operator==(const Rgb&) const = default;
};

/// Parses "#RRGGBB" (case-insensitive); nullopt for anything else.
std::optional<Rgb> try_parse_hex_color(std::string_view text);

}  // namespace leafpress::core
