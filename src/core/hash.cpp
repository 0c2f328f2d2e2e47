#include "core/hash.hpp"

namespace leafpress::core {

void Fingerprint::add(std::string_view bytes) {
  constexpr std::uint64_t kPrime = 0x100000001b3ULL;
  // The lanes are kept in locals: a char may alias the members, so stepping them in place
  // would store both after every byte (a page's content is hashed byte by byte).
  std::uint64_t low = low_;
  std::uint64_t high = high_;
  const auto step = [&](char c) {
    const auto byte = static_cast<std::uint8_t>(c);
    low = (low ^ byte) * kPrime;
    high = (high ^ static_cast<std::uint8_t>(byte + 0x5a)) * kPrime;
    high ^= low >> 29;
  };
  std::size_t at = 0;
  for (; at + 4 <= bytes.size(); at += 4) {
    step(bytes[at]);
    step(bytes[at + 1]);
    step(bytes[at + 2]);
    step(bytes[at + 3]);
  }
  for (; at < bytes.size(); ++at) step(bytes[at]);
  low_ = low;
  high_ = high;
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

std::string content_digest(std::string_view bytes) {
  Fingerprint fingerprint;
  fingerprint.add(bytes);
  const auto digest = fingerprint.digest();
  return std::string(reinterpret_cast<const char*>(digest.data()), digest.size());
}

}  // namespace leafpress::core
