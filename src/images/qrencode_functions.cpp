#include "images/qrencode_functions.hpp"

namespace leafpress::images {

const QrencodeFunctions& libqrencode() {
  static const QrencodeFunctions functions = [] {
    static const core::SharedLibrary library("libqrencode.so.4", "libqrencode4", "QR codes");
    QrencodeFunctions bound;
    LEAFPRESS_QRENCODE_FUNCTIONS(LEAFPRESS_BIND_FUNCTION)
    return bound;
  }();
  return functions;
}

}  // namespace leafpress::images
