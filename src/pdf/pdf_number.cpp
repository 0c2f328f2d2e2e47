#include "pdf/pdf_number.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace leafpress::pdf {

namespace {

/// Writes `value` with at most `decimals` decimals into `buffer` (64 bytes); returns its end.
char* fixed(double value, int decimals, char* buffer) {
  const double scale = decimals == 3 ? 1e3 : std::pow(10.0, decimals);
  double rounded = std::round(value * scale) / scale;
  if (rounded == 0.0 || !std::isfinite(rounded)) rounded = 0.0;
  auto [end, ec] = std::to_chars(buffer, buffer + 64, rounded, std::chars_format::fixed, decimals);
  if (ec != std::errc{}) end = buffer;
  // Trailing zeros go, then a bare point: "12.500" -> "12.5", "3.000" -> "3".
  if (std::find(buffer, end, '.') != end) {
    while (end > buffer && end[-1] == '0') --end;
    if (end > buffer && end[-1] == '.') --end;
  }
  if (end == buffer) *end++ = '0';
  return end;
}

}  // namespace

std::string pdf_number(double value) {
  char buffer[64];
  return std::string(buffer, fixed(value, 3, buffer));
}

void append_pdf_number(std::string& out, double value) {
  char buffer[64];
  out.append(buffer, fixed(value, 3, buffer));
}

std::string pdf_box_number(double value) {
  char buffer[64];
  return std::string(buffer, fixed(value, 6, buffer));
}

}  // namespace leafpress::pdf
