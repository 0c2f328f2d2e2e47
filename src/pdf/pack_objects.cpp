#include "pdf/pack_objects.hpp"

// qpdf 11 without its deprecated PointerHolder: std::shared_ptr throughout.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <memory>

#include "pdf/pdf_error.hpp"

namespace leafpress::pdf {

std::string pack_objects(const std::string& pdf) {
  try {
    QPDF input;
    // A warning means libharu wrote something qpdf had to repair: an error of ours, not
    // something to print and pass on.
    input.setSuppressWarnings(true);
    input.setAttemptRecovery(false);
    input.processMemoryFile("leafpress output", pdf.data(), pdf.size());
    QPDFWriter writer(input);
    writer.setOutputMemory();
    writer.setObjectStreamMode(qpdf_o_generate);
    // Streams as libharu and the picture cache made them: nothing decoded, nothing
    // compressed twice (qpdf leaves XMP metadata uncompressed, §14.3.2).
    writer.setDecodeLevel(qpdf_dl_none);
    writer.setCompressStreams(true);
    writer.setDeterministicID(true);
    writer.write();
    if (input.anyWarnings()) throw PdfError("libqpdf found problems in the PDF libharu wrote");
    const std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const PdfError&) {
    throw;
  } catch (const std::exception& e) {
    throw PdfError(std::string("libqpdf could not pack the PDF's objects: ") + e.what());
  }
}

}  // namespace leafpress::pdf
