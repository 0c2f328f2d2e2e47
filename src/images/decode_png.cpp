#include "images/decode_png.hpp"

#include <png.h>
#include <zlib.h>

#include <cstdint>
#include <optional>
#include <string>

#include "core/icc_profile.hpp"

namespace leafpress::images {
namespace {

std::uint32_t be32(std::string_view bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

bool is_chunk_type(std::string_view type) {
  for (const char c : type) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
  }
  return true;
}

/// Walks the chunks (PNG §5.3: length, type, data, CRC) to say exactly where a file is cut
/// or damaged; libpng says "Not enough image data" or, for data bytes changed, whatever zlib
/// meets first ("incorrect data check"). Empty when every chunk is whole and matches its
/// CRC up to IEND, or when a chunk's type is garbage (libpng then names the damage).
std::string damage(std::string_view bytes) {
  std::uint64_t at = 8;
  while (at + 8 <= bytes.size()) {
    const std::uint64_t length = be32(bytes, at);
    const std::string_view type = bytes.substr(at + 4, 4);
    if (!is_chunk_type(type)) return {};
    const std::uint64_t end = at + 12 + length;
    const std::string name = "'" + std::string(type) + "' chunk";
    if (end > bytes.size()) {
      return "is truncated: its " + name + " ends at byte " + std::to_string(end) + ", past the end of the file (" +
             std::to_string(bytes.size()) + " bytes)";
    }
    // PNG §5.3: the CRC covers the type and the data.
    const auto* covered = reinterpret_cast<const Bytef*>(bytes.data() + at + 4);
    const auto crc = static_cast<std::uint32_t>(crc32(0, covered, static_cast<uInt>(length + 4)));
    if (crc != be32(bytes, at + 8 + length)) {
      return "is damaged: the " + name + " at byte " + std::to_string(at) + " does not match its checksum";
    }
    if (type == "IEND") return {};
    at = end;
  }
  return "is truncated: the file ends after " + std::to_string(bytes.size()) + " bytes, before its 'IEND' chunk";
}

/// The data of the first chunk of `wanted` type, or nullopt; only after damage() found the
/// chunks whole.
std::optional<std::string_view> chunk(std::string_view bytes, std::string_view wanted) {
  for (std::uint64_t at = 8; at + 8 <= bytes.size();) {
    const std::uint64_t length = be32(bytes, at);
    const std::string_view type = bytes.substr(at + 4, 4);
    if (at + 12 + length > bytes.size()) return std::nullopt;
    if (type == wanted) return bytes.substr(at + 8, length);
    if (type == "IDAT" || type == "IEND") return std::nullopt;  // iCCP and gAMA come before the pixels
    at += 12 + length;
  }
  return std::nullopt;
}

/// The ICC profile of an iCCP chunk (PNG §11.3.3.3: a name, a NUL, compression method 0,
/// then the zlib-compressed profile), inflated to at most core::kMaxIccBytes; empty when
/// there is none or it cannot be read. Kept only when the file has no gAMA chunk: libpng's
/// simplified API would apply that gamma to the samples, which would then no longer be in
/// the profile's encoding.
std::string embedded_profile(std::string_view bytes) {
  const auto iccp = chunk(bytes, "iCCP");
  if (!iccp || chunk(bytes, "gAMA")) return {};
  const auto nul = iccp->find('\0');
  if (nul == std::string_view::npos || nul + 2 > iccp->size() || (*iccp)[nul + 1] != 0) return {};
  const std::string_view compressed = iccp->substr(nul + 2);
  z_stream stream{};
  if (inflateInit(&stream) != Z_OK) return {};
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  std::string profile;
  int status = Z_OK;
  while (status == Z_OK && profile.size() < core::kMaxIccBytes) {
    char block[65536];
    stream.next_out = reinterpret_cast<Bytef*>(block);
    stream.avail_out = sizeof block;
    status = inflate(&stream, Z_NO_FLUSH);
    profile.append(block, sizeof block - stream.avail_out);
  }
  inflateEnd(&stream);
  return status == Z_STREAM_END && profile.size() <= core::kMaxIccBytes ? profile : std::string();
}

/// The data of every chunk of `wanted` type, joined; only after damage() found the chunks
/// whole.
std::string joined_chunks(std::string_view bytes, std::string_view wanted) {
  std::string joined;
  for (std::uint64_t at = 8; at + 12 <= bytes.size();) {
    const std::uint64_t length = be32(bytes, at);
    if (at + 12 + length > bytes.size()) break;
    if (bytes.substr(at + 4, 4) == wanted) joined.append(bytes.substr(at + 8, length));
    at += 12 + length;
  }
  return joined;
}

/// Whether the file has a chunk of `wanted` type anywhere.
bool has_chunk(std::string_view bytes, std::string_view wanted) {
  for (std::uint64_t at = 8; at + 12 <= bytes.size();) {
    const std::uint64_t length = be32(bytes, at);
    if (bytes.substr(at + 4, 4) == wanted) return true;
    at += 12 + length;
  }
  return false;
}

/// Frees the png_image however decoding ends (png_image_free may be called more than once).
struct PngImage {
  png_image image{};
  PngImage() { image.version = PNG_IMAGE_VERSION; }
  ~PngImage() { png_image_free(&image); }
  PngImage(const PngImage&) = delete;
  PngImage& operator=(const PngImage&) = delete;
};

}  // namespace

std::optional<std::string> try_png_sample_stream(std::string_view bytes) {
  // PNG §11.2.2: IHDR is width, height, bit depth, colour type, compression, filter, interlace.
  if (bytes.size() < 33 || bytes.substr(12, 4) != "IHDR") return std::nullopt;
  const auto depth = static_cast<unsigned char>(bytes[24]);
  const auto color_type = static_cast<unsigned char>(bytes[25]);
  const auto interlace = static_cast<unsigned char>(bytes[28]);
  if (depth != 8 || (color_type != 0 && color_type != 2) || interlace != 0) return std::nullopt;
  if (has_chunk(bytes, "tRNS")) return std::nullopt;  // transparency: decode_png flattens it onto white
  // libpng's simplified API converts samples of another gamma to sRGB's (1/2.2, stored as
  // 45455, PNG §11.3.3.2); sRGB's own leaves them as they are.
  if (const auto gamma = chunk(bytes, "gAMA"); gamma && (gamma->size() != 4 || be32(*gamma, 0) != 45455)) {
    return std::nullopt;
  }
  std::string stream = joined_chunks(bytes, "IDAT");
  if (stream.empty()) return std::nullopt;
  return stream;
}

Decoded decode_png(std::string_view bytes, std::size_t max_pixels) {
  // PNG §11.2.2: IHDR comes first, its width and height at bytes 16 and 20. Checked here
  // rather than by libpng, whose own limit (a million pixels a side) says "exceeds user limit".
  if (bytes.size() >= 24 && bytes.substr(12, 4) == "IHDR") {
    const std::uint64_t width = be32(bytes, 16);
    const std::uint64_t height = be32(bytes, 20);
    if (width * height > max_pixels) return too_many_pixels(width, height, max_pixels);
  }
  if (std::string problem = damage(bytes); !problem.empty()) {
    return refused(std::move(problem), "export the picture again from the program that made it");
  }
  PngImage png;
  const auto damaged = [&] {
    return refused("is a damaged PNG: " + std::string(png.image.message),
                   "export the picture again from the program that made it");
  };
  if (!png_image_begin_read_from_memory(&png.image, bytes.data(), bytes.size())) return damaged();
  const std::uint64_t pixels = std::uint64_t{png.image.width} * png.image.height;
  if (pixels > max_pixels) return too_many_pixels(png.image.width, png.image.height, max_pixels);

  // A 16-bit PNG without gAMA or sRGB chunk is sRGB like any other, not linear light as
  // libpng would otherwise assume (its mid-grey would come out pale).
  png.image.flags |= PNG_IMAGE_FLAG_16BIT_sRGB;
  Decoded decoded;
  document::Image& image = decoded.image;
  const bool color = (png.image.format & PNG_FORMAT_FLAG_COLOR) != 0;
  png.image.format = color ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
  image.width = png.image.width;
  image.height = png.image.height;
  image.components = color ? 3 : 1;
  image.encoding = document::Image::Encoding::pixels;
  // White underneath: alpha composes onto it (for grey output libpng reads the green).
  image.data.assign(PNG_IMAGE_SIZE(png.image), '\xFF');
  const png_color white{255, 255, 255};
  if (!png_image_finish_read(&png.image, &white, image.data.data(), 0, nullptr)) return damaged();
  image.icc_profile = embedded_profile(bytes);
  return decoded;
}

}  // namespace leafpress::images
