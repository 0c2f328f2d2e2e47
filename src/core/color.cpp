#include "core/color.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

namespace leafpress::core {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool starts_with_cmyk(std::string_view text) {
  if (text.size() < 4) return false;
  for (std::size_t i = 0; i < 4; ++i) {
    if ((text[i] | 0x20) != "cmyk"[i]) return false;
  }
  return true;
}

/// One ink of cmyk(): "35", "35%", "12.5 %"; a share in [0, 1] or a problem.
std::optional<double> parse_ink(std::string_view text, std::string& problem) {
  const std::string_view item = trimmed(text);
  std::string_view number = item;
  if (!number.empty() && number.back() == '%') number = trimmed(number.substr(0, number.size() - 1));
  double value = 0;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (number.empty() || ec != std::errc{} || end != number.data() + number.size()) {
    problem = "'" + std::string(item) + "' is not a number";
    return std::nullopt;
  }
  if (!(value >= 0 && value <= 100)) {
    problem = "each ink is 0 to 100%, got '" + std::string(item) + "'";
    return std::nullopt;
  }
  return value / 100.0;
}

std::optional<Color> parse_cmyk(std::string_view text, std::string& problem) {
  std::string_view rest = trimmed(text.substr(4));
  if (rest.empty() || rest.front() != '(') {
    problem = "expected '(' after 'cmyk'";
    return std::nullopt;
  }
  const auto close = rest.find(')');
  if (close == std::string_view::npos) {
    problem = "missing ')'";
    return std::nullopt;
  }
  if (close + 1 != rest.size()) {
    problem = "unexpected '" + std::string(rest.substr(close + 1)) + "' after ')'";
    return std::nullopt;
  }
  const std::string_view inside = rest.substr(1, close - 1);
  std::vector<std::string_view> items;
  for (std::size_t start = 0;;) {
    const auto comma = inside.find(',', start);
    items.push_back(inside.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (items.size() != 4) {
    problem = "cmyk() takes four inks, cyan, magenta, yellow and black, got " + std::to_string(items.size());
    return std::nullopt;
  }
  double inks[4];
  for (std::size_t i = 0; i < 4; ++i) {
    const auto ink = parse_ink(items[i], problem);
    if (!ink) return std::nullopt;
    inks[i] = *ink;
  }
  return Cmyk{inks[0], inks[1], inks[2], inks[3]};
}

std::string percent(double share) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", std::round(share * 1000.0) / 10.0);
  std::string out = text;
  if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0) out.resize(out.size() - 2);
  return out + "%";
}

}  // namespace

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

std::optional<Color> try_parse_color(std::string_view text, std::string& problem) {
  problem.clear();
  const std::string_view value = trimmed(text);
  if (starts_with_cmyk(value)) return parse_cmyk(value, problem);
  if (const auto rgb = try_parse_hex_color(value)) return *rgb;
  return std::nullopt;
}

Cmyk to_press_cmyk(const Color& color) {
  if (const auto* cmyk = std::get_if<Cmyk>(&color)) return *cmyk;
  const Rgb& rgb = std::get<Rgb>(color);
  const double r = std::clamp(rgb.r, 0.0, 1.0);
  const double g = std::clamp(rgb.g, 0.0, 1.0);
  const double b = std::clamp(rgb.b, 0.0, 1.0);
  const double lightest = std::max({r, g, b});
  const double spread = lightest - std::min({r, g, b});
  if (spread <= kNeutralSpread + kNeutralSpreadPerDarkness * (1.0 - lightest)) return Cmyk{0, 0, 0, 1.0 - (r + g + b) / 3.0};
  const double k = 1.0 - lightest;
  // spread > kNeutralSpread here, so lightest = 1 − K is never 0.
  return Cmyk{(1.0 - r - k) / lightest, (1.0 - g - k) / lightest, (1.0 - b - k) / lightest, k};
}

std::string to_string(const Color& color) {
  if (const auto* cmyk = std::get_if<Cmyk>(&color)) {
    return "cmyk(" + percent(cmyk->c) + ", " + percent(cmyk->m) + ", " + percent(cmyk->y) + ", " + percent(cmyk->k) +
           ")";
  }
  const Rgb& rgb = std::get<Rgb>(color);
  auto channel = [](double v) { return static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  char text[8];
  std::snprintf(text, sizeof text, "#%02X%02X%02X", channel(rgb.r), channel(rgb.g), channel(rgb.b));
  return text;
}

}  // namespace leafpress::core
