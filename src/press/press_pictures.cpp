#include "press/press_pictures.hpp"

#include "images/sample_stream.hpp"

namespace leafpress::press {

std::shared_ptr<const document::Image> PressPictures::cmyk(const document::Image& image, const PressColors& colors) {
  // Held while converting: a second document asking for the same picture waits for it
  // rather than converting it again.
  const std::lock_guard lock(mutex_);
  const auto [known, added] = converted_.try_emplace(&image);
  if (!added) return known->second;
  auto converted = colors.image(image);
  if (converted) {
    images::to_sample_stream(*converted, {});
    known->second = std::make_shared<const document::Image>(std::move(*converted));
  }
  return known->second;
}

}  // namespace leafpress::press
