#pragma once

#include <unicode/ulocdata.h>
#include <unicode/unum.h>
#include <unicode/unumsys.h>

#include "core/shared_library.hpp"

// The functions of ICU's libicui18n that leafpress calls, bound when first used
// (core::SharedLibrary): locale data a run asks for only when its answers are not kept
// (locale::locale_facts). Each name is ICU's renamed one ("ulocdata_open_72").
#define LEAFPRESS_LIBICUI18N_FUNCTIONS(X) \
  X(ulocdata_close)                       \
  X(ulocdata_getDelimiter)                \
  X(ulocdata_open)                        \
  X(unum_close)                           \
  X(unum_getSymbol)                       \
  X(unum_open)                            \
  X(unumsys_close)                        \
  X(unumsys_getDescription)               \
  X(unumsys_getName)                      \
  X(unumsys_getRadix)                     \
  X(unumsys_isAlgorithmic)                \
  X(unumsys_open)                         \
  X(unumsys_openByName)

namespace leafpress::locale {

/// Pointers to libicui18n's functions, each named as the C function it points at.
struct Libicui18nFunctions {
  LEAFPRESS_LIBICUI18N_FUNCTIONS(LEAFPRESS_FUNCTION_POINTER)
};

/// libicui18n's functions (the version leafpress was built with), the library opened at the
/// first call; throws std::runtime_error saying which Debian package to install when it
/// cannot be opened.
const Libicui18nFunctions& libicui18n();

}  // namespace leafpress::locale
