#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace leafpress::core {

/// A 128-bit content fingerprint (two FNV-1a 64 lanes): stable across runs and machines,
/// for the PDF /ID and subset tags. Not a cryptographic hash.
class Fingerprint {
 public:
  void add(std::string_view bytes);
  std::array<std::uint8_t, 16> digest() const;

 private:
  std::uint64_t low_ = 0xcbf29ce484222325ULL;
  std::uint64_t high_ = 0x84222325cbf29ce4ULL;
};

/// A short, stable fingerprint of `text` (16 hex digits), to notice when a string changed.
std::string text_hash(std::string_view text);

/// The whole 128-bit fingerprint of `bytes` in 32 hex digits (its first 16 are text_hash's),
/// to key a cache by content.
std::string content_hash(std::string_view bytes);

/// The same fingerprint as its 16 raw bytes, to check a cache entry's payload against.
std::string content_digest(std::string_view bytes);

}  // namespace leafpress::core
