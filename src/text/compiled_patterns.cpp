#include "text/compiled_patterns.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <span>
#include <type_traits>

#include "core/atomic_file.hpp"
#include "core/byte_reader.hpp"
#include "core/cache_folder.hpp"
#include "core/file_identity.hpp"
#include "core/hash.hpp"

namespace leafpress::text {
namespace {

// The layout of the bytes, every integer 32-bit in this machine's order (the cache is of this
// machine, for this machine): the magic; the number of levels (a dictionary and the ones it
// falls back to for compound words), of states in all and of bytes in all; each level's
// header; each state as a fixed record, the levels' states one after the other; then the
// strings (each with its NUL, padded to 4 bytes) and the transition lists (libhyphen's own
// HyphenTrans arrays, their padding zeros), at the offsets the records give. A machine read
// back points into the bytes instead of copying them: the cache file is mapped, only the
// states (which hold pointers) are built in memory, and each record is checked where it
// lies, with no walk through the strings (the file ends with a NUL, so every string that
// starts in it ends in it).
constexpr std::string_view kMagic = "leafpress-hyphens-v3";  // 20 bytes: what follows is aligned
constexpr int kMaxLevels = 4;
constexpr std::int32_t kNone = -1;
constexpr std::size_t kAlign = 4;
static_assert(kMagic.size() % kAlign == 0);
static_assert(sizeof(HyphenTrans) == 8 && offsetof(HyphenTrans, ch) == 0 && offsetof(HyphenTrans, new_state) == 4 &&
                  alignof(HyphenTrans) <= kAlign,
              "the stored transitions are libhyphen's HyphenTrans as this machine lays it out");

/// A level's header as stored.
struct StoredLevel {
  std::int32_t lhmin, rhmin, clhmin, crhmin;
  std::int32_t nohyphen_count, nohyphen, nohyphen_size;  // the NOHYPHEN list's offset (or kNone) and size
  std::int32_t utf8, states;
  char cset[sizeof HyphenDict::cset];  // a NUL-terminated name, zeros after it
};
/// A state as stored: its strings and transitions as offsets in the bytes, or kNone.
struct StoredState {
  std::int32_t match, repl, replindex, replcut, fallback, transitions, trans;
};
static_assert(sizeof(StoredLevel) % kAlign == 0 && sizeof(StoredState) == 28);
static_assert(std::has_unique_object_representations_v<StoredLevel> &&
              std::has_unique_object_representations_v<StoredState>);
constexpr std::size_t kHeader = kMagic.size() + 3 * sizeof(std::int32_t);

/// The NOHYPHEN list: `count` + 1 NUL-terminated pieces in one buffer.
std::size_t nohyphen_size(const HyphenDict& dict) {
  if (!dict.nohyphen) return 0;
  std::size_t size = 0;
  for (int piece = 0; piece <= dict.nohyphenl; ++piece) size += std::strlen(dict.nohyphen + size) + 1;
  return size;
}

/// The strings and transitions of a machine being written, at their offsets from the start
/// of the bytes (`base`, where they begin).
class Blob {
 public:
  explicit Blob(std::size_t base) : base_(base) {}
  /// `size` bytes, then a NUL and zeros to the next multiple of 4; kNone for no bytes.
  std::int32_t bytes(const char* data, std::size_t size) {
    if (!data) return kNone;
    const auto at = offset();
    out_.append(data, size);
    out_.append(1 + core::padding_to(size + 1, kAlign), '\0');
    return at;
  }
  std::int32_t string(const char* text) { return text ? bytes(text, std::strlen(text)) : kNone; }
  std::int32_t transitions(const HyphenTrans* trans, int count) {
    if (count <= 0) return kNone;
    const auto at = offset();
    for (int t = 0; t < count; ++t) {
      char stored[sizeof(HyphenTrans)] = {};  // the padding bytes are zeros, not whatever memory held
      stored[offsetof(HyphenTrans, ch)] = trans[t].ch;
      std::memcpy(stored + offsetof(HyphenTrans, new_state), &trans[t].new_state, sizeof trans[t].new_state);
      out_.append(stored, sizeof stored);
    }
    return at;
  }
  std::string take() {
    out_.append(kAlign, '\0');  // the last byte is a NUL: no string read back runs past the end
    return std::move(out_);
  }

 private:
  std::int32_t offset() const { return static_cast<std::int32_t>(base_ + out_.size()); }
  std::size_t base_;
  std::string out_;
};

bool fits_char(std::int32_t value) {
  return value >= std::numeric_limits<signed char>::min() && value <= std::numeric_limits<signed char>::max();
}

/// libhyphen's structures name their strings and transitions `char*` and `HyphenTrans*`, yet
/// only read them when hyphenating: those of a machine read back are the read-only bytes.
char* as_libhyphen(const char* text) { return const_cast<char*>(text); }
HyphenTrans* as_libhyphen(const HyphenTrans* trans) { return const_cast<HyphenTrans*>(trans); }

/// Checks offsets against the bytes of a machine read back.
class Bounds {
 public:
  Bounds(std::string_view bytes, std::size_t first) : bytes_(bytes), first_(first) {}
  /// The string at `offset` (nullptr for kNone); false when it does not start among the
  /// strings and transitions (it then ends in the bytes: they end with a NUL).
  bool string(std::int32_t offset, const char*& text) const {
    text = nullptr;
    if (offset == kNone) return true;
    if (offset < 0 || static_cast<std::size_t>(offset) < first_ || static_cast<std::size_t>(offset) >= bytes_.size()) {
      return false;
    }
    text = bytes_.data() + offset;
    return true;
  }
  /// `count` transitions at `offset`, aligned, among the strings and transitions.
  bool transitions(std::int32_t offset, std::int32_t count, const HyphenTrans*& trans) const {
    trans = nullptr;
    if (count == 0) return offset == kNone;
    if (count < 0 || offset < 0 || static_cast<std::size_t>(offset) < first_ || offset % kAlign != 0 ||
        static_cast<std::size_t>(count) > (bytes_.size() - static_cast<std::size_t>(offset)) / sizeof(HyphenTrans)) {
      return false;
    }
    trans = reinterpret_cast<const HyphenTrans*>(bytes_.data() + offset);
    return true;
  }

 private:
  std::string_view bytes_;
  std::size_t first_;  // where the strings and transitions start
};

/// Reads one level's header into `dict`; false when damaged.
bool read_level(const StoredLevel& stored, const Bounds& bounds, std::string_view bytes, HyphenDict& dict) {
  for (const std::int32_t option : {stored.lhmin, stored.rhmin, stored.clhmin, stored.crhmin}) {
    if (!fits_char(option)) return false;
  }
  dict.lhmin = static_cast<char>(stored.lhmin);
  dict.rhmin = static_cast<char>(stored.rhmin);
  dict.clhmin = static_cast<char>(stored.clhmin);
  dict.crhmin = static_cast<char>(stored.crhmin);
  const char* nohyphen = nullptr;
  if (stored.nohyphen_count < 0 || !bounds.string(stored.nohyphen, nohyphen)) return false;
  if (nohyphen) {
    // libhyphen walks nohyphenl + 1 NUL-terminated pieces: all must lie in the buffer.
    const std::size_t left = bytes.size() - static_cast<std::size_t>(nohyphen - bytes.data());
    if (stored.nohyphen_size < 0 || static_cast<std::size_t>(stored.nohyphen_size) > left) return false;
    const auto pieces = std::count(nohyphen, nohyphen + stored.nohyphen_size, '\0');
    if (pieces < static_cast<std::ptrdiff_t>(stored.nohyphen_count) + 1) return false;
  }
  dict.nohyphenl = stored.nohyphen_count;
  dict.nohyphen = as_libhyphen(nohyphen);
  const std::string_view cset(stored.cset, sizeof stored.cset);
  const std::size_t name_end = cset.find('\0');
  if (name_end == std::string_view::npos || cset.find_first_not_of('\0', name_end) != std::string_view::npos) {
    return false;
  }
  std::memcpy(dict.cset, stored.cset, sizeof dict.cset);
  if (stored.utf8 != 0 && stored.utf8 != 1) return false;
  dict.utf8 = stored.utf8;
  dict.num_states = stored.states;
  return true;
}

/// Reads the `count` states of a level into `states`; false when damaged.
bool read_states(std::span<const StoredState> stored, const Bounds& bounds, HyphenState* states) {
  const auto count = static_cast<std::int32_t>(stored.size());
  for (std::size_t k = 0; k < stored.size(); ++k) {
    const StoredState& in = stored[k];
    HyphenState& state = states[k];
    const char* match = nullptr;
    const char* repl = nullptr;
    const HyphenTrans* trans = nullptr;
    if (!bounds.string(in.match, match) || !bounds.string(in.repl, repl) || !fits_char(in.replindex) ||
        !fits_char(in.replcut) || in.fallback < -1 || in.fallback >= count ||
        !bounds.transitions(in.trans, in.transitions, trans)) {
      return false;
    }
    for (const HyphenTrans& transition : std::span(trans, static_cast<std::size_t>(in.transitions))) {
      // The padding bytes are zeros, and every transition leads to a state of this level.
      const char* bytes = reinterpret_cast<const char*>(&transition);
      if (bytes[1] != 0 || bytes[2] != 0 || bytes[3] != 0 || transition.new_state < 0 ||
          transition.new_state >= count) {
        return false;
      }
    }
    state.match = as_libhyphen(match);
    state.repl = as_libhyphen(repl);
    state.replindex = static_cast<signed char>(in.replindex);
    state.replcut = static_cast<signed char>(in.replcut);
    state.fallback_state = in.fallback;
    state.num_trans = in.transitions;
    state.trans = as_libhyphen(trans);
  }
  return true;
}

}  // namespace

std::string serialize_patterns(const HyphenDict& dict) {
  std::vector<const HyphenDict*> levels;
  std::size_t total_states = 0;
  for (const HyphenDict* level = &dict; level; level = level->nextlevel) {
    levels.push_back(level);
    total_states += static_cast<std::size_t>(std::max(level->num_states, 0));
  }
  const std::size_t first = kHeader + levels.size() * sizeof(StoredLevel) + total_states * sizeof(StoredState);
  Blob blob(first);
  std::string records;
  std::string headers;
  for (const HyphenDict* level : levels) {
    StoredLevel stored{};
    stored.lhmin = level->lhmin;
    stored.rhmin = level->rhmin;
    stored.clhmin = level->clhmin;
    stored.crhmin = level->crhmin;
    stored.nohyphen_count = level->nohyphenl;
    stored.nohyphen_size = static_cast<std::int32_t>(nohyphen_size(*level));
    stored.nohyphen = blob.bytes(level->nohyphen, nohyphen_size(*level));
    std::memcpy(stored.cset, level->cset, strnlen(level->cset, sizeof stored.cset - 1));  // zeros after the name
    stored.utf8 = level->utf8;
    stored.states = level->num_states;
    core::append_records(headers, std::span<const StoredLevel>(&stored, 1));
    for (int i = 0; i < level->num_states; ++i) {
      const HyphenState& state = level->states[i];
      StoredState out{};
      out.match = blob.string(state.match);
      out.repl = blob.string(state.repl);
      out.replindex = state.replindex;
      out.replcut = state.replcut;
      out.fallback = state.fallback_state;
      out.transitions = state.num_trans;
      out.trans = blob.transitions(state.trans, state.num_trans);
      core::append_records(records, std::span<const StoredState>(&out, 1));
    }
  }
  std::string body = blob.take();
  std::string out(kMagic);
  core::append_integer(out, static_cast<std::int32_t>(levels.size()));
  core::append_integer(out, static_cast<std::int32_t>(total_states));
  core::append_integer(out, static_cast<std::int32_t>(first + body.size()));
  return out + headers + records + body;
}

PatternMachine::PatternMachine(HyphenDict* made) : made_(made) {}

PatternMachine::PatternMachine(std::unique_ptr<Blocks> blocks) : blocks_(std::move(blocks)) {}

const HyphenDict* PatternMachine::first_level() const {
  if (made_) return made_.get();
  return blocks_ && !blocks_->levels.empty() ? &blocks_->levels.front() : nullptr;
}

namespace {

/// deserialize_patterns into `machine`, whose `source`, when set, holds `bytes`: the header
/// and the levels now, the states when the machine is first used (read_pending_states).
PatternMachine read_into(std::unique_ptr<PatternMachine::Blocks> machine, std::string_view bytes) {
  core::ByteReader in(bytes);
  std::int32_t levels = 0, total_states = 0, size = 0;
  if (!in.literal(kMagic) || !in.integer(levels) || !in.integer(total_states) || !in.integer(size) || levels < 1 ||
      levels > kMaxLevels || total_states < 1 || size < 0 || static_cast<std::size_t>(size) != bytes.size() ||
      bytes.back() != '\0') {
    return {};
  }
  std::span<const StoredLevel> stored_levels;
  std::span<const StoredState> stored_states;
  if (!in.records(static_cast<std::size_t>(levels), stored_levels)) return {};
  const std::size_t states_at = bytes.size() - in.left();
  if (!in.records(static_cast<std::size_t>(total_states), stored_states)) return {};
  const Bounds bounds(bytes, bytes.size() - in.left());
  machine->levels.resize(static_cast<std::size_t>(levels));
  std::size_t first_state = 0;
  for (std::size_t l = 0; l < stored_levels.size(); ++l) {
    HyphenDict& level = machine->levels[l];
    if (!read_level(stored_levels[l], bounds, bytes, level)) return {};
    const auto count = static_cast<std::size_t>(level.num_states);
    if (level.num_states <= 0 || count > stored_states.size() - first_state) return {};
    level.states = nullptr;
    level.nextlevel = l + 1 < machine->levels.size() ? &machine->levels[l + 1] : nullptr;
    first_state += count;
  }
  if (first_state != stored_states.size()) return {};
  machine->bytes = bytes;
  machine->states_at = states_at;
  machine->strings_at = bytes.size() - in.left();
  return PatternMachine(std::move(machine));
}

/// Builds the states of `machine`, whose levels read_into read; false when one is damaged.
bool read_pending_states(PatternMachine::Blocks& machine) {
  core::ByteReader in(machine.bytes.substr(machine.states_at));
  std::span<const StoredState> stored_states;
  std::size_t total = 0;
  for (const HyphenDict& level : machine.levels) total += static_cast<std::size_t>(level.num_states);
  if (!in.records(total, stored_states)) return false;
  const Bounds bounds(machine.bytes, machine.strings_at);
  machine.states.resize(total);
  std::size_t first_state = 0;
  for (HyphenDict& level : machine.levels) {
    const auto count = static_cast<std::size_t>(level.num_states);
    if (!read_states(stored_states.subspan(first_state, count), bounds, machine.states.data() + first_state)) {
      return false;
    }
    level.states = machine.states.data() + first_state;
    first_state += count;
  }
  return true;
}

}  // namespace

HyphenDict* PatternMachine::get() const {
  if (made_) return made_.get();
  if (!blocks_ || blocks_->levels.empty()) return nullptr;
  if (!blocks_->states_read) {
    blocks_->states_read = true;
    if (!read_pending_states(*blocks_)) blocks_->levels.clear();  // damaged: no machine
  }
  return blocks_->levels.empty() ? nullptr : &blocks_->levels.front();
}

PatternMachine deserialize_patterns(std::string_view bytes) {
  return read_into(std::make_unique<PatternMachine::Blocks>(), bytes);
}

PatternMachine deserialize_patterns(core::MappedFile file) {
  auto machine = std::make_unique<PatternMachine::Blocks>();
  const std::string_view bytes = file.bytes();
  machine->source = std::move(file);  // the mapping stays where it is
  return read_into(std::move(machine), bytes);
}

std::optional<std::filesystem::path> pattern_cache_folder() { return core::cache_folder(); }

PatternMachine load_patterns(const std::filesystem::path& dic) {
  // Dictionaries are a few hundred kilobytes; a larger file is left to libhyphen alone.
  constexpr off_t kMaxDictionary = 16 << 20;
  const auto folder = pattern_cache_folder();
  struct stat status {};
  const bool cacheable = folder && ::stat(dic.c_str(), &status) == 0 && S_ISREG(status.st_mode) &&
                         status.st_size <= kMaxDictionary;
  const auto identity = cacheable ? core::settled_identity(dic) : std::nullopt;
  if (!identity) return PatternMachine(hnj_hyphen_load(dic.c_str()));
  const std::string key = std::string(kMagic) + "\n" + std::to_string(sizeof(HyphenState)) + "," +
                          std::to_string(sizeof(HyphenTrans)) + "\n" + *identity;
  const std::filesystem::path cached = *folder / ("hyphen-" + core::content_hash(key) + ".bin");
  if (auto compiled = core::MappedFile::try_map(cached, 64 << 20)) {
    if (PatternMachine machine = deserialize_patterns(std::move(*compiled)); machine.first_level()) return machine;
  }
  PatternMachine made(hnj_hyphen_load(dic.c_str()));
  if (!made) return {};
  // Kept only when the file libhyphen read is the one named: not changed while it read.
  if (core::settled_identity(dic) != identity) return made;
  core::store_cache_entry(cached, serialize_patterns(*made));
  return made;
}

}  // namespace leafpress::text
