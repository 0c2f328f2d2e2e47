#pragma once

#include <cstddef>
#include <string_view>

#include "images/decoded.hpp"

namespace leafpress::images {

/// Decodes a whole PNG file to 8-bit grey or RGB samples, any alpha flattened onto white,
/// keeping an embedded ICC profile (iCCP) in Image::icc_profile.
/// The header is checked against `max_pixels` before any pixel memory is taken; a truncated
/// or damaged file is refused with what is wrong. libpng's simplified API keeps its own
/// setjmp/longjmp inside libpng's C frames: no jump crosses ours.
Decoded decode_png(std::string_view bytes, std::size_t max_pixels);

}  // namespace leafpress::images
