#include "locale/libicui18n_functions.hpp"

#include <unicode/uversion.h>

namespace leafpress::locale {

const Libicui18nFunctions& libicui18n() {
  static const Libicui18nFunctions functions = [] {
    static const core::SharedLibrary library("libicui18n.so." U_ICU_VERSION_SHORT, "libicu" U_ICU_VERSION_SHORT,
                                             "ICU's locale data (quotation marks, digits)");
    Libicui18nFunctions bound;
    LEAFPRESS_LIBICUI18N_FUNCTIONS(LEAFPRESS_BIND_FUNCTION)
    return bound;
  }();
  return functions;
}

}  // namespace leafpress::locale
