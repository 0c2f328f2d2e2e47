#include "core/deflate.hpp"

#include <libdeflate.h>

#include <new>

namespace leafpress::core {

Deflater::Deflater(int level) : compressor_(libdeflate_alloc_compressor(level)) {
  if (!compressor_) throw std::bad_alloc();
}

Deflater::~Deflater() { libdeflate_free_compressor(compressor_); }

std::string Deflater::compressed(std::string_view bytes) {
  std::string out(libdeflate_zlib_compress_bound(compressor_, bytes.size()), '\0');
  // The bound is never too small, so a zero (no room) cannot happen.
  out.resize(libdeflate_zlib_compress(compressor_, bytes.data(), bytes.size(), out.data(), out.size()));
  return out;
}

std::string_view deflate_version() { return "libdeflate " LIBDEFLATE_VERSION_STRING; }

}  // namespace leafpress::core
