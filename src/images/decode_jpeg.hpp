#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "images/decoded.hpp"

namespace leafpress::images {

/// Checks a whole JPEG file by decoding every scan, and keeps its bytes to pass through to
/// the PDF. The header is checked against `max_pixels` before libjpeg allocates the picture;
/// a truncated or damaged file (libjpeg's warnings included) is refused with what is wrong,
/// as are codings PDF readers cannot show (arithmetic coding, CMYK without Adobe's marker).
/// An embedded ICC profile is kept in Image::icc_profile.
Decoded decode_jpeg(std::string_view bytes, std::size_t max_pixels);

/// The 8-bit samples of a JPEG that decode_jpeg accepted, rows top down, as many per pixel
/// as its components; CMYK as ink (0 none, 255 full), whatever Adobe's marker inverted.
/// nullopt when libjpeg fails after all.
std::optional<std::string> try_jpeg_pixels(std::string_view bytes);

}  // namespace leafpress::images
