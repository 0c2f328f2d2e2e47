#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

namespace leafpress::core {

/// Reads the bytes of a cache entry front to back: integers in this machine's order, runs of
/// bytes, and arrays of plain records left where they lie. Each read answers false, and
/// moves nowhere, when the bytes left cannot hold what it asks for: a damaged or planted
/// entry is refused, never read past its end.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}

  template <class Integer>
  bool integer(Integer& value) {
    static_assert(std::is_integral_v<Integer>);
    if (left() < sizeof value) return false;
    std::memcpy(&value, bytes_.data() + at_, sizeof value);
    at_ += sizeof value;
    return true;
  }

  /// The next `size` bytes, where they lie.
  bool bytes(std::size_t size, std::string_view& piece) {
    if (left() < size) return false;
    piece = bytes_.substr(at_, size);
    at_ += size;
    return true;
  }

  /// The next `count` records, where they lie; false also when they are not aligned as a
  /// Record must be (the entry's layout keeps them aligned from the start of its mapping).
  template <class Record>
  bool records(std::size_t count, std::span<const Record>& out) {
    static_assert(std::is_trivially_copyable_v<Record>);
    const char* at = bytes_.data() + at_;
    if (count > left() / sizeof(Record) || reinterpret_cast<std::uintptr_t>(at) % alignof(Record) != 0) return false;
    out = {reinterpret_cast<const Record*>(at), count};
    at_ += count * sizeof(Record);
    return true;
  }

  /// Passes `count` bytes that must all be zeros (padding).
  bool zeros(std::size_t count) {
    std::string_view piece;
    if (!bytes(count, piece)) return false;
    if (piece.find_first_not_of('\0') != std::string_view::npos) {
      at_ -= count;
      return false;
    }
    return true;
  }

  /// Passes `expected`, when the bytes go on with it.
  bool literal(std::string_view expected) {
    if (bytes_.substr(at_, expected.size()) != expected) return false;
    at_ += expected.size();
    return true;
  }

  std::size_t left() const { return bytes_.size() - at_; }
  bool at_end() const { return at_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

/// The zeros that follow `size` bytes of a cache entry to the next multiple of `alignment`,
/// so that what comes after lies aligned.
constexpr std::size_t padding_to(std::size_t size, std::size_t alignment) {
  return (alignment - size % alignment) % alignment;
}

/// Appends `value` to a cache entry in this machine's order, as ByteReader::integer reads it.
template <class Integer>
void append_integer(std::string& out, Integer value) {
  static_assert(std::is_integral_v<Integer>);
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

/// Appends plain records to a cache entry as this machine lays them out, as
/// ByteReader::records reads them.
template <class Record>
void append_records(std::string& out, std::span<const Record> records) {
  static_assert(std::is_trivially_copyable_v<Record>);
  out.append(reinterpret_cast<const char*>(records.data()), records.size_bytes());
}

}  // namespace leafpress::core
