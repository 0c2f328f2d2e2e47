#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

namespace leafpress::core {

/// An output that could not be written (a full disk, a read-only folder): not the input's
/// fault, and reported with its own exit code.
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk and renames it
/// into place, so a reader sees the old file or the new one, never half of one.
/// Throws OutputError (with the path and the reason) when any step fails; the
/// temporary file is removed and an earlier file at `path` is left untouched.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

/// Writes `bytes` to a temporary file beside `path` and renames it into place, like
/// write_file_atomically but without flushing it to disk: for cache entries, which every
/// reader checks whole (a crash may leave one missing or cut, never half of one under
/// another's name), and whose flush cost 0.1-0.5 ms each on a first run. Throws OutputError.
void write_cache_entry(const std::filesystem::path& path, std::string_view bytes);

/// write_cache_entry, its folder created first, for a cache that may fail quietly: false
/// when the entry could not be written (a cache that cannot be written only costs time).
bool store_cache_entry(const std::filesystem::path& path, std::string_view bytes);

/// Whether a file is flushed to disk before it is renamed into place. Either way a reader, or
/// the next run after a crash of this one, sees the old file or the new one whole; only a
/// flushed file also survives a power cut or a crash of the system. A flush waits for the
/// disk (1-7 ms here, more than typesetting a page): files that can be made again from their
/// sources, such as PDFs, may skip it.
enum class Flush : std::uint8_t { to_disk, left_to_system };

/// Writes several files that belong together (a PDF and its press file) all or none: each
/// goes to a temporary file beside it, flushed to disk as `flush` says, and only when all are
/// written are they renamed into place. Throws OutputError when a file cannot be written,
/// after removing every temporary file: the earlier files all stay as they were. (A rename
/// failing once the others succeeded, which the same folder makes all but impossible, is
/// reported too.)
void write_files_atomically(const std::vector<std::pair<std::filesystem::path, std::string_view>>& files,
                            Flush flush = Flush::to_disk);

/// From now on SIGINT and SIGTERM first remove the temporary files being written, then end
/// the process as the signal would have (so a shell still sees 128 + the signal).
void remove_temporaries_on_signals();

/// Removes the temporary files write_file_atomically left beside `path` when its process was
/// killed mid-write (SIGKILL runs no cleanup): files named ".<file name>.XXXXXX" last written
/// before `started` (when the current process began) and not locked by a live writer.
/// Returns how many it removed; files it cannot remove are left alone.
std::size_t remove_stale_temporaries(const std::filesystem::path& path, std::filesystem::file_time_type started);

}  // namespace leafpress::core
