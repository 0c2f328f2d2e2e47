#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "document/image.hpp"

namespace leafpress::images {

/// What decoding a picture file gave: the picture, or what is wrong with the file.
struct Decoded {
  document::Image image;  // complete when `problem` is empty
  /// Completes "image 'images/x.png' …", e.g. "is truncated: …"; empty when all is well.
  std::string problem;
  std::string hint;
  /// Set by too_many_pixels: the pixels the refused picture's header declares.
  std::uint64_t declared_pixels = 0;

  bool ok() const { return problem.empty(); }
};

/// A file that says what is wrong with it.
Decoded refused(std::string problem, std::string hint = {});

/// The refusal of a picture whose header declares more than `max_pixels` pixels.
Decoded too_many_pixels(std::uint64_t width, std::uint64_t height, std::size_t max_pixels);

}  // namespace leafpress::images
