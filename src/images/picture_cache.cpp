#include "images/picture_cache.hpp"

#include <cstdint>
#include <exception>

#include "core/atomic_file.hpp"
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

void put32(std::string& out, std::uint64_t value) {
  for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((value >> shift) & 0xFF);
}

void put_bytes(std::string& out, std::string_view bytes) {
  put32(out, bytes.size());
  out.append(bytes);
}

/// Reads an entry front to back; any read past its end fails the whole entry.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  std::optional<std::uint32_t> u32() {
    if (bytes_.size() - at_ < 4) return std::nullopt;
    std::uint32_t value = 0;
    for (int i = 3; i >= 0; --i) value = (value << 8) | static_cast<std::uint8_t>(bytes_[at_ + static_cast<std::size_t>(i)]);
    at_ += 4;
    return value;
  }
  std::optional<std::string_view> bytes() {
    const auto size = u32();
    if (!size || bytes_.size() - at_ < *size) return std::nullopt;
    const std::string_view out = bytes_.substr(at_, *size);
    at_ += *size;
    return out;
  }
  bool at_end() const { return at_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

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
  Reader in(body.substr(kMagic.size()));
  const auto width = in.u32();
  const auto height = in.u32();
  const auto components = in.u32();
  const auto encoding = in.u32();
  const auto predictors = in.u32();
  const auto profile = in.bytes();
  const auto data = in.bytes();
  if (!data || !in.at_end()) return std::nullopt;
  if (*components != 1 && *components != 3 && *components != 4) return std::nullopt;
  if (*encoding > static_cast<std::uint32_t>(document::Image::Encoding::flate) || *predictors > 1) return std::nullopt;
  if (*width == 0 || *height == 0 || profile->size() > core::kMaxIccBytes) return std::nullopt;
  if (*encoding == static_cast<std::uint32_t>(document::Image::Encoding::pixels) &&
      data->size() != std::uint64_t{*width} * *height * *components) {
    return std::nullopt;
  }
  document::Image image;
  image.width = *width;
  image.height = *height;
  image.components = static_cast<int>(*components);
  image.encoding = static_cast<document::Image::Encoding>(*encoding);
  image.png_predictors = *predictors == 1;
  if (image.png_predictors && image.encoding != document::Image::Encoding::flate) return std::nullopt;
  image.icc_profile = std::string(*profile);
  image.data = std::string(*data);
  return image;
}

std::filesystem::path PictureCache::entry_path(std::string_view file_digest) const {
  core::Fingerprint key;
  key.add(kMagic);
  key.add(core::deflate_version());  // another compressor may turn the same pixels into other bytes
  key.add(file_digest);
  std::string name = "picture-";
  static constexpr char kHex[] = "0123456789abcdef";
  for (const std::uint8_t byte : key.digest()) {
    name += kHex[byte >> 4];
    name += kHex[byte & 0xF];
  }
  return *folder_ / (name + ".bin");
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
