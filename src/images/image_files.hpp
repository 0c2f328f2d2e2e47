#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "core/cache_folder.hpp"
#include "core/diagnostics.hpp"
#include "core/limits.hpp"
#include "document/image.hpp"
#include "images/picture_cache.hpp"

namespace leafpress::images {

/// The pictures of one leaflet folder, each read, checked, decoded and put in its PDF form
/// (images::to_sample_stream) once however many figures show it, then shared by every
/// language and format; across runs through `cache` (core::cache_folder() unless told).
class ImageFiles {
 public:
  ImageFiles(std::filesystem::path folder, const core::Limits& limits, PictureCache cache = PictureCache(core::cache_folder()))
      : folder_(std::move(folder)), limits_(limits), cache_(std::move(cache)) {}

  /// The PNG or JPEG picture at `relative` (to the leaflet folder), or nullptr after
  /// reporting at `loc` why it cannot be used: missing, outside the folder (unless the
  /// limits allow it), over the pixel limit or the leaflet's decoded-pixel budget, not a
  /// PNG or JPEG, truncated or damaged.
  std::shared_ptr<const document::Image> read(const std::string& relative, const core::SourceLoc& loc,
                                              core::Diagnostics& diags);

 private:
  std::filesystem::path folder_;
  const core::Limits& limits_;
  PictureCache cache_;
  std::map<std::filesystem::path, std::shared_ptr<const document::Image>> read_;
  std::size_t decoded_pixels_ = 0;  // of the pictures read so far, against limits_.max_decoded_pixels
};

}  // namespace leafpress::images
