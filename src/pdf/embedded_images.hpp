#pragma once

#include <map>

#include "core/hash.hpp"
#include "document/image.hpp"
#include "layout/page.hpp"
#include "pdf/hpdf_document.hpp"

namespace leafpress::pdf {

/// Each picture the pages show, as one image XObject, whatever the number of figures and
/// pages showing it, and whatever the names of the files holding the same bytes.
using EmbeddedImages = std::map<const document::Image*, HPDF_Image>;

/// Embeds the pictures of `pages` in the order they first appear, so the objects come out
/// the same every run, and adds each one's fingerprint to `fingerprint`. JPEG files pass
/// through untouched (DCTDecode: smallest, and no second lossy coding); decoded pixels go in
/// as 8-bit DeviceGray, DeviceRGB or (pictures converted for the press) DeviceCMYK samples,
/// Flate-compressed, never with an SMask. A picture's own ICC profile becomes its ICCBased
/// colour space.
EmbeddedImages embed_images(HpdfDocument& pdf, const layout::Pages& pages, core::Fingerprint& fingerprint);

}  // namespace leafpress::pdf
