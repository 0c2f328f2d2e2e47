#include "core/hash.hpp"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <cstring>
#include <new>

namespace leafpress::core {
namespace {

static_assert(sizeof(XXH3_state_t) == 576 && alignof(XXH3_state_t) == 64, "Fingerprint's room for the state");

XXH3_state_t* state_in(std::array<std::byte, 576>& room) {
  return std::launder(reinterpret_cast<XXH3_state_t*>(room.data()));
}

const XXH3_state_t* state_in(const std::array<std::byte, 576>& room) {
  return std::launder(reinterpret_cast<const XXH3_state_t*>(room.data()));
}

std::array<std::uint8_t, 16> canonical(XXH128_hash_t hash) {
  XXH128_canonical_t bytes;
  XXH128_canonicalFromHash(&bytes, hash);  // big-endian, the same on every machine
  std::array<std::uint8_t, 16> out{};
  std::memcpy(out.data(), bytes.digest, out.size());
  return out;
}

std::array<std::uint8_t, 16> digest_of(std::string_view bytes) {
  return canonical(XXH3_128bits(bytes.data(), bytes.size()));
}

std::string hex(const std::array<std::uint8_t, 16>& digest, std::size_t digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(digits);
  for (std::size_t i = 0; i < digits / 2; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

/// Two FNV-1a 64 lanes, the second fed each byte plus 0x5a and mixed with the first.
std::array<std::uint8_t, 16> fnv_digest(std::string_view bytes) {
  constexpr std::uint64_t kPrime = 0x100000001b3ULL;
  std::uint64_t low = 0xcbf29ce484222325ULL;
  std::uint64_t high = 0x84222325cbf29ce4ULL;
  for (const char c : bytes) {
    const auto byte = static_cast<std::uint8_t>(c);
    low = (low ^ byte) * kPrime;
    high = (high ^ static_cast<std::uint8_t>(byte + 0x5a)) * kPrime;
    high ^= low >> 29;
  }
  std::array<std::uint8_t, 16> out{};
  for (int i = 0; i < 8; ++i) {
    out[i] = static_cast<std::uint8_t>(low >> (56 - 8 * i));
    out[8 + i] = static_cast<std::uint8_t>(high >> (56 - 8 * i));
  }
  return out;
}

}  // namespace

Fingerprint::Fingerprint() { XXH3_128bits_reset(new (state_.data()) XXH3_state_t{}); }

void Fingerprint::add(std::string_view bytes) { XXH3_128bits_update(state_in(state_), bytes.data(), bytes.size()); }

std::array<std::uint8_t, 16> Fingerprint::digest() const { return canonical(XXH3_128bits_digest(state_in(state_))); }

std::string text_hash(std::string_view text) { return hex(fnv_digest(text), 16); }

std::string content_hash(std::string_view bytes) { return hex(digest_of(bytes), 32); }

std::string content_digest(std::string_view bytes) {
  const auto digest = digest_of(bytes);
  return std::string(reinterpret_cast<const char*>(digest.data()), digest.size());
}

std::uint64_t stable_hash(std::string_view bytes, std::uint64_t seed) {
  return XXH3_64bits_withSeed(bytes.data(), bytes.size(), seed);
}

}  // namespace leafpress::core
