#include "images/image_files.hpp"

#include "core/confine.hpp"
#include "core/hash.hpp"
#include "core/icc_profile.hpp"
#include "core/read_file.hpp"
#include "images/decode_jpeg.hpp"
#include "images/decode_png.hpp"
#include "images/image_type.hpp"
#include "images/sample_stream.hpp"

namespace leafpress::images {
namespace fs = std::filesystem;
namespace {

/// The largest file a picture within the pixel limit can need: a PNG of 16-bit RGBA
/// samples stored without compression takes 8 bytes a pixel, and 1 MiB covers its other
/// chunks (colour profile, metadata). Reading stops past it.
std::size_t largest_file(std::size_t max_pixels) {
  const std::size_t per_pixel = 8;
  const std::size_t extra = std::size_t{1} << 20;
  if (max_pixels > (SIZE_MAX - extra) / per_pixel) return SIZE_MAX - 1;
  return max_pixels * per_pixel + extra;
}

}  // namespace

std::shared_ptr<const document::Image> ImageFiles::read(const std::string& relative, const core::SourceLoc& loc,
                                                         core::Diagnostics& diags) {
  const std::string name = "image '" + relative + "'";
  const fs::path path = folder_ / relative;
  std::error_code ec;
  if (!limits_.allow_outside) {
    // Through "..", an absolute path or a link: a leaflet folder handed over to be built
    // must not read the builder's other files, nor tell whether they exist.
    const fs::path inside = path.lexically_normal().lexically_relative(folder_.lexically_normal());
    const bool leaves = fs::path(relative).is_absolute() || inside.empty() || *inside.begin() == "..";
    const auto target = leaves ? std::nullopt : core::outside_target(path, folder_);
    if (leaves || target) {
      diags.error(loc, name + " is outside the leaflet folder" + (target ? " ('" + target->string() + "')" : ""),
                  "copy the picture into the leaflet folder, or pass --allow-outside to read it there");
      return nullptr;
    }
  }
  if (fs::is_directory(path, ec)) {
    diags.error(loc, name + " is a folder, not a picture");
    return nullptr;
  }
  if (!fs::is_regular_file(path, ec)) {
    diags.error(loc, "no " + name + " in the leaflet folder", "the path is relative to the folder of leaflet.yaml");
    return nullptr;
  }
  const fs::path key = fs::canonical(path, ec);
  if (const auto it = read_.find(key); !ec && it != read_.end()) return it->second;

  const std::size_t limit = largest_file(limits_.max_image_pixels);
  const auto bytes = core::try_read_file(path, limit);
  if (!bytes) {
    diags.error(loc, "cannot read " + name);
    return nullptr;
  }
  if (bytes->size() > limit) {
    diags.error(loc, name + " is over " + core::format_bytes(limit) + ", more than a picture of at most " +
                         core::format_count(limits_.max_image_pixels) + " pixels needs",
                "scale the picture down, or raise the limit with --max-image-pixels");
    return nullptr;
  }
  const auto type = image_type(*bytes);
  if (!type) {
    const std::string other = other_format(*bytes);
    diags.error(loc, name + " is not a PNG or JPEG picture" + (other.empty() ? "" : ": it is " + other),
                "leafpress places PNG and JPEG pictures; export it as one of them");
    return nullptr;
  }
  // The picture may take what is left of the leaflet's budget: the decoder refuses a larger
  // one from its header, before taking any pixel memory.
  const std::size_t left = limits_.max_decoded_pixels - std::min(decoded_pixels_, limits_.max_decoded_pixels);
  const std::size_t allowed = std::min(limits_.max_image_pixels, left);
  const std::string digest = core::content_hash(*bytes);
  // An entry holds the JPEG file, the PNG's own stream (smaller than the file) or its pixels
  // deflated (at most a little over the pixels of a picture within the limit), a profile, and
  // a few bytes: a larger one is no entry of ours, and is not read.
  const std::size_t pixels_bytes = std::min<std::size_t>(allowed, SIZE_MAX / 8) * 4;
  const std::size_t max_entry = std::max(bytes->size(), pixels_bytes + pixels_bytes / 100) + core::kMaxIccBytes + 4096;
  std::optional<document::Image> cached = cache_.find(digest, max_entry);
  if (cached && std::uint64_t{cached->width} * cached->height > allowed) cached.reset();  // the decoder says why
  Decoded decoded;
  if (cached) {
    decoded.image = std::move(*cached);
  } else {
    decoded = *type == ImageType::png ? decode_png(*bytes, allowed) : decode_jpeg(*bytes, allowed);
  }
  if (!decoded.ok() && decoded.declared_pixels > allowed && decoded.declared_pixels <= limits_.max_image_pixels) {
    diags.error(loc,
                name + " would bring the leaflet's decoded pictures to " +
                    core::format_count(decoded_pixels_ + decoded.declared_pixels) + " pixels, over the limit of " +
                    core::format_count(limits_.max_decoded_pixels),
                "use fewer or smaller pictures (a full A4 page at 300 ppi is 8.7 million pixels), or raise the "
                "limit with --max-decoded-pixels");
    return nullptr;
  }
  if (!decoded.ok()) {
    diags.error(loc, name + " " + decoded.problem, decoded.hint);
    return nullptr;
  }
  if (!cached) {
    to_sample_stream(decoded.image, *bytes);
    cache_.store(digest, decoded.image);
  }
  decoded.image.file = relative;
  // The file's bytes, not its pixels: the same picture, and a fraction of the work.
  decoded.image.fingerprint = digest.substr(0, 16);
  decoded_pixels_ += static_cast<std::size_t>(decoded.image.width) * static_cast<std::size_t>(decoded.image.height);
  auto image = std::make_shared<const document::Image>(std::move(decoded.image));
  if (!ec) read_.emplace(key, image);
  return image;
}

}  // namespace leafpress::images
