#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/icc_profile.hpp"
#include "layout/page.hpp"

namespace leafpress::pdf {

/// The printing condition a press file is made for (ISO 15930-7, PDF/X-4 §6.2.4): an
/// /OutputIntents entry of subtype /GTS_PDFX with the press's ICC profile.
struct OutputIntent {
  std::string identifier;   // /OutputConditionIdentifier: a registered name ("FOGRA39") or the profile's description
  std::string info;         // /Info: the printing condition in words (the profile's description)
  std::string registry;     // /RegistryName ("http://www.color.org") when `identifier` is registered there
  core::IccProfile profile;  // embedded as /DestOutputProfile, /N from its colour space
};

struct PdfOptions {
  /// Seconds since 1970 for CreationDate/ModDate (SOURCE_DATE_EPOCH); no dates when unset,
  /// and then no PDF/X-4 claim either, which needs them.
  std::optional<std::int64_t> date;
  std::string producer = "leafpress";
  /// With an output intent (and a date) the file identifies itself as PDF/X-4: the intent on
  /// the catalog, /GTS_PDFXVersion and /Trapped /False in the Info dictionary, pdfxid in the
  /// XMP, and PDF 1.6, the version PDF/X-4 is built on, which holds ICC profiles up to 4.1.
  std::optional<OutputIntent> output_intent{};
  /// Whether write_pdf(Pages&&) gives the pages' memory back to the system before it puts the
  /// file together (see there): off when another document will soon use that memory again.
  bool return_pages_memory = true;
};

/// The PDF file for `pages`: same pages and options, same bytes. Pages prepared for the
/// press (layout::Page::press) get their MediaBox, BleedBox and TrimBox written exactly.
/// Nothing is ever transparent: no soft masks, no constant alpha, no blend modes. On press
/// pages, solid black text overprints (kOverprintState). Throws
/// PdfError when libharu fails, FontSubsetError when the subsetter fails on a damaged font.
std::string write_pdf(const layout::Pages& pages, const PdfOptions& options);
/// The same file, from pages no longer needed: each page's items are freed once the page is
/// written, so that a long document's display list and its PDF are not both held whole.
std::string write_pdf(layout::Pages&& pages, const PdfOptions& options);

}  // namespace leafpress::pdf
