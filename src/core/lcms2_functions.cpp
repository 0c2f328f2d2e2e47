#include "core/lcms2_functions.hpp"

namespace leafpress::core {

const Lcms2Functions& liblcms2() {
  static const Lcms2Functions functions = [] {
    static const core::SharedLibrary library("liblcms2.so.2", "liblcms2-2",
                                             "colour management (press files and ICC profiles)");
    Lcms2Functions bound;
    LEAFPRESS_LCMS2_FUNCTIONS(LEAFPRESS_BIND_FUNCTION)
    return bound;
  }();
  return functions;
}

}  // namespace leafpress::core
