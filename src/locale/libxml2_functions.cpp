#include "locale/libxml2_functions.hpp"

namespace leafpress::locale {

const Libxml2Functions& libxml2() {
  static const Libxml2Functions functions = [] {
    static const core::SharedLibrary library("libxml2.so.2", "libxml2", "XLIFF translation files");
    Libxml2Functions bound;
    LEAFPRESS_LIBXML2_FUNCTIONS(LEAFPRESS_BIND_FUNCTION)
    return bound;
  }();
  return functions;
}

}  // namespace leafpress::locale
