#include "images/decoded.hpp"

#include "core/limits.hpp"

namespace leafpress::images {

Decoded refused(std::string problem, std::string hint) { return {{}, std::move(problem), std::move(hint)}; }

Decoded too_many_pixels(std::uint64_t width, std::uint64_t height, std::size_t max_pixels) {
  Decoded decoded = refused("is " + core::format_count(width) + " x " + core::format_count(height) + " pixels (" +
                     core::format_count(width * height) + "), over the limit of " + core::format_count(max_pixels),
                 "a full A4 page at 600 ppi is 35 million pixels; scale the picture down, or raise the limit with "
                 "--max-image-pixels");
  decoded.declared_pixels = width * height;
  return decoded;
}

}  // namespace leafpress::images
