#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace leafpress::core {

/// A 128-bit content fingerprint (xxHash's XXH3-128), fed in pieces: stable across runs and
/// machines, for the PDF /ID, subset tags and cache entries. Not a cryptographic hash.
class Fingerprint {
 public:
  Fingerprint();
  void add(std::string_view bytes);
  std::array<std::uint8_t, 16> digest() const;

 private:
  // xxhash.h's XXH3_state_t, kept opaque so that only hash.cpp includes it (its size is checked there).
  alignas(64) std::array<std::byte, 576> state_;
};

/// A short fingerprint of `text` (16 hex digits, two FNV-1a 64 lanes), to notice when a
/// string changed. Translation files keep it, so it never changes with the hash above.
std::string text_hash(std::string_view text);

/// The 128-bit fingerprint of `bytes` (XXH3-128) in 32 hex digits, to key a cache by content.
std::string content_hash(std::string_view bytes);

/// The same fingerprint as its 16 raw bytes, to check a cache entry's payload against.
std::string content_digest(std::string_view bytes);

/// A 64-bit hash of `bytes` (XXH3-64), the same in every run: for tables kept in cache entries.
std::uint64_t stable_hash(std::string_view bytes, std::uint64_t seed = 0);

}  // namespace leafpress::core
