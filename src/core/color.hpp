#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace leafpress::core {

/// An sRGB colour, each channel in [0, 1].
struct Rgb {
  double r = 0;
  double g = 0;
  double b = 0;
  bool operator==(const Rgb&) const = default;
};

/// A process colour for the press (DeviceCMYK), each ink in [0, 1].
struct Cmyk {
  double c = 0;
  double m = 0;
  double y = 0;
  double k = 0;
  bool operator==(const Cmyk&) const = default;
};

/// A colour as leaflet.yaml gives it: RGB for screens, or CMYK as a print shop specifies it.
/// Back ends write it in its own model; press output converts RGB with to_press_cmyk.
using Color = std::variant<Rgb, Cmyk>;

/// Parses "#RRGGBB" (case-insensitive); nullopt for anything else.
std::optional<Rgb> try_parse_hex_color(std::string_view text);

/// Parses "#RRGGBB" or "cmyk(C, M, Y, K)", each ink a percentage from 0 to 100 with or
/// without '%' ("cmyk(100%, 0%, 35%, 45%)", "cmyk(100, 0, 35, 45)"). On failure returns
/// nullopt and says what is wrong in `problem`, in the words of a diagnostic.
std::optional<Color> try_parse_color(std::string_view text, std::string& problem);

/// An RGB colour is a grey, printed on the black plate alone, when its channels differ by
/// at most kNeutralSpread + kNeutralSpreadPerDarkness × its darkness (1 − its lightest
/// channel). A dark colour's faint tint cannot be seen on paper, while four inks blur small
/// text wherever the plates are out of register; a light colour keeps even a faint tint.
/// #1F2328 (spread 9/255) and #5B6770 (21/255, darkness 0.56) are greys; the pale teal
/// #E3F1F1 (14/255, darkness 0.05) is not.
inline constexpr double kNeutralSpread = 0.04;
inline constexpr double kNeutralSpreadPerDarkness = 0.1;

/// The ink of a colour on a CMYK press. CMYK is kept as given. RGB is converted without a
/// colour profile, by the textbook formula: K = 1 − max(R, G, B), and C = (1 − R − K) /
/// (1 − K), likewise M from G and Y from B; greys (see kNeutralSpread) become
/// K = 1 − mean(R, G, B) with no C, M or Y, so black and grey text use the black plate only.
/// A colour that must match a brand is best given in CMYK by the print shop's numbers.
Cmyk to_press_cmyk(const Color& color);

/// "#0B6E75" or "cmyk(100%, 0%, 35%, 45%)" (inks rounded to 0.1%): for messages and dumps.
std::string to_string(const Color& color);

}  // namespace leafpress::core
