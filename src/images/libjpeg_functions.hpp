#pragma once

// clang-format off: jpeglib.h needs size_t and FILE declared first.
#include <cstdio>
#include <jpeglib.h>
// clang-format on

#include "core/shared_library.hpp"

// The functions of libjpeg.so.62 that leafpress calls, bound when first used (core::SharedLibrary).
#define LEAFPRESS_LIBJPEG_FUNCTIONS(X) \
  X(jpeg_CreateDecompress)             \
  X(jpeg_destroy_decompress)           \
  X(jpeg_finish_decompress)            \
  X(jpeg_mem_src)                      \
  X(jpeg_read_header)                  \
  X(jpeg_read_icc_profile)             \
  X(jpeg_read_scanlines)               \
  X(jpeg_save_markers)                 \
  X(jpeg_start_decompress)             \
  X(jpeg_std_error)

namespace leafpress::images {

/// Pointers to libjpeg.so.62's functions, each named as the C function it points at.
struct LibjpegFunctions {
  LEAFPRESS_LIBJPEG_FUNCTIONS(LEAFPRESS_FUNCTION_POINTER)
};

/// libjpeg.so.62's functions, the library opened at the first call; throws std::runtime_error
/// saying which Debian package to install when it cannot be opened.
const LibjpegFunctions& libjpeg();

}  // namespace leafpress::images
