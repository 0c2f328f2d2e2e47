#include "images/picture_cache.hpp"

#include <cstdint>
#include <exception>

#include "core/atomic_file.hpp"
#include "core/byte_reader.hpp"
#include "core/deflate.hpp"
#include "core/hash.hpp"
#include "core/icc_profile.hpp"
#include "core/read_file.hpp"

namespace leafpress::images {
namespace {

// Changes whenever what a picture turns into changes (the entry's layout, decoding,
// to_sample_stream), so that no entry of an older leafpress is ever read.
constexpr std::string_view kMagic = "leafpress picture 1\n";
constexpr std::size_t kDigestBytes = 16;

/// The low 32 bits of `value`, as core::ByteReader reads them.
void put32(std::string& out, std::uint64_t value) { core::append_integer(out, static_cast<std::uint32_t>(value)); }

void put_bytes(std::string& out, std::string_view bytes) {
  put32(out, bytes.size());
  out.append(bytes);
}

/// The bytes put_bytes wrote: their size, then them.
bool sized_bytes(core::ByteReader& in, std::string_view& bytes) {
  std::uint32_t size = 0;
  return in.integer(size) && in.bytes(size, bytes);
}

}  // namespace

std::string serialize_picture(const document::Image& image) {
  std::string out(kMagic);
  put32(out, image.width);
  put32(out, image.height);
  put32(out, static_cast<std::uint64_t>(image.components));
  put32(out, static_cast<std::uint64_t>(image.encoding));
  put32(out, image.png_predictors ? 1 : 0);
  put_bytes(out, image.icc_profile);
  put_bytes(out, image.data);
  out += core::content_digest(out);
  return out;
}

std::optional<document::Image> deserialize_picture(std::string_view bytes) {
  if (bytes.size() < kMagic.size() + kDigestBytes || bytes.substr(0, kMagic.size()) != kMagic) return std::nullopt;
  const std::string_view body = bytes.substr(0, bytes.size() - kDigestBytes);
  if (core::content_digest(body) != bytes.substr(body.size())) return std::nullopt;
  core::ByteReader in(body.substr(kMagic.size()));
  std::uint32_t width = 0, height = 0, components = 0, encoding = 0, predictors = 0;
  std::string_view profile, data;
  if (!in.integer(width) || !in.integer(height) || !in.integer(components) || !in.integer(encoding) ||
      !in.integer(predictors) || !sized_bytes(in, profile) || !sized_bytes(in, data) || !in.at_end()) {
    return std::nullopt;
  }
  if (components != 1 && components != 3 && components != 4) return std::nullopt;
  if (encoding > static_cast<std::uint32_t>(document::Image::Encoding::flate) || predictors > 1) return std::nullopt;
  if (width == 0 || height == 0 || profile.size() > core::kMaxIccBytes) return std::nullopt;
  if (encoding == static_cast<std::uint32_t>(document::Image::Encoding::pixels) &&
      data.size() != std::uint64_t{width} * height * components) {
    return std::nullopt;
  }
  document::Image image;
  image.width = width;
  image.height = height;
  image.components = static_cast<int>(components);
  image.encoding = static_cast<document::Image::Encoding>(encoding);
  image.png_predictors = predictors == 1;
  if (image.png_predictors && image.encoding != document::Image::Encoding::flate) return std::nullopt;
  image.icc_profile = std::string(profile);
  image.data = std::string(data);
  return image;
}

std::filesystem::path PictureCache::entry_path(std::string_view file_digest) const {
  // Another compressor may turn the same pixels into other bytes.
  const std::string key = std::string(kMagic) + std::string(core::deflate_version()) + "\n" + std::string(file_digest);
  return *folder_ / ("picture-" + core::content_hash(key) + ".bin");
}

std::optional<document::Image> PictureCache::find(std::string_view file_digest, std::size_t max_bytes) const {
  if (!folder_) return std::nullopt;
  const auto bytes = core::try_read_file(entry_path(file_digest), max_bytes);
  if (!bytes || bytes->size() > max_bytes) return std::nullopt;
  return deserialize_picture(*bytes);
}

void PictureCache::store(std::string_view file_digest, const document::Image& image) const {
  if (!folder_) return;
  try {
    std::error_code ec;
    std::filesystem::create_directories(*folder_, ec);
    if (!ec) core::write_file_atomically(entry_path(file_digest), serialize_picture(image));
  } catch (const std::exception&) {
    // A cache that cannot be written only costs time.
  }
}

}  // namespace leafpress::images
