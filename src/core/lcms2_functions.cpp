#include "core/lcms2_functions.hpp"

namespace leafpress::core {

const Lcms2Functions& liblcms2() {
  return core::functions_opened_late<Lcms2Functions>("liblcms2.so.2", "liblcms2-2",
                                                     "colour management (press files and ICC profiles)",
                                                     [](const core::SharedLibrary& library, Lcms2Functions& bound) {
                                                       LEAFPRESS_LCMS2_FUNCTIONS(LEAFPRESS_BIND_FUNCTION)
                                                     });
}

}  // namespace leafpress::core
