#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace leafpress::core {

/// What vouches for the bytes of the file at `path` without reading them, to key a cache of
/// what is worked out from them: its path, device, inode, size, modification and change
/// times, as text. A write or truncation sets a file's change time to the current time and
/// no call sets it to a chosen value, so once the change time is kSettledFor in the past the
/// bytes cannot differ under the same identity. Nullopt when the file changed more recently
/// (it could change again within the same timestamp), reports no change time, or cannot be
/// looked at: then nothing about it is to be cached.
std::optional<std::string> settled_identity(const std::filesystem::path& path);

}  // namespace leafpress::core
