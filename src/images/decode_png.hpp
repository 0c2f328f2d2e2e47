#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "images/decoded.hpp"

namespace leafpress::images {

/// Decodes a whole PNG file to 8-bit grey or RGB samples, any alpha flattened onto white,
/// keeping an embedded ICC profile (iCCP) in Image::icc_profile.
/// The header is checked against `max_pixels` before any pixel memory is taken; a truncated
/// or damaged file is refused with what is wrong. libpng's simplified API keeps its own
/// setjmp/longjmp inside libpng's C frames: no jump crosses ours.
Decoded decode_png(std::string_view bytes, std::size_t max_pixels);

/// The zlib stream of a PNG that decode_png accepted (its IDAT chunks joined), when the
/// samples it holds are exactly the pixels decode_png gives: 8-bit grey or RGB, not
/// interlaced, no transparency, and no gamma other than sRGB's for libpng to correct.
/// Its rows keep their PNG filter bytes. nullopt for any other PNG.
std::optional<std::string> try_png_sample_stream(std::string_view bytes);

}  // namespace leafpress::images
