#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace leafpress::text {

/// Byte positions worked out for a text (where its lines may break, where its words may be
/// hyphenated), kept for the run under a key their owner spells out, so that a paragraph set
/// again, at another type size or in another format, is not worked out again; and, when
/// given a cache entry, kept across runs there too (a core::KeptTable under the fingerprints of
/// the keys, written back when the run ends), so that a leaflet built again works out none of
/// them. Holds at most about
/// kMaxBytes of keys, then starts again empty. Not thread-safe: each worker has its own.
class RememberedPositions {
 public:
  /// Kept for the run only.
  RememberedPositions();
  /// Kept across runs too, in `entry`, a table whose format `magic` names: the owner changes
  /// it whenever what it works out for a key could change.
  RememberedPositions(std::filesystem::path entry, std::string magic);
  /// Writes the entry (write()).
  ~RememberedPositions();
  RememberedPositions(RememberedPositions&&) noexcept;
  RememberedPositions& operator=(RememberedPositions&&) noexcept;

  /// The key the next slot() looks up, for the caller to fill; reused, so that a look-up
  /// costs no allocation.
  std::string& key() { return key_; }

  /// Where the positions kept under key() are, and whether they are there already; when not,
  /// an empty place for the caller to fill. The positions are of `text`: those read from the
  /// entry are used only when they ascend, lie within it and start characters. With
  /// `across_runs` false, the positions are neither looked for nor kept in the entry.
  std::pair<std::vector<std::size_t>*, bool> slot(std::string_view text, bool across_runs = true);

  /// Writes the positions worked out since the last write to the entry, with what other
  /// workers and runs wrote there meanwhile; nothing when kept for the run only.
  void write();

  static constexpr std::size_t kMaxBytes = 16 << 20;

  /// Kept across runs in the cache folder (core::cache_folder) under an entry named after
  /// `name` and `magic`; kept for the run only when there is no cache folder.
  static RememberedPositions kept_in_cache(std::string_view name, std::string magic);

 private:
  struct Positions {
    std::vector<std::size_t> at;
    bool to_keep = false;  // worked out in this run, for the entry
  };
  struct Entry;  // the cache entry, opened on first use

  std::unordered_map<std::string, Positions> kept_;
  std::size_t bytes_ = 0;  // of the keys in kept_
  std::string key_;
  std::unique_ptr<Entry> entry_;  // none: kept for the run only
};

}  // namespace leafpress::text
