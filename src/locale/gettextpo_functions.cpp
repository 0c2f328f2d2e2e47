#include "locale/gettextpo_functions.hpp"

namespace leafpress::locale {

const GettextpoFunctions& libgettextpo() {
  return core::functions_opened_late<GettextpoFunctions>(
      "libgettextpo.so.0", "libgettextpo0", "PO translation files",
      [](const core::SharedLibrary& library, GettextpoFunctions& bound) {
        LEAFPRESS_GETTEXTPO_FUNCTIONS(LEAFPRESS_BIND_FUNCTION)
      });
}

}  // namespace leafpress::locale
