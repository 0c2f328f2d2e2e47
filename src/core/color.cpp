#include "core/color.hpp"

#include <charconv>

namespace leafpress::core {

std::optional<Rgb> try_parse_hex_color(std::string_view text) {
  if (text.size() != 7 || text[0] != '#') return std::nullopt;
  double channels[3];
  for (int i = 0; i < 3; ++i) {
    unsigned value = 0;
    const char* first = text.data() + 1 + 2 * i;
    auto [end, ec] = std::from_chars(first, first + 2, value, 16);
    if (ec != std::errc{} || end != first + 2) return std::nullopt;
    channels[i] = value / 255.0;
  }
  return Rgb{channels[0], channels[1], channels[2]};
}

}  // namespace leafpress::core
