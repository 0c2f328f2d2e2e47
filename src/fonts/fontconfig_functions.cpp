#include "fonts/fontconfig_functions.hpp"

namespace leafpress::fonts {

const FontconfigFunctions& libfontconfig() {
  static const FontconfigFunctions functions = [] {
    static const core::SharedLibrary library("libfontconfig.so.1", "libfontconfig1", "finding system fonts");
    FontconfigFunctions bound;
    LEAFPRESS_FONTCONFIG_FUNCTIONS(LEAFPRESS_BIND_FUNCTION)
    return bound;
  }();
  return functions;
}

}  // namespace leafpress::fonts
