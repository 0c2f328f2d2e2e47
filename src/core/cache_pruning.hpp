#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>

namespace leafpress::core {

/// When the cache folder's unused entries go.
struct CachePruning {
  std::chrono::seconds unused_for = std::chrono::days(30);  // neither read nor written for this long
  std::chrono::seconds every = std::chrono::days(1);        // a folder is looked through at most this often
};

/// Removes from the cache folder `folder` the entries no run has read or written for
/// `pruning.unused_for` (both their access and modification times are older: on Linux's
/// default relatime mounts, reading a file moves its access time at least once a day), and
/// the temporary files of entries that a killed run left there for as long. Entries of
/// formats leafpress no longer reads, and of fonts, dictionaries and pictures no longer used,
/// are what goes. It looks through the folder at most once per `pruning.every`, recorded by
/// the folder's "pruned" stamp, so a run pays one stat for it. Only files named as leafpress
/// names its entries are removed, never followed through a link, so a folder shared with
/// other files keeps them. Returns the number removed. Output never depends on it: an entry
/// removed is made again when needed.
std::size_t prune_cache_folder(const std::filesystem::path& folder, const CachePruning& pruning = {},
                               std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace leafpress::core
