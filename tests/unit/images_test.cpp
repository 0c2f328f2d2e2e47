#include <catch2/catch.hpp>

#include "core/limits.hpp"
#include "core/read_file.hpp"
#include "images/decode_jpeg.hpp"
#include "images/decode_png.hpp"
#include "images/encode_qr.hpp"
#include "images/image_files.hpp"
#include "images/image_type.hpp"
#include "images/picture_cache.hpp"
#include "images/sample_stream.hpp"
#include "layout/page.hpp"
#include "support/image_fixtures.hpp"
#include "support/scratch_dir.hpp"

using namespace leafpress;
using leafpress::testing::make_jpeg;
using leafpress::testing::make_opaque_png;
using leafpress::testing::make_png;
using leafpress::testing::Rgba;

namespace {

constexpr std::size_t kLimit = core::Limits::kDefaultMaxImagePixels;

/// Left half opaque red, right half: top row fully transparent, the rest half-transparent blue.
Rgba halves(unsigned x, unsigned y) {
  if (x < 4) return {255, 0, 0, 255};
  return y == 0 ? Rgba{0, 0, 0, 0} : Rgba{0, 0, 255, 128};
}

Rgba gradient(unsigned x, unsigned y) {
  return {static_cast<unsigned char>(x * 8), static_cast<unsigned char>(y * 8), 128, 255};
}

std::array<int, 3> rgb_at(const document::Image& image, unsigned x, unsigned y) {
  const std::size_t at = (static_cast<std::size_t>(y) * image.width + x) * 3;
  return {static_cast<unsigned char>(image.data[at]), static_cast<unsigned char>(image.data[at + 1]),
          static_cast<unsigned char>(image.data[at + 2])};
}

}  // namespace

TEST_CASE("pictures are told apart by their first bytes, whatever their name", "[images]") {
  CHECK(images::image_type(make_png(2, 2, gradient)) == images::ImageType::png);
  CHECK(images::image_type(make_jpeg(8, 8, 90, gradient)) == images::ImageType::jpeg);
  CHECK_FALSE(images::image_type("GIF89a..."));
  CHECK(images::other_format("GIF89a\x01\x00") == "a GIF image");
  CHECK(images::other_format("<svg xmlns=") == "an SVG drawing");
  CHECK(images::other_format(std::string_view("RIFF\x10\x00\x00\x00WEBPVP8 ", 16)) == "a WebP image");
  CHECK(images::other_format("RIFF") == "");  // too short to say
  CHECK(images::other_format("just some words") == "");
}

TEST_CASE("a PNG is decoded whole, its alpha flattened onto white", "[images]") {
  const images::Decoded decoded = images::decode_png(make_png(8, 3, halves), kLimit);
  REQUIRE(decoded.ok());
  const document::Image& image = decoded.image;
  CHECK(image.width == 8);
  CHECK(image.height == 3);
  CHECK(image.components == 3);
  CHECK(image.encoding == document::Image::Encoding::pixels);
  CHECK(image.data.size() == 8 * 3 * 3);
  CHECK(rgb_at(image, 0, 0) == std::array<int, 3>{255, 0, 0});
  CHECK(rgb_at(image, 6, 0) == std::array<int, 3>{255, 255, 255});  // transparent: the paper
  // Half-covered blue, composed in linear light as libpng does: a light blue, never dark.
  const auto blue = rgb_at(image, 6, 2);
  CHECK(blue[2] == 255);
  CHECK(blue[0] == blue[1]);
  CHECK(blue[0] > 150);
  CHECK(blue[0] < 220);
}

TEST_CASE("a PNG over the pixel limit is refused from its header alone", "[images]") {
  // 100,000 x 100,000 pixels would be 30 GB decoded; the file is a few hundred bytes.
  const std::string huge = testing::with_png_size(make_png(4, 4, gradient), 100000, 100000);
  const images::Decoded decoded = images::decode_png(huge, kLimit);
  CHECK(decoded.problem == "is 100,000 x 100,000 pixels (10,000,000,000), over the limit of 40,000,000");
  CHECK(images::decode_png(make_png(40, 30, gradient), 1199).problem ==
        "is 40 x 30 pixels (1,200), over the limit of 1,199");
  CHECK(images::decode_png(make_png(40, 30, gradient), 1200).ok());
}

TEST_CASE("a truncated or damaged PNG says what is wrong with it", "[images]") {
  const std::string png = make_png(64, 64, gradient);
  const images::Decoded cut = images::decode_png(png.substr(0, 100), kLimit);
  CHECK(cut.problem.rfind("is truncated: its 'IDAT' chunk ends at byte ", 0) == 0);
  CHECK(cut.problem.find(", past the end of the file (100 bytes)") != std::string::npos);
  const std::string no_end = png.substr(0, png.size() - 12);
  CHECK(images::decode_png(no_end, kLimit).problem ==
        "is truncated: the file ends after " + std::to_string(no_end.size()) + " bytes, before its 'IEND' chunk");
  const images::Decoded damaged = images::decode_png(testing::with_damaged_idat(png, 10, 40), kLimit);
  CHECK(damaged.problem.rfind("is a damaged PNG: ", 0) == 0);
  std::string bad_crc = png;
  bad_crc[bad_crc.size() - 16] ^= 1;  // IDAT's CRC, just before the 12 bytes of IEND
  const std::size_t idat = png.find("IDAT") - 4;
  CHECK(images::decode_png(bad_crc, kLimit).problem ==
        "is damaged: the 'IDAT' chunk at byte " + std::to_string(idat) + " does not match its checksum");
}

TEST_CASE("a JPEG is checked scan by scan and kept as it is", "[images]") {
  const std::string jpeg = make_jpeg(40, 24, 85, gradient);
  const images::Decoded decoded = images::decode_jpeg(jpeg, kLimit);
  REQUIRE(decoded.ok());
  CHECK(decoded.image.width == 40);
  CHECK(decoded.image.height == 24);
  CHECK(decoded.image.components == 3);
  CHECK(decoded.image.encoding == document::Image::Encoding::jpeg);
  CHECK(decoded.image.data == jpeg);  // passed through: no second lossy coding

  CHECK(images::decode_jpeg(jpeg.substr(0, jpeg.size() / 2), kLimit).problem ==
        "is truncated: the file ends after " + std::to_string(jpeg.size() / 2) +
            " bytes, before the picture is complete");
  CHECK(images::decode_jpeg(jpeg.substr(0, 3), kLimit).problem ==
        "is truncated: the file ends after 3 bytes, before the picture is complete");
  CHECK(images::decode_jpeg(jpeg, 40 * 24 - 1).problem == "is 40 x 24 pixels (960), over the limit of 959");
  // Scrambled entropy-coded data: libjpeg warns and goes on; for print it is an error.
  std::string scrambled = jpeg;
  for (std::size_t i = scrambled.size() - 200; i < scrambled.size() - 100; ++i) scrambled[i] = '\x00';
  CHECK(images::decode_jpeg(scrambled, kLimit).problem.rfind("is a damaged JPEG: ", 0) == 0);
}

TEST_CASE("pictures are read once, however many figures show them, and stay in the folder", "[images]") {
  testing::ScratchDir dir;
  dir.write("x/images/a.png", make_png(4, 4, gradient));
  dir.write("outside.png", make_png(4, 4, gradient));
  const core::Limits limits;
  images::ImageFiles files(dir.path() / "x", limits);
  core::Diagnostics diags;
  const auto first = files.read("images/a.png", {"x/leaflet.yaml", 5, 13}, diags);
  const auto again = files.read("images/../images/a.png", {"x/leaflet.yaml", 9, 13}, diags);
  REQUIRE(first);
  CHECK(first == again);
  CHECK(first->file == "images/a.png");
  CHECK(first->fingerprint.size() == 16);
  CHECK_FALSE(diags.has_errors());
  CHECK_FALSE(files.read("../outside.png", {"x/leaflet.yaml", 12, 13}, diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message == "image '../outside.png' is outside the leaflet folder");
  core::Limits open = limits;
  open.allow_outside = true;
  images::ImageFiles allowed(dir.path() / "x", open);
  CHECK(allowed.read("../outside.png", {"x/leaflet.yaml", 12, 13}, diags));
}

TEST_CASE("a QR code has its finder patterns in three corners", "[images]") {
  const auto code = images::encode_qr("https://www.inserm.fr/dossier/immunotherapie-cancer/");
  REQUIRE(code);
  CHECK(code->size == 33);  // version 4: 51 bytes at level M
  CHECK(code->dark.size() == 33u * 33u);
  // ISO/IEC 18004 §6.3.3: a 7 x 7 dark ring, a light ring, a 3 x 3 dark centre.
  for (const auto& [left, top] : {std::pair{0, 0}, std::pair{26, 0}, std::pair{0, 26}}) {
    for (int i = 0; i < 7; ++i) {
      CHECK(code->is_dark(left + i, top));
      CHECK(code->is_dark(left + i, top + 6));
      CHECK(code->is_dark(left, top + i));
      CHECK(code->is_dark(left + 6, top + i));
    }
    CHECK_FALSE(code->is_dark(left + 1, top + 1));
    CHECK(code->is_dark(left + 3, top + 3));
  }
  for (int i = 0; i < 8; ++i) {  // the light separator around the top-left pattern
    CHECK_FALSE(code->is_dark(7, i));
    CHECK_FALSE(code->is_dark(i, 7));
  }
  CHECK_FALSE(images::encode_qr(std::string(8000, 'a')));
}

TEST_CASE("mirroring moves a picture's or a QR code's box, never what is inside", "[images][layout]") {
  auto squares = std::make_shared<const std::vector<layout::Rect>>(std::vector<layout::Rect>{{0, 0, 10, 2}});
  std::vector<layout::Item> items{layout::ImageItem{20, 30, 100, 50, nullptr, 3},
                                  layout::RectGroupItem{10, 5, 40, 40, {}, 4, squares}};
  layout::mirror_horizontally(items, 500);
  const auto& image = std::get<layout::ImageItem>(items[0]);
  CHECK(image.x == 380);
  CHECK(image.y == 30);
  CHECK(image.width == 100);
  const auto& group = std::get<layout::RectGroupItem>(items[1]);
  CHECK(group.x == 450);
  CHECK((*group.rects)[0].x == 0);  // the code reads the same: it is not flipped
  layout::translate(items, 5, 7);
  CHECK(std::get<layout::ImageItem>(items[0]).y == 37);
  CHECK(std::get<layout::RectGroupItem>(items[1]).x == 455);
}

TEST_CASE("counts are written in groups of three", "[core]") {
  CHECK(core::format_count(0) == "0");
  CHECK(core::format_count(999) == "999");
  CHECK(core::format_count(1000) == "1,000");
  CHECK(core::format_count(40000000) == "40,000,000");
  CHECK(core::format_count(10000000000ULL) == "10,000,000,000");
}

TEST_CASE("damaged pictures of every kind are refused, never crash", "[images]") {
  // Deterministic damage: bytes flipped, runs zeroed, files cut, headers made to lie. Under
  // the sanitizers this is where a longjmp over C++ frames or a read past a buffer would show.
  const std::string png = make_png(48, 32, gradient);
  const std::string jpeg = make_jpeg(48, 32, 80, gradient);
  std::uint32_t state = 12345;
  const auto next = [&] {
    state = state * 1664525u + 1013904223u;  // Numerical Recipes' LCG
    return state >> 8;
  };
  std::size_t refused = 0;
  for (int round = 0; round < 400; ++round) {
    for (const std::string* original : {&png, &jpeg}) {
      std::string damaged = *original;
      switch (round % 3) {
        case 0:
          for (int k = 0; k < 4; ++k) damaged[8 + next() % (damaged.size() - 8)] ^= static_cast<char>(1 + next() % 255);
          break;
        case 1:
          damaged.resize(next() % damaged.size());
          break;
        default:
          std::fill_n(damaged.begin() + 20 + next() % (damaged.size() - 60), 1 + next() % 30, '\0');
      }
      const images::Decoded decoded =
          original == &png ? images::decode_png(damaged, kLimit) : images::decode_jpeg(damaged, kLimit);
      if (!decoded.ok()) {
        ++refused;
        CHECK_FALSE(decoded.problem.empty());
      } else {
        CHECK(decoded.image.width > 0);
      }
    }
  }
  CHECK(refused > 400);
}

namespace {

/// Smooth but never repeating, as a photograph is: PNG's row filters pay off on it.
Rgba smooth(unsigned x, unsigned y) {
  return {static_cast<unsigned char>((x * x / 97 + y * y / 53) % 256), static_cast<unsigned char>((x * 3 + y) % 256),
          static_cast<unsigned char>((x * y / 31) % 256), 255};
}

/// Two colours in stripes, as a drawing is: the pixels deflated as they are win.
Rgba stripes(unsigned x, unsigned y) {
  return (x / 7 + y / 5) % 2 ? Rgba{11, 110, 117, 255} : Rgba{243, 248, 248, 255};
}

}  // namespace

TEST_CASE("a picture's samples go into its PDF stream once, and come back out the same", "[images]") {
  for (const int channels : {1, 3}) {
    for (const auto& [name, pixel] : {std::pair<const char*, testing::PixelFunction>{"smooth", smooth},
                                      std::pair<const char*, testing::PixelFunction>{"stripes", stripes}}) {
      INFO(name << ", " << channels << " channels");
      const std::string file = make_opaque_png(211, 67, channels, pixel);
      const images::Decoded decoded = images::decode_png(file, kLimit);
      REQUIRE(decoded.ok());
      REQUIRE(images::try_png_sample_stream(file));
      document::Image image = decoded.image;
      images::to_sample_stream(image, file);
      CHECK(image.encoding == document::Image::Encoding::flate);
      // The PNG's own stream where it is the smaller, as photographs' are; never the larger.
      if (std::string(name) == "smooth") CHECK(image.png_predictors);
      CHECK(image.data.size() <= images::try_png_sample_stream(file)->size());
      CHECK(images::try_pixels(image) == decoded.image.data);
    }
  }
}

TEST_CASE("a drawing of few colours goes in deflated as it is, smaller than its PNG's own stream", "[images]") {
  // The shipped checkpoint.png: 64,361 bytes of IDAT, its pixels deflated 39,760.
  const auto file = core::try_read_file(std::string(LEAFPRESS_SOURCE_DIR) + "/leaflets/immunotherapy/images/checkpoint.png");
  REQUIRE(file);
  const images::Decoded decoded = images::decode_png(*file, kLimit);
  REQUIRE(decoded.ok());
  document::Image image = decoded.image;
  images::to_sample_stream(image, *file);
  CHECK(image.encoding == document::Image::Encoding::flate);
  CHECK_FALSE(image.png_predictors);
  CHECK(image.data.size() < images::try_png_sample_stream(*file)->size());
  CHECK(images::try_pixels(image) == decoded.image.data);
}

TEST_CASE("only a PNG whose samples are its pixels keeps its own stream", "[images]") {
  CHECK_FALSE(images::try_png_sample_stream(make_png(8, 8, smooth)));  // alpha: flattened onto white
  std::string png = make_opaque_png(8, 8, 3, smooth);
  CHECK(images::try_png_sample_stream(png));
  // A gamma of 1.0 (gAMA 100000) has libpng correct the samples: they are not the pixels.
  const std::size_t idat = png.find("IDAT") - 4;
  std::string gamma("\0\0\0\4gAMA\0\x01\x86\xA0\0\0\0\0", 16);
  png.insert(idat, gamma);
  CHECK_FALSE(images::try_png_sample_stream(png));
}

TEST_CASE("a cached picture is read back whole, and a damaged entry is no entry", "[images]") {
  const std::string file = make_opaque_png(40, 30, 3, smooth);
  document::Image image = images::decode_png(file, kLimit).image;
  images::to_sample_stream(image, file);
  const std::string entry = images::serialize_picture(image);
  const auto back = images::deserialize_picture(entry);
  REQUIRE(back);
  CHECK(images::serialize_picture(*back) == entry);
  CHECK(back->data == image.data);
  CHECK(back->png_predictors == image.png_predictors);
  for (const std::size_t at : {std::size_t{0}, std::size_t{25}, entry.size() / 2, entry.size() - 1}) {
    std::string damaged = entry;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x20);
    CHECK_FALSE(images::deserialize_picture(damaged));
  }
  CHECK_FALSE(images::deserialize_picture(entry.substr(0, entry.size() - 1)));
  CHECK_FALSE(images::deserialize_picture(""));

  testing::ScratchDir dir;
  const images::PictureCache cache(dir.path() / "cache");
  CHECK_FALSE(cache.find("0123", 1 << 20));
  cache.store("0123", image);
  const auto found = cache.find("0123", 1 << 20);
  REQUIRE(found);
  CHECK(found->data == image.data);
  CHECK_FALSE(cache.find("0123", entry.size() - 1));  // over the size a picture of its kind needs: not read
  CHECK_FALSE(images::PictureCache(std::nullopt).find("0123", 1 << 20));
}
