#include "pdf/string_sink.hpp"

#include <new>

namespace leafpress::pdf {
namespace {

/// libharu writes through this into a std::string. A C callback: nothing may throw out of it.
HPDF_STATUS append_bytes(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size) {
  try {
    static_cast<std::string*>(stream->attr)->append(reinterpret_cast<const char*>(bytes), size);
    return HPDF_OK;
  } catch (const std::bad_alloc&) {
    return HPDF_FAILD_TO_ALLOC_MEM;
  }
}

}  // namespace

StringSink::StringSink(HpdfDocument& pdf, std::string& bytes)
    : stream_(pdf.check(HPDF_CallbackWriter_New(pdf.mmgr(), append_bytes, &bytes), "open an output")) {}

}  // namespace leafpress::pdf
