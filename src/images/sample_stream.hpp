#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "document/image.hpp"

namespace leafpress::images {

/// Turns a decoded picture's pixels into the stream a PDF embeds, once per picture however
/// many documents show it: the PNG file's own zlib stream with its row filters (`file`'s
/// IDAT data, when its samples are the pixels) or the pixels Flate-compressed here,
/// whichever is smaller. A JPEG, already in its PDF form, is left as it is.
void to_sample_stream(document::Image& image, std::string_view file);

/// The 8-bit samples of `image`, rows top down without padding, as many per pixel as its
/// components: its data itself, the JPEG decoded, or the Flate stream inflated and its PNG
/// row filters undone. nullopt when the data is not a whole picture of its size.
std::optional<std::string> try_pixels(const document::Image& image);

}  // namespace leafpress::images
