#include "fonts/fontconfig_functions.hpp"

namespace leafpress::fonts {

const FontconfigFunctions& libfontconfig() {
  return core::functions_opened_late<FontconfigFunctions>(
      "libfontconfig.so.1", "libfontconfig1", "finding system fonts",
      [](const core::SharedLibrary& library, FontconfigFunctions& bound) {
        LEAFPRESS_FONTCONFIG_FUNCTIONS(LEAFPRESS_BIND_FUNCTION)
      });
}

}  // namespace leafpress::fonts
