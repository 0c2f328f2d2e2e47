#pragma once

#include <cstddef>
#include <string_view>

#include "images/decoded.hpp"

namespace leafpress::images {

/// Checks a whole JPEG file by decoding every scan, and keeps its bytes to pass through to
/// the PDF. The header is checked against `max_pixels` before libjpeg allocates the picture;
/// a truncated or damaged file (libjpeg's warnings included) is refused with what is wrong,
/// as are codings PDF readers cannot show (arithmetic coding, CMYK without Adobe's marker).
Decoded decode_jpeg(std::string_view bytes, std::size_t max_pixels);

}  // namespace leafpress::images
