#pragma once

#include <fontconfig/fontconfig.h>

#include "core/shared_library.hpp"

// The functions of libfontconfig.so.1 that leafpress calls, bound when first used (core::SharedLibrary).
#define LEAFPRESS_FONTCONFIG_FUNCTIONS(X) \
  X(FcConfigBuildFonts)                   \
  X(FcConfigCreate)                       \
  X(FcConfigDestroy)                      \
  X(FcConfigGetFontDirs)                  \
  X(FcConfigParseAndLoadFromMemory)       \
  X(FcFontList)                           \
  X(FcFontSetDestroy)                     \
  X(FcInitLoadConfigAndFonts)             \
  X(FcObjectSetBuild)                     \
  X(FcObjectSetDestroy)                   \
  X(FcPatternAddBool)                     \
  X(FcPatternAddString)                   \
  X(FcPatternCreate)                      \
  X(FcPatternDestroy)                     \
  X(FcPatternGetInteger)                  \
  X(FcPatternGetString)                   \
  X(FcStrCmpIgnoreCase)                   \
  X(FcStrListDone)                        \
  X(FcStrListNext)

namespace leafpress::fonts {

/// Pointers to libfontconfig.so.1's functions, each named as the C function it points at.
struct FontconfigFunctions {
  LEAFPRESS_FONTCONFIG_FUNCTIONS(LEAFPRESS_FUNCTION_POINTER)
};

/// libfontconfig.so.1's functions, the library opened at the first call; throws std::runtime_error
/// saying which Debian package to install when it cannot be opened.
const FontconfigFunctions& libfontconfig();

}  // namespace leafpress::fonts
