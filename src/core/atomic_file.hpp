#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

namespace leafpress::core {

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk and renames it
/// into place, so a reader sees the old file or the new one, never half of one.
/// Throws std::runtime_error (with the path and the reason) when any step fails; the
/// temporary file is removed and an earlier file at `path` is left untouched.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

/// Removes the temporary files write_file_atomically left beside `path` when its process was
/// killed mid-write (SIGKILL runs no cleanup): files named ".<file name>.XXXXXX" last written
/// before `started` (when the current process began) and not locked by a live writer.
/// Returns how many it removed; files it cannot remove are left alone.
std::size_t remove_stale_temporaries(const std::filesystem::path& path, std::filesystem::file_time_type started);

}  // namespace leafpress::core
