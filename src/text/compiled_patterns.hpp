#pragma once

#include <hyphen.h>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/c_handle.hpp"
#include "core/mapped_file.hpp"

namespace leafpress::text {

/// libhyphen's pattern machine as bytes, and back. Building the machine from a .dic file
/// (hnj_hyphen_load) costs more than setting a leaflet: a compiled copy is kept in a cache
/// folder (see load_patterns) and read back in a fraction of the time.
std::string serialize_patterns(const HyphenDict& dict);

/// libhyphen's pattern machine, made by libhyphen from a .dic file (then freed by
/// hnj_hyphen_free) or read back from serialize_patterns' bytes: its levels and states in two
/// blocks of its own, its strings and transitions where they lie in the bytes (two
/// allocations instead of one per state and string, and no copy). A machine read back reads
/// its levels at once and its states when first used (get()): a run whose paragraphs'
/// hyphenation points are all kept (RememberedPositions) never reads them. Moving it keeps
/// the machine where it is. Not for two threads at once.
class PatternMachine {
 public:
  /// Where a machine read back lies.
  struct Blocks {
    std::vector<HyphenDict> levels;
    std::vector<HyphenState> states;
    std::optional<core::MappedFile> source;  // the bytes read back, when the machine holds them
    std::string_view bytes;                  // the bytes read back
    std::size_t states_at = 0;               // where the stored states start in them
    std::size_t strings_at = 0;              // where the strings and transitions start
    bool states_read = false;                // states built, or found damaged (levels then cleared)
  };

  PatternMachine() = default;
  /// Takes `made`, made by hnj_hyphen_load (nullptr: no machine).
  explicit PatternMachine(HyphenDict* made);
  explicit PatternMachine(std::unique_ptr<Blocks> blocks);

  /// The machine's first level, as libhyphen's functions take it, its states read; nullptr
  /// when there is none, or when the states read back are damaged.
  HyphenDict* get() const;
  /// The first level's header (its charset, its minimums), states not read; nullptr when
  /// there is no machine.
  const HyphenDict* first_level() const;
  explicit operator bool() const { return get() != nullptr; }
  HyphenDict& operator*() const { return *get(); }
  HyphenDict* operator->() const { return get(); }

 private:
  core::CHandle<HyphenDict, hnj_hyphen_free> made_;
  std::unique_ptr<Blocks> blocks_;
};

/// The machine read back from serialize_patterns' bytes, pointing into them (they must
/// outlive it); none when the bytes are not a whole, consistent machine (every string, state
/// and transition checked: a damaged or planted cache file must not lead libhyphen astray).
PatternMachine deserialize_patterns(std::string_view bytes);

/// The same, read from a mapped cache file that the machine then holds.
PatternMachine deserialize_patterns(core::MappedFile file);

/// Where compiled patterns are kept: $LEAFPRESS_CACHE_DIR, else $XDG_CACHE_HOME/leafpress,
/// else ~/.cache/leafpress; nullopt when none is set or LEAFPRESS_CACHE_DIR is "off".
std::optional<std::filesystem::path> pattern_cache_folder();

/// Loads a .dic file through the cache: read from it when a compiled copy of this file is
/// there, else compiled by libhyphen and stored (quietly skipped when the folder cannot be
/// written). None when libhyphen cannot read the file. The copy is keyed by the file's
/// core::settled_identity, so that the .dic is not read at all when its copy is there; a
/// file changed in the last seconds is compiled and not kept, and so is one that changed
/// while libhyphen read it.
PatternMachine load_patterns(const std::filesystem::path& dic);

}  // namespace leafpress::text
