#pragma once

#include <map>
#include <memory>
#include <mutex>

#include "document/image.hpp"
#include "press/press_colors.hpp"

namespace leafpress::press {

/// One leaflet's pictures in the press's CMYK, each converted and compressed once however
/// many press documents (languages, formats) show it, and shared by the workers building
/// them. Every conversion goes through the same PressColors profile and intent: those of the
/// leaflet's print setup.
class PressPictures {
 public:
  /// `image` converted through `colors` and Flate-compressed (images::to_sample_stream);
  /// nullptr when its pixels cannot be read back. Safe to call from several threads.
  std::shared_ptr<const document::Image> cmyk(const document::Image& image, const PressColors& colors);

 private:
  std::mutex mutex_;
  std::map<const document::Image*, std::shared_ptr<const document::Image>> converted_;
};

}  // namespace leafpress::press
