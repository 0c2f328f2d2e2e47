#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "layout/page.hpp"

namespace leafpress::pdf {

struct PdfOptions {
  /// Seconds since 1970 for CreationDate/ModDate (SOURCE_DATE_EPOCH); no dates when unset.
  std::optional<std::int64_t> date;
  std::string producer = "leafpress";
};

/// The PDF file for `pages`: same pages and options, same bytes. Throws PdfError when
/// libharu fails, FontSubsetError when the subsetter fails on a damaged font.
std::string write_pdf(const layout::Pages& pages, const PdfOptions& options);

}  // namespace leafpress::pdf
