#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string_view>

namespace leafpress::core {

/// A regular file mapped read-only into memory, its pages read from the page cache only
/// when touched: for files leafpress itself replaces only by renaming (cache entries), never
/// rewrites in place, since a file cut short under a mapping faults when read.
class MappedFile {
 public:
  /// The mapping of `path`, or nullopt when it is not a regular file, cannot be opened or
  /// mapped, or holds more than `max_bytes`.
  static std::optional<MappedFile> try_map(const std::filesystem::path& path, std::size_t max_bytes);

  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  /// The file's bytes, page-aligned; empty for an empty file. Valid while this lives.
  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  MappedFile(void* data, std::size_t size) : data_(data), size_(size) {}

  void* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace leafpress::core
