#pragma once

#include "core/diagnostics.hpp"
#include "document/document.hpp"

namespace leafpress::load {

/// Reports, at the string's place in each language, every string the PDF writes as a text
/// string (the document's title, titles and headings, which become bookmarks, and figures'
/// and QR codes' alternative text) that is longer than a PDF string may be
/// (core::kMaxPdfStringUnits UTF-16 units): libharu would refuse it only while writing.
void check_pdf_strings(const document::Document& doc, core::Diagnostics& diags);

}  // namespace leafpress::load
