#include "locale/gettextpo_functions.hpp"

namespace leafpress::locale {

const GettextpoFunctions& libgettextpo() {
  static const GettextpoFunctions functions = [] {
    static const core::SharedLibrary library("libgettextpo.so.0", "libgettextpo0", "PO translation files");
    GettextpoFunctions bound;
    LEAFPRESS_GETTEXTPO_FUNCTIONS(LEAFPRESS_BIND_FUNCTION)
    return bound;
  }();
  return functions;
}

}  // namespace leafpress::locale
