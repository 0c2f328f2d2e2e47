#pragma once

#include <string>

namespace leafpress::pdf {

/// A real number as PDF content streams want it: at most 3 decimals, no exponent, no
/// trailing zeros, never "-0". Independent of the C locale, so output is byte-stable.
std::string pdf_number(double value);

}  // namespace leafpress::pdf
