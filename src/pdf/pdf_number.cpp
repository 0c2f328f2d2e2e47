#include "pdf/pdf_number.hpp"

#include <charconv>
#include <cmath>

namespace leafpress::pdf {

std::string pdf_number(double value) {
  double rounded = std::round(value * 1000.0) / 1000.0;
  if (rounded == 0.0 || !std::isfinite(rounded)) rounded = 0.0;
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, 3);
  std::string out(buffer, ec == std::errc{} ? end : buffer);
  while (!out.empty() && out.back() == '0') out.pop_back();
  if (!out.empty() && out.back() == '.') out.pop_back();
  return out.empty() ? "0" : out;
}

}  // namespace leafpress::pdf
