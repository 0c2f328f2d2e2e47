#pragma once

#include <string>

namespace leafpress::pdf {

/// `pdf` (libharu's whole file) rewritten by libqpdf with its dictionaries packed into
/// compressed object streams and a cross-reference stream (ISO 32000-1 §7.5.7, §7.5.8): the
/// structure tree, annotations, outlines, fonts and pages take a fraction of their room.
/// Stream data is copied as it is (the XMP metadata stays uncompressed); the first /ID
/// string is kept and the second derived from the content, so the same input gives the same
/// bytes. Throws PdfError when libqpdf cannot read the file or warns about it.
std::string pack_objects(const std::string& pdf);

}  // namespace leafpress::pdf
