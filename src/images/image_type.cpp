#include "images/image_type.hpp"

#include <array>

namespace leafpress::images {
namespace {

bool starts_with(std::string_view bytes, std::string_view signature) { return bytes.substr(0, signature.size()) == signature; }

}  // namespace

std::optional<ImageType> image_type(std::string_view bytes) {
  // PNG §5.2: 137 80 78 71 13 10 26 10. JPEG (ITU T.81 §B.1.1.3): SOI (FF D8), then a marker.
  if (starts_with(bytes, std::string_view("\x89PNG\r\n\x1A\n", 8))) return ImageType::png;
  if (starts_with(bytes, "\xFF\xD8\xFF")) return ImageType::jpeg;
  return std::nullopt;
}

std::string other_format(std::string_view bytes) {
  struct Known {
    std::string_view signature;
    const char* name;
  };
  static constexpr std::array<Known, 9> kKnown{{
      {"GIF87a", "a GIF image"},
      {"GIF89a", "a GIF image"},
      {std::string_view("II*\0", 4), "a TIFF image"},
      {std::string_view("MM\0*", 4), "a TIFF image"},
      {"BM", "a BMP image"},
      {"%PDF", "a PDF file"},
      {"<svg", "an SVG drawing"},
      {"<?xml", "an XML file (an SVG drawing?)"},
      {"\x89PNG", "a damaged PNG image (its signature is cut or altered)"},
  }};
  for (const Known& known : kKnown) {
    if (starts_with(bytes, known.signature)) return known.name;
  }
  if (bytes.size() >= 12 && starts_with(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP") return "a WebP image";
  if (bytes.size() >= 12 && bytes.substr(4, 4) == "ftyp") return "an HEIF or AVIF image";
  return {};
}

}  // namespace leafpress::images
