#include "core/limits.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>

namespace leafpress::core {

namespace {

std::size_t text_pages_hold(std::size_t pages) {
  constexpr std::size_t kMost = std::numeric_limits<std::size_t>::max();
  return pages > kMost / Limits::kTextBytesPerPage ? kMost : pages * Limits::kTextBytesPerPage;
}

}  // namespace

std::size_t Limits::max_text_bytes() const { return std::min(max_document_text, text_pages_hold(max_pages)); }

bool Limits::text_limited_by_pages() const { return text_pages_hold(max_pages) < max_document_text; }

std::string format_bytes(std::size_t bytes) {
  constexpr std::size_t kKiB = 1024;
  constexpr std::size_t kMiB = 1024 * 1024;
  char text[48];
  if (bytes >= kMiB && bytes % kMiB == 0) {
    std::snprintf(text, sizeof text, "%zu MiB", bytes / kMiB);
  } else if (bytes >= kMiB) {
    std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / kMiB);
  } else if (bytes >= kKiB && bytes % kKiB == 0) {
    std::snprintf(text, sizeof text, "%zu KiB", bytes / kKiB);
  } else if (bytes >= kKiB) {
    std::snprintf(text, sizeof text, "%.1f KiB", static_cast<double>(bytes) / kKiB);
  } else {
    std::snprintf(text, sizeof text, "%zu bytes", bytes);
  }
  return text;
}

std::string format_count(std::uint64_t value) {
  std::string digits = std::to_string(value);
  // 40000000 -> 40,000,000: a comma before every third digit from the right.
  for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
  return digits;
}

}  // namespace leafpress::core
