#include "pdf/embedded_images.hpp"

#include <algorithm>
#include <vector>

namespace leafpress::pdf {
namespace {

HPDF_Image embed(HpdfDocument& pdf, const document::Image& image) {
  const auto* data = reinterpret_cast<const HPDF_BYTE*>(image.data.data());
  if (image.encoding == document::Image::Encoding::jpeg) {
    return pdf.check(HPDF_LoadJpegImageFromMem(pdf.get(), data, static_cast<HPDF_UINT>(image.data.size())),
                     "embed a JPEG picture");
  }
  const HPDF_ColorSpace space = image.components == 1 ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB;
  return pdf.check(HPDF_LoadRawImageFromMem(pdf.get(), data, image.width, image.height, space, 8),
                   "embed a picture's pixels");
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
