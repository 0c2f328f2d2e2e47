#pragma once

#include <lcms2.h>

#include "core/shared_library.hpp"

// The functions of liblcms2.so.2 that leafpress calls, bound when first used (core::SharedLibrary).
#define LEAFPRESS_LCMS2_FUNCTIONS(X) \
  X(cmsBuildParametricToneCurve)     \
  X(cmsCloseProfile)                 \
  X(cmsCreateGrayProfile)            \
  X(cmsCreateLab4Profile)            \
  X(cmsCreateTransform)              \
  X(cmsCreate_sRGBProfile)           \
  X(cmsD50_xyY)                      \
  X(cmsDeleteTransform)              \
  X(cmsDoTransform)                  \
  X(cmsFreeToneCurve)                \
  X(cmsGetColorSpace)                \
  X(cmsGetEncodedICCversion)         \
  X(cmsGetProfileInfo)               \
  X(cmsIsIntentSupported)            \
  X(cmsOpenProfileFromMem)

namespace leafpress::core {

/// Pointers to liblcms2.so.2's functions, each named as the C function it points at.
struct Lcms2Functions {
  LEAFPRESS_LCMS2_FUNCTIONS(LEAFPRESS_FUNCTION_POINTER)
};

/// liblcms2.so.2's functions, the library opened at the first call; throws std::runtime_error
/// saying which Debian package to install when it cannot be opened.
const Lcms2Functions& liblcms2();

}  // namespace leafpress::core
