#include "locale/libxml2_functions.hpp"

namespace leafpress::locale {

const Libxml2Functions& libxml2() {
  return core::functions_opened_late<Libxml2Functions>("libxml2.so.2", "libxml2", "XLIFF translation files",
                                                       [](const core::SharedLibrary& library, Libxml2Functions& bound) {
                                                         LEAFPRESS_LIBXML2_FUNCTIONS(LEAFPRESS_BIND_FUNCTION)
                                                       });
}

}  // namespace leafpress::locale
