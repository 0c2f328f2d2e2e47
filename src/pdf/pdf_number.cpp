#include "pdf/pdf_number.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace leafpress::pdf {

namespace {

// Below this many units of the last decimal, a number is written from the whole count of
// units, which gives the digits std::to_chars gives the rounded double (its error, under half
// an ulp, stays far below half a unit), at a tenth of the cost.
constexpr double kExactUnits = 1e15;

/// Writes `units` units of the `decimals`-th decimal ("-12500", 3 -> "-12.5") into `buffer`
/// (64 bytes), without trailing zeros; returns its end.
char* from_units(long long units, int decimals, char* buffer) {
  char* at = buffer;
  if (units < 0) {
    *at++ = '-';
    units = -units;
  }
  long long scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  at = std::to_chars(at, buffer + 64, units / scale).ptr;
  long long fraction = units % scale;
  if (fraction != 0) *at++ = '.';
  for (long long digit = scale / 10; fraction != 0; digit /= 10) {
    *at++ = static_cast<char>('0' + fraction / digit);
    fraction %= digit;
  }
  return at;
}

/// Writes `value` with at most `decimals` decimals into `buffer` (64 bytes); returns its end.
char* fixed(double value, int decimals, char* buffer) {
  const double scale = decimals == 3 ? 1e3 : std::pow(10.0, decimals);
  const double units = std::round(value * scale);
  if (std::abs(units) < kExactUnits) return from_units(static_cast<long long>(units), decimals, buffer);
  double rounded = units / scale;
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
