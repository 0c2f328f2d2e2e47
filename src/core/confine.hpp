#pragma once

#include <filesystem>
#include <optional>

namespace leafpress::core {

/// Where `path` really is, every symlink on the way followed, when that is outside `folder`
/// (itself resolved); nullopt when it stays inside, or when either does not exist.
std::optional<std::filesystem::path> outside_target(const std::filesystem::path& path,
                                                    const std::filesystem::path& folder);

}  // namespace leafpress::core
