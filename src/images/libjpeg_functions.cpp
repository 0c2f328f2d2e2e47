#include "images/libjpeg_functions.hpp"

namespace leafpress::images {

const LibjpegFunctions& libjpeg() {
  static const LibjpegFunctions functions = [] {
    static const core::SharedLibrary library("libjpeg.so.62", "libjpeg62-turbo", "decoding JPEG pictures");
    LibjpegFunctions bound;
    LEAFPRESS_LIBJPEG_FUNCTIONS(LEAFPRESS_BIND_FUNCTION)
    return bound;
  }();
  return functions;
}

}  // namespace leafpress::images
