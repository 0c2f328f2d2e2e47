#include "images/qrencode_functions.hpp"

namespace leafpress::images {

const QrencodeFunctions& libqrencode() {
  return core::functions_opened_late<QrencodeFunctions>(
      "libqrencode.so.4", "libqrencode4", "QR codes", [](const core::SharedLibrary& library, QrencodeFunctions& bound) {
        LEAFPRESS_QRENCODE_FUNCTIONS(LEAFPRESS_BIND_FUNCTION)
      });
}

}  // namespace leafpress::images
