#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace leafpress::core {

/// The file as bytes, or nullopt when it cannot be opened or read. At most `max_bytes` + 1
/// bytes are read, so a caller can tell a file over its limit without reading all of it.
std::optional<std::string> try_read_file(const std::filesystem::path& path, std::size_t max_bytes = SIZE_MAX - 1);

}  // namespace leafpress::core
