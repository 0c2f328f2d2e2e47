#include "images/sample_stream.hpp"

#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <new>

#include "core/deflate.hpp"
#include "images/decode_jpeg.hpp"
#include "images/decode_png.hpp"

namespace leafpress::images {
namespace {

/// A picture is compressed once per leaflet, and kept in the cache folder across runs, so it
/// takes a level above the streams' own: libdeflate's 9 is as small as zlib's default and
/// faster (world-cancer-day's 2400 x 1600 figure: its poster 144,570 bytes and 724 M
/// instructions, against 144,457 and 877 M with zlib; level 6 adds 3.4 KB, level 10 takes 6x longer).
constexpr int kPictureDeflateLevel = 9;

std::optional<std::string> compressed(std::string_view bytes) {
  try {
    return core::Deflater(kPictureDeflateLevel).compressed(bytes);
  } catch (const std::bad_alloc&) {
    return std::nullopt;
  }
}

/// The stream inflated, if it holds exactly `expected` bytes.
std::optional<std::string> inflated(std::string_view stream, std::size_t expected) {
  std::string out(expected, '\0');
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return std::nullopt;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(stream.data()));
  z.avail_in = static_cast<uInt>(stream.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int status = inflate(&z, Z_FINISH);
  // A stream with more data than the picture needs stops short of its end: refused too.
  const bool whole = status == Z_STREAM_END && z.avail_out == 0;
  inflateEnd(&z);
  if (!whole) return std::nullopt;
  return out;
}

/// PNG §9.4: the Paeth predictor.
std::uint8_t paeth(int a, int b, int c) {
  const int p = a + b - c;
  const int pa = std::abs(p - a);
  const int pb = std::abs(p - b);
  const int pc = std::abs(p - c);
  if (pa <= pb && pa <= pc) return static_cast<std::uint8_t>(a);
  return static_cast<std::uint8_t>(pb <= pc ? b : c);
}

/// PNG §9.2: undoes each row's filter; `filtered` holds `height` rows of a filter-type byte
/// then `row` bytes of samples, `step` bytes a pixel. nullopt for an unknown filter type.
std::optional<std::string> unfiltered(std::string_view filtered, std::size_t row, std::size_t height,
                                      std::size_t step) {
  std::string out(row * height, '\0');
  auto* pixels = reinterpret_cast<std::uint8_t*>(out.data());
  const auto* in = reinterpret_cast<const std::uint8_t*>(filtered.data());
  for (std::size_t y = 0; y < height; ++y) {
    const std::uint8_t type = in[y * (row + 1)];
    const std::uint8_t* source = in + y * (row + 1) + 1;
    std::uint8_t* current = pixels + y * row;
    const std::uint8_t* above = y > 0 ? current - row : nullptr;
    for (std::size_t x = 0; x < row; ++x) {
      const int a = x >= step ? current[x - step] : 0;
      const int b = above ? above[x] : 0;
      const int c = above && x >= step ? above[x - step] : 0;
      int predicted = 0;
      switch (type) {
        case 0: predicted = 0; break;
        case 1: predicted = a; break;
        case 2: predicted = b; break;
        case 3: predicted = (a + b) / 2; break;
        case 4: predicted = paeth(a, b, c); break;
        default: return std::nullopt;
      }
      current[x] = static_cast<std::uint8_t>(source[x] + predicted);
    }
  }
  return out;
}

}  // namespace

void to_sample_stream(document::Image& image, std::string_view file) {
  if (image.encoding != document::Image::Encoding::pixels) return;
  // The smaller of the PNG's own stream and the pixels deflated without predictors: an
  // encoder's row filters pay off on photographs, but lose on a drawing of few colours
  // (the shipped checkpoint.png: 64,361 bytes as filtered, 39,760 deflated as they are).
  auto deflated = compressed(image.data);
  auto own = try_png_sample_stream(file);
  const bool keep_own = own && (!deflated || own->size() <= deflated->size());
  if (!keep_own && !deflated) return;  // out of memory: the pixels stay, which a PDF embeds too
  image.data = std::move(keep_own ? *own : *deflated);
  image.png_predictors = keep_own;
  image.encoding = document::Image::Encoding::flate;
}

std::optional<std::string> try_pixels(const document::Image& image) {
  const auto components = static_cast<std::size_t>(image.components);
  const std::size_t row = std::size_t{image.width} * components;
  const std::size_t size = row * image.height;
  switch (image.encoding) {
    case document::Image::Encoding::pixels:
      if (image.data.size() != size) return std::nullopt;
      return image.data;
    case document::Image::Encoding::jpeg: {
      auto pixels = try_jpeg_pixels(image.data);
      if (!pixels || pixels->size() != size) return std::nullopt;
      return pixels;
    }
    case document::Image::Encoding::flate: {
      if (!image.png_predictors) return inflated(image.data, size);
      const auto filtered = inflated(image.data, size + image.height);
      if (!filtered) return std::nullopt;
      return unfiltered(*filtered, row, image.height, components);
    }
  }
  return std::nullopt;
}

}  // namespace leafpress::images
