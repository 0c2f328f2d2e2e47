#include "support/image_fixtures.hpp"

#include <png.h>
#include <zlib.h>
// jpeglib.h needs size_t and FILE declared first.
#include <cstdio>
#include <jpeglib.h>

#include <cstdlib>
#include <stdexcept>
#include <vector>

namespace leafpress::testing {
namespace {

void put_be32(std::string& bytes, std::size_t at, std::uint32_t value) {
  for (std::size_t i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>((value >> (24 - 8 * i)) & 0xFF);
}

std::uint32_t be32(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

/// Recomputes the CRC of the chunk at `at` (PNG §5.3: over type and data).
void fix_crc(std::string& png, std::size_t at) {
  const std::uint32_t length = be32(png, at);
  const auto* start = reinterpret_cast<const Bytef*>(png.data() + at + 4);
  put_be32(png, at + 8 + length, static_cast<std::uint32_t>(crc32(0, start, static_cast<uInt>(length + 4))));
}

std::size_t chunk_at(const std::string& png, const std::string& type) {
  for (std::size_t at = 8; at + 8 <= png.size(); at += 12 + be32(png, at)) {
    if (png.compare(at + 4, 4, type) == 0) return at;
  }
  throw std::runtime_error("no " + type + " chunk");
}

}  // namespace

namespace {

std::string write_png(unsigned width, unsigned height, png_uint_32 format, int channels, const PixelFunction& pixel) {
  std::vector<unsigned char> pixels;
  for (unsigned y = 0; y < height; ++y) {
    for (unsigned x = 0; x < width; ++x) {
      const Rgba rgba = pixel(x, y);
      pixels.insert(pixels.end(), rgba.begin(), rgba.begin() + channels);
    }
  }
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = width;
  image.height = height;
  image.format = format;
  png_alloc_size_t size = 0;
  if (!png_image_write_to_memory(&image, nullptr, &size, 0, pixels.data(), 0, nullptr)) {
    throw std::runtime_error(std::string("libpng: ") + image.message);
  }
  std::string png(size, '\0');
  if (!png_image_write_to_memory(&image, png.data(), &size, 0, pixels.data(), 0, nullptr)) {
    throw std::runtime_error(std::string("libpng: ") + image.message);
  }
  png.resize(size);
  return png;
}

}  // namespace

std::string make_png(unsigned width, unsigned height, const PixelFunction& pixel) {
  return write_png(width, height, PNG_FORMAT_RGBA, 4, pixel);
}

std::string make_opaque_png(unsigned width, unsigned height, int channels, const PixelFunction& pixel) {
  return write_png(width, height, channels == 1 ? PNG_FORMAT_GRAY : PNG_FORMAT_RGB, channels, pixel);
}

std::string make_jpeg(unsigned width, unsigned height, int quality, const PixelFunction& pixel) {
  // Fixtures the test makes itself: libjpeg's default error handling (print, exit) is enough.
  jpeg_compress_struct info{};
  jpeg_error_mgr errors{};
  info.err = jpeg_std_error(&errors);
  jpeg_create_compress(&info);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&info, &buffer, &size);
  info.image_width = width;
  info.image_height = height;
  info.input_components = 3;
  info.in_color_space = JCS_RGB;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, quality, TRUE);
  jpeg_start_compress(&info, TRUE);
  std::vector<unsigned char> row(static_cast<std::size_t>(width) * 3);
  while (info.next_scanline < height) {
    for (unsigned x = 0; x < width; ++x) {
      const Rgba rgba = pixel(x, info.next_scanline);
      std::copy(rgba.begin(), rgba.begin() + 3, row.begin() + 3 * x);
    }
    JSAMPROW rows[1] = {row.data()};
    jpeg_write_scanlines(&info, rows, 1);
  }
  jpeg_finish_compress(&info);
  jpeg_destroy_compress(&info);
  std::string jpeg(reinterpret_cast<const char*>(buffer), size);
  std::free(buffer);
  return jpeg;
}

std::string with_png_size(std::string png, std::uint32_t width, std::uint32_t height) {
  const std::size_t ihdr = chunk_at(png, "IHDR");
  put_be32(png, ihdr + 8, width);
  put_be32(png, ihdr + 12, height);
  fix_crc(png, ihdr);
  return png;
}

std::string with_damaged_idat(std::string png, std::size_t offset, std::size_t count) {
  const std::size_t idat = chunk_at(png, "IDAT");
  for (std::size_t i = 0; i < count && offset + i < be32(png, idat); ++i) {
    char& byte = png[idat + 8 + offset + i];
    byte = static_cast<char>(~byte);
  }
  fix_crc(png, idat);
  return png;
}

}  // namespace leafpress::testing

namespace leafpress::testing {

std::string with_png_profile(std::string png, const std::string& profile) {
  // PNG §11.3.3.3: iCCP is a name, a NUL, compression method 0 and the zlib-compressed
  // profile, before the first IDAT; here right after IHDR (8 + 25 bytes in).
  std::vector<Bytef> compressed(compressBound(static_cast<uLong>(profile.size())));
  uLongf size = static_cast<uLongf>(compressed.size());
  if (compress(compressed.data(), &size, reinterpret_cast<const Bytef*>(profile.data()),
               static_cast<uLong>(profile.size())) != Z_OK) {
    throw std::runtime_error("zlib cannot compress the profile");
  }
  std::string data = std::string("ICC profile") + '\0' + '\0';
  data.append(reinterpret_cast<const char*>(compressed.data()), size);
  std::string chunk(8, '\0');
  put_be32(chunk, 0, static_cast<std::uint32_t>(data.size()));
  chunk.replace(4, 4, "iCCP");
  chunk += data + std::string(4, '\0');
  fix_crc(chunk, 0);
  const std::size_t after_header = chunk_at(png, "IHDR") + 12 + be32(png, chunk_at(png, "IHDR"));
  png.insert(after_header, chunk);
  return png;
}

std::string with_jpeg_profile(std::string jpeg, const std::string& profile) {
  // ICC.1:2010 Annex B.4: an APP2 marker holding "ICC_PROFILE\0", the chunk's number and the
  // count of chunks (one here: profiles under 64 KB), then the profile; right after SOI.
  if (profile.size() > 65519) throw std::runtime_error("profile too large for one APP2 marker");
  std::string marker = "\xFF\xE2";
  const std::size_t length = 2 + 12 + 2 + profile.size();
  marker += static_cast<char>(length >> 8);
  marker += static_cast<char>(length & 0xFF);
  marker += std::string("ICC_PROFILE") + '\0' + '\x01' + '\x01';
  marker += profile;
  jpeg.insert(2, marker);
  return jpeg;
}

}  // namespace leafpress::testing
