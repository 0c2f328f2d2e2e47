#include "pdf/embedded_images.hpp"

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
  for (const layout::Page& page : pages.pages) {
    for (const layout::Item& item : page.items) {
      const auto* shown = std::get_if<layout::ImageItem>(&item);
      if (!shown || embedded.count(shown->image.get())) continue;
      embedded.emplace(shown->image.get(), embed(pdf, *shown->image));
      fingerprint.add(shown->image->fingerprint);
    }
  }
  return embedded;
}

}  // namespace leafpress::pdf
