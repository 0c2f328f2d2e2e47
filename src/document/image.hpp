#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace leafpress::document {

/// A picture a figure shows, read and checked once per leaflet (images/read_image): what a
/// back end needs to place it, and nothing of the library that decoded it.
struct Image {
  enum class Encoding : std::uint8_t {
    jpeg,    // `data` is the JPEG file itself, passed through (PDF's DCTDecode reads it)
    pixels,  // `data` is 8-bit samples, rows top down without padding
    flate,   // `data` is a zlib stream of those samples (PDF's FlateDecode reads it)
  };
  /// The path as leaflet.yaml writes it ("images/checkpoint.png"), for messages.
  std::string file;
  std::uint32_t width = 0;  // pixels
  std::uint32_t height = 0;
  /// Samples per pixel: 1 grey, 3 RGB, 4 CMYK (an Adobe CMYK JPEG only).
  int components = 3;
  Encoding encoding = Encoding::pixels;
  /// With Encoding::flate: each row starts with a PNG filter-type byte (PNG §9), as in a
  /// PNG's IDAT data passed through, which PDF reads with /Predictor 15 (ISO 32000-1 §7.4.4.4).
  bool png_predictors = false;
  /// A PNG's alpha is already flattened onto white: print has no transparency.
  std::string data;
  /// The picture's own ICC profile (a JPEG's APP2 markers, a PNG's iCCP chunk), empty when
  /// it has none: its colours are then sRGB (or sGray).
  std::string icc_profile;
  /// The first 16 hex digits of core::content_hash of the picture file's bytes, so a PDF's /ID
  /// changes with the picture.
  std::string fingerprint;
};

/// The modules of a QR code (ISO/IEC 18004), quiet zone not included.
struct QrCode {
  int size = 0;            // modules per side
  std::vector<bool> dark;  // size * size, row by row from the top

  bool is_dark(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

}  // namespace leafpress::document
