#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace leafpress::images {

/// The picture formats a figure may use.
enum class ImageType : std::uint8_t { png, jpeg };

/// The type the file's first bytes (its signature) say, whatever its name ends with.
std::optional<ImageType> image_type(std::string_view bytes);

/// What a file that is neither PNG nor JPEG looks like, for the message refusing it: "a GIF
/// image", "an SVG drawing", …; empty when its first bytes say nothing known.
std::string other_format(std::string_view bytes);

}  // namespace leafpress::images
