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

/// libharu names a stream's filter only when it applies that filter itself, and drops any
/// /Filter entry of a stream it copies as it is: the entry is written from the dictionary's
/// write hook instead, which libharu calls after the other entries. A C callback: no throw.
HPDF_STATUS write_flate_filter(HPDF_Dict dict, HPDF_Stream stream) {
  (void)dict;
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

/// ISO 32000-1 §8.9.5: an image XObject around a Flate stream made once for the leaflet
/// (images::to_sample_stream), copied as it is: libharu compresses nothing again.
HPDF_Image flate_image(HpdfDocument& pdf, const document::Image& image) {
  HPDF_Dict object = pdf.stream(image.data, false);
  object->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
  object->write_fn = write_flate_filter;
  const char* step = "embed a picture's samples";
  pdf.check(HPDF_Dict_AddName(object, "Type", "XObject"), step);
  pdf.check(HPDF_Dict_AddName(object, "Subtype", "Image"), step);
  pdf.check(HPDF_Dict_AddNumber(object, "Width", static_cast<HPDF_INT32>(image.width)), step);
  pdf.check(HPDF_Dict_AddNumber(object, "Height", static_cast<HPDF_INT32>(image.height)), step);
  const char* space = image.components == 1 ? "DeviceGray" : image.components == 3 ? "DeviceRGB" : "DeviceCMYK";
  pdf.check(HPDF_Dict_AddName(object, "ColorSpace", space), step);
  pdf.check(HPDF_Dict_AddNumber(object, "BitsPerComponent", 8), step);
  if (image.png_predictors) {
    // §7.4.4.4: PNG predictors, the filter chosen row by row (Predictor 15).
    HPDF_Dict parameters = pdf.check(HPDF_Dict_New(pdf.mmgr()), step);
    pdf.check(HPDF_Dict_AddNumber(parameters, "Predictor", 15), step);
    pdf.check(HPDF_Dict_AddNumber(parameters, "Colors", image.components), step);
    pdf.check(HPDF_Dict_AddNumber(parameters, "BitsPerComponent", 8), step);
    pdf.check(HPDF_Dict_AddNumber(parameters, "Columns", static_cast<HPDF_INT32>(image.width)), step);
    pdf.check(HPDF_Dict_Add(object, "DecodeParms", parameters), step);
  }
  return object;
}

HPDF_Image embed(HpdfDocument& pdf, const document::Image& image) {
  const auto* data = reinterpret_cast<const HPDF_BYTE*>(image.data.data());
  HPDF_Image object = nullptr;
  if (image.encoding == document::Image::Encoding::flate) {
    object = flate_image(pdf, image);
  } else if (image.encoding == document::Image::Encoding::jpeg) {
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
               known.first->png_predictors == image.png_predictors && known.first->data == image.data;
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
