#include "locale/libicui18n_functions.hpp"

#include <unicode/uversion.h>

namespace leafpress::locale {

const Libicui18nFunctions& libicui18n() {
  return core::functions_opened_late<Libicui18nFunctions>(
      "libicui18n.so." U_ICU_VERSION_SHORT, "libicu" U_ICU_VERSION_SHORT, "ICU's locale data (quotation marks, digits)",
      [](const core::SharedLibrary& library, Libicui18nFunctions& bound) {
        LEAFPRESS_LIBICUI18N_FUNCTIONS(LEAFPRESS_BIND_FUNCTION)
      });
}

}  // namespace leafpress::locale
