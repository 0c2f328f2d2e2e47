#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/mapped_file.hpp"

namespace leafpress::core {

/// A cache entry that maps keys to values, both byte strings, as a hash table looked up where
/// the file is mapped: a run reads (and brings into memory) only the records it asks for.
/// Each record is checked against its own fingerprint when read, and every read stays within
/// the entry, so a damaged record is not read and a planted entry cannot lead outside its
/// bytes. Values lie 4-byte aligned.
class KeptTable {
 public:
  /// The table in `file`, written by kept_table_bytes with the same `magic`; nullopt when
  /// there is none, it holds more than `max_bytes`, or it is damaged or cut short.
  static std::optional<KeptTable> open(const std::filesystem::path& file, std::string_view magic,
                                       std::size_t max_bytes);

  /// The value kept under `key`; nullopt when none is.
  std::optional<std::string_view> find(std::string_view key) const;

  /// Every key and its value, in the order their records lie in the entry (so that a table
  /// written from them keeps records that were together, together).
  std::vector<std::pair<std::string_view, std::string_view>> entries() const;

  std::size_t size() const { return count_; }

 private:
  struct Slot {
    std::uint32_t check = 0;  // the key's hash, high half
    std::uint32_t at = 0;     // the record's offset in the entry; 0: an empty slot
  };
  KeptTable(MappedFile mapped, std::span<const Slot> slots, std::uint32_t count, std::size_t records_at)
      : mapped_(std::move(mapped)), slots_(slots), count_(count), records_at_(records_at) {}
  /// The key and value of the record at `at`, when it lies whole in the entry and matches its
  /// fingerprint; `key_hash`, when given, is the hash of the key looked for.
  std::optional<std::pair<std::string_view, std::string_view>> record(std::uint32_t at,
                                                                      std::optional<std::uint64_t> key_hash) const;

  friend std::string kept_table_bytes(std::string_view magic,
                                      std::span<const std::pair<std::string_view, std::string_view>> entries);

  MappedFile mapped_;
  std::span<const Slot> slots_;  // a power of two of them, at most half used
  std::uint32_t count_ = 0;
  std::size_t records_at_ = 0;
};

/// The bytes of a KeptTable holding `entries` (their keys distinct), to store with
/// core::store_cache_entry.
std::string kept_table_bytes(std::string_view magic,
                             std::span<const std::pair<std::string_view, std::string_view>> entries);

}  // namespace leafpress::core
