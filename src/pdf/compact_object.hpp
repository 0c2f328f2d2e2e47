#pragma once

#include <string>
#include <string_view>

#include "pdf/hpdf_document.hpp"

namespace leafpress::pdf {

/// `object` (one object as libharu writes it: "<<\n/Type /Font\n/W [ 1 [ 724 ] ]\n>>")
/// appended to `out` with only the white space that separates two tokens (§7.2.2-§7.2.3):
/// "<</Type/Font/W[1[724]]>>". Strings are copied as they are: a literal string to its
/// balancing parenthesis, escapes included (§7.3.4.2), a hex string to its '>'.
void append_compact(std::string& out, std::string_view object);

/// The value of libharu object `object` (not a stream) appended to `out` exactly as
/// append_compact would append what HPDF_Obj_WriteValue writes of it, but written here
/// rather than through libharu's stream a few bytes a call: names, numbers, reals, booleans,
/// nulls, hex strings, references, and the arrays and plain dictionaries made of them. What
/// libharu writes with its own code (a dictionary with write callbacks, a literal string)
/// libharu still writes, and append_compact compacts. Throws PdfError when libharu fails.
void append_compact_object(HpdfDocument& pdf, void* object, std::string& out);

}  // namespace leafpress::pdf
