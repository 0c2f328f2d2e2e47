#pragma once

#include <string>
#include <string_view>

struct libdeflate_compressor;

namespace leafpress::core {

/// How hard streams are compressed: libdeflate's level (1 fastest, 12 smallest).
inline constexpr int kDeflateLevel = 6;

/// A zlib-format (RFC 1950, what PDF's /FlateDecode reads) compressor, libdeflate's: faster
/// than zlib and smaller at the same level. Keep one for many streams; not shared between threads.
class Deflater {
 public:
  /// Throws std::bad_alloc when libdeflate cannot allocate its tables.
  explicit Deflater(int level = kDeflateLevel);
  ~Deflater();
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  /// `bytes` compressed: the same bytes give the same stream with the same libdeflate
  /// version and level (deflate_version).
  std::string compressed(std::string_view bytes);

 private:
  libdeflate_compressor* compressor_;
};

/// The compressor and its version ("libdeflate 1.14"), for caches of compressed bytes.
std::string_view deflate_version();

}  // namespace leafpress::core
