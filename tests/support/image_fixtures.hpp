#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>

// Pictures made by the tests themselves, with the libraries that write them (libpng's
// simplified writer, libjpeg), so no binary fixture lives in the repository.

namespace leafpress::testing {

/// Red, green, blue and alpha of one pixel.
using Rgba = std::array<unsigned char, 4>;
using PixelFunction = std::function<Rgba(unsigned x, unsigned y)>;

/// An 8-bit RGBA PNG file.
std::string make_png(unsigned width, unsigned height, const PixelFunction& pixel);

/// An 8-bit PNG without alpha: grey (`channels` 1, the red read) or RGB (3).
std::string make_opaque_png(unsigned width, unsigned height, int channels, const PixelFunction& pixel);

/// A baseline RGB JPEG file at `quality` (alpha is ignored).
std::string make_jpeg(unsigned width, unsigned height, int quality, const PixelFunction& pixel);

/// `png` with its IHDR chunk declaring `width` x `height` pixels, CRC recomputed: a header
/// that lies about the data after it.
std::string with_png_size(std::string png, std::uint32_t width, std::uint32_t height);

/// `png` with its first IDAT chunk's data bytes inverted from `offset` on, CRC recomputed,
/// so only the compressed data is wrong.
std::string with_damaged_idat(std::string png, std::size_t offset, std::size_t count);

/// `png` with an iCCP chunk holding `profile` after its IHDR.
std::string with_png_profile(std::string png, const std::string& profile);

/// `jpeg` with `profile` (under 64 KB) in one APP2 ICC_PROFILE marker after its SOI.
std::string with_jpeg_profile(std::string jpeg, const std::string& profile);

}  // namespace leafpress::testing
