#include "pdf/embedded_images.hpp"

#include <algorithm>
#include <vector>

#include "core/icc_profile.hpp"

namespace leafpress::pdf {
namespace {

HPDF_ColorSpace device_space(int components) {
  if (components == 1) return HPDF_CS_DEVICE_GRAY;
  return components == 4 ? HPDF_CS_DEVICE_CMYK : HPDF_CS_DEVICE_RGB;
}

/// ISO 32000-1 §8.6.5.5: the picture's own profile as an ICCBased colour space, when
/// LittleCMS reads it and it is of the picture's colour space; else the device space stays.
void keep_profile(HpdfDocument& pdf, HPDF_Image object, const document::Image& image) {
  if (image.icc_profile.empty()) return;
  std::string problem;
  const auto profile = core::try_read_icc_profile(image.icc_profile, problem);
  if (!profile || profile->components != image.components) return;
  HPDF_Dict stream = pdf.stream(*profile->bytes);
  pdf.check(HPDF_Dict_AddNumber(stream, "N", profile->components), "write a picture's profile");
  const char* alternate = image.components == 1 ? "DeviceGray" : image.components == 3 ? "DeviceRGB" : "DeviceCMYK";
  pdf.check(HPDF_Dict_AddName(stream, "Alternate", alternate), "write a picture's profile");
  HPDF_Array space = pdf.array();
  pdf.check(HPDF_Array_AddName(space, "ICCBased"), "write a picture's profile");
  pdf.check(HPDF_Array_Add(space, stream), "write a picture's profile");
  pdf.check(HPDF_Dict_Add(object, "ColorSpace", space), "write a picture's profile");
}

HPDF_Image embed(HpdfDocument& pdf, const document::Image& image) {
  const auto* data = reinterpret_cast<const HPDF_BYTE*>(image.data.data());
  HPDF_Image object = nullptr;
  if (image.encoding == document::Image::Encoding::jpeg) {
    object = pdf.check(HPDF_LoadJpegImageFromMem(pdf.get(), data, static_cast<HPDF_UINT>(image.data.size())),
                       "embed a JPEG picture");
  } else {
    object = pdf.check(
        HPDF_LoadRawImageFromMem(pdf.get(), data, image.width, image.height, device_space(image.components), 8),
        "embed a picture's pixels");
  }
  keep_profile(pdf, object, image);
  return object;
}

}  // namespace

EmbeddedImages embed_images(HpdfDocument& pdf, const layout::Pages& pages, core::Fingerprint& fingerprint) {
  EmbeddedImages embedded;
  // Two files with the same bytes (a copy under another name) are one picture too.
  std::vector<std::pair<const document::Image*, HPDF_Image>> distinct;
  for (const layout::Page& page : pages.pages) {
    for (const layout::Item& item : page.items) {
      const auto* shown = std::get_if<layout::ImageItem>(&item);
      if (!shown || embedded.count(shown->image.get())) continue;
      const document::Image& image = *shown->image;
      const auto same = std::find_if(distinct.begin(), distinct.end(), [&](const auto& known) {
        return known.first->fingerprint == image.fingerprint && known.first->width == image.width &&
               known.first->components == image.components && known.first->encoding == image.encoding &&
               known.first->data == image.data;
      });
      if (same != distinct.end()) {
        embedded.emplace(&image, same->second);
        continue;
      }
      const HPDF_Image object = embed(pdf, image);
      embedded.emplace(&image, object);
      distinct.emplace_back(&image, object);
      fingerprint.add(image.fingerprint);
    }
  }
  return embedded;
}

}  // namespace leafpress::pdf
