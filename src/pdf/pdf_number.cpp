#include "pdf/pdf_number.hpp"

#include <charconv>
#include <cmath>

namespace leafpress::pdf {

namespace {

std::string fixed(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  double rounded = std::round(value * scale) / scale;
  if (rounded == 0.0 || !std::isfinite(rounded)) rounded = 0.0;
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, decimals);
  std::string out(buffer, ec == std::errc{} ? end : buffer);
  while (!out.empty() && out.back() == '0') out.pop_back();
  if (!out.empty() && out.back() == '.') out.pop_back();
  return out.empty() ? "0" : out;
}

}  // namespace

std::string pdf_number(double value) { return fixed(value, 3); }

std::string pdf_box_number(double value) { return fixed(value, 6); }

}  // namespace leafpress::pdf
