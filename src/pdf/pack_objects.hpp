#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "pdf/hpdf_document.hpp"

namespace leafpress::pdf {

/// The finished file of `pdf`, written by libharu object by object but laid out by us: the
/// streams (pages' content, fonts, pictures, XMP) as top-level objects, every other object
/// (pages, fonts' dictionaries, the structure tree, annotations, outlines, Info) packed into
/// Flate-compressed object streams, and a cross-reference stream in place of the table
/// (ISO 32000-1 §7.5.7, §7.5.8; PDF 1.5, which PDF/X-4's 1.6 includes). /ID is `id` twice.
/// Same document, same bytes. Throws PdfError when libharu fails.
std::string save_packed(HpdfDocument& pdf, const std::array<std::uint8_t, 16>& id);

}  // namespace leafpress::pdf
