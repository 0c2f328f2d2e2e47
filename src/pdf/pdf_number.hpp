#pragma once

#include <string>

namespace leafpress::pdf {

/// A real number as PDF content streams want it: at most 3 decimals, no exponent, no
/// trailing zeros, never "-0". Independent of the C locale, so output is byte-stable.
std::string pdf_number(double value);

/// pdf_number(value) appended to `out`, without a string of its own: content streams write
/// one for nearly every glyph.
void append_pdf_number(std::string& out, double value);

/// A page box coordinate: like pdf_number with 6 decimals, so that a box given in
/// millimetres is written as exactly as it is meant (3 mm = 8.503937 pt). libharu's own
/// writer rounds through a float to 5 decimals.
std::string pdf_box_number(double value);

}  // namespace leafpress::pdf
