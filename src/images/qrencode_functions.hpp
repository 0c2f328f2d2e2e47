#pragma once

#include <qrencode.h>

#include "core/shared_library.hpp"

// The functions of libqrencode.so.4 that leafpress calls, bound when first used (core::SharedLibrary).
#define LEAFPRESS_QRENCODE_FUNCTIONS(X) \
  X(QRcode_encodeString)                \
  X(QRcode_free)

namespace leafpress::images {

/// Pointers to libqrencode.so.4's functions, each named as the C function it points at.
struct QrencodeFunctions {
  LEAFPRESS_QRENCODE_FUNCTIONS(LEAFPRESS_FUNCTION_POINTER)
};

/// libqrencode.so.4's functions, the library opened at the first call; throws std::runtime_error
/// saying which Debian package to install when it cannot be opened.
const QrencodeFunctions& libqrencode();

}  // namespace leafpress::images
