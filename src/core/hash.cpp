#include "core/hash.hpp"

namespace leafpress::core {

void Fingerprint::add(std::string_view bytes) {
  constexpr std::uint64_t kPrime = 0x100000001b3ULL;
  for (const char c : bytes) {
    const auto byte = static_cast<std::uint8_t>(c);
    low_ = (low_ ^ byte) * kPrime;
    high_ = (high_ ^ static_cast<std::uint8_t>(byte + 0x5a)) * kPrime;
    high_ ^= low_ >> 29;
  }
}

std::array<std::uint8_t, 16> Fingerprint::digest() const {
  std::array<std::uint8_t, 16> out{};
  for (int i = 0; i < 8; ++i) {
    out[i] = static_cast<std::uint8_t>(low_ >> (56 - 8 * i));
    out[8 + i] = static_cast<std::uint8_t>(high_ >> (56 - 8 * i));
  }
  return out;
}

namespace {

std::string hex_digest(std::string_view bytes, std::size_t digits) {
  Fingerprint fingerprint;
  fingerprint.add(bytes);
  const auto digest = fingerprint.digest();
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (std::size_t i = 0; i < digits / 2; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 15];
  }
  return hex;
}

}  // namespace

std::string text_hash(std::string_view text) { return hex_digest(text, 16); }

std::string content_hash(std::string_view bytes) { return hex_digest(bytes, 32); }

}  // namespace leafpress::core
