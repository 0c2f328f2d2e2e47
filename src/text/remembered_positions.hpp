#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace leafpress::text {

/// Byte positions worked out for a text (where its lines may break, where its words may be
/// hyphenated), kept for the run under a key their owner spells out, so that a paragraph set
/// again, at another type size or in another format, is not worked out again. Holds at most
/// about kMaxBytes of keys, then starts again empty. Not thread-safe: each worker has its own.
class RememberedPositions {
 public:
  /// The key the next slot() looks up, for the caller to fill; reused, so that a look-up
  /// costs no allocation.
  std::string& key() { return key_; }

  /// Where the positions kept under key() are, and whether they are there already; when not,
  /// an empty place for the caller to fill.
  std::pair<std::vector<std::size_t>*, bool> slot();

  static constexpr std::size_t kMaxBytes = 16 << 20;

 private:
  std::unordered_map<std::string, std::vector<std::size_t>> kept_;
  std::size_t bytes_ = 0;  // of the keys in kept_
  std::string key_;
};

}  // namespace leafpress::text
