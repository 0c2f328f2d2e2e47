#include "images/libjpeg_functions.hpp"

namespace leafpress::images {

const LibjpegFunctions& libjpeg() {
  return core::functions_opened_late<LibjpegFunctions>("libjpeg.so.62", "libjpeg62-turbo", "decoding JPEG pictures",
                                                       [](const core::SharedLibrary& library, LibjpegFunctions& bound) {
                                                         LEAFPRESS_LIBJPEG_FUNCTIONS(LEAFPRESS_BIND_FUNCTION)
                                                       });
}

}  // namespace leafpress::images
