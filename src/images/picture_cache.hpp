#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "document/image.hpp"

namespace leafpress::images {

/// Pictures in their PDF form (checked, decoded, compressed: to_sample_stream), kept across
/// runs in a cache folder under the fingerprint of the file's bytes, so an unchanged picture
/// is neither decoded nor compressed again. An entry holds exactly what the same file gives
/// when it is read afresh; output never depends on the cache.
class PictureCache {
 public:
  /// A cache in `folder`; nullopt: none (every lookup misses, nothing is stored).
  explicit PictureCache(std::optional<std::filesystem::path> folder) : folder_(std::move(folder)) {}

  /// The picture stored for the file whose bytes have the core::Fingerprint digest
  /// `file_digest` (in hex), without `file` and `fingerprint` set; nullopt when there is
  /// none, the entry is over `max_bytes` (it is not read), damaged, cut short or of another
  /// version.
  std::optional<document::Image> find(std::string_view file_digest, std::size_t max_bytes) const;

  /// Stores `image`, what the file of `file_digest` gave; quietly skipped when the folder
  /// cannot be written.
  void store(std::string_view file_digest, const document::Image& image) const;

 private:
  std::filesystem::path entry_path(std::string_view file_digest) const;

  std::optional<std::filesystem::path> folder_;
};

/// The entry's bytes for `image` (PictureCache's file format), and back; nullopt for bytes
/// that are not one whole, consistent entry.
std::string serialize_picture(const document::Image& image);
std::optional<document::Image> deserialize_picture(std::string_view bytes);

}  // namespace leafpress::images
