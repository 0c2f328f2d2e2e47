#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace leafpress::core {

/// The whole file as bytes, or nullopt when it cannot be opened or read.
std::optional<std::string> try_read_file(const std::filesystem::path& path);

}  // namespace leafpress::core
