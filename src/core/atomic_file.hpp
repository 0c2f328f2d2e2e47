#pragma once

#include <filesystem>
#include <string_view>

namespace leafpress::core {

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk and renames it
/// into place, so a reader sees the old file or the new one, never half of one.
/// Throws std::runtime_error (with the path and the reason) when any step fails; the
/// temporary file is removed and an earlier file at `path` is left untouched.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace leafpress::core
