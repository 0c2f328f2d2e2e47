#include "text/compiled_patterns.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <span>

#include "core/atomic_file.hpp"
#include "core/byte_reader.hpp"
#include "core/cache_folder.hpp"
#include "core/file_identity.hpp"
#include "core/hash.hpp"

namespace leafpress::text {
namespace {

// The layout of the bytes: a header, then each level of the machine (a dictionary and the
// ones it falls back to for compound words). Integers are 32-bit, in this machine's order:
// the cache is of this machine, for this machine. Every string is stored with its NUL and
// every transition list as libhyphen's own HyphenTrans array, each padded to 4 bytes, so that
// a machine read back points into the bytes instead of copying them: the cache file is
// mapped, and only the states (which hold pointers) are built in memory.
constexpr std::string_view kMagic = "leafpress-hyphens-v2";  // 20 bytes: what follows is aligned
constexpr int kMaxLevels = 4;
constexpr std::int32_t kNoString = -1;
constexpr std::size_t kAlign = 4;
static_assert(kMagic.size() % kAlign == 0);
static_assert(sizeof(HyphenTrans) == 8 && offsetof(HyphenTrans, ch) == 0 && offsetof(HyphenTrans, new_state) == 4 &&
                  alignof(HyphenTrans) <= kAlign,
              "the stored transitions are libhyphen's HyphenTrans as this machine lays it out");

std::size_t padding(std::size_t size) { return (kAlign - size % kAlign) % kAlign; }

class Writer {
 public:
  void integer(std::int32_t value) { core::append_integer(out_, value); }
  /// `size` bytes, then a NUL, then zeros to the next multiple of 4.
  void bytes(const char* data, std::size_t size) {
    integer(static_cast<std::int32_t>(size));
    out_.append(data, size);
    out_.append(1 + padding(size + 1), '\0');
  }
  void string(const char* text) {
    if (!text) {
      integer(kNoString);
    } else {
      bytes(text, std::strlen(text));
    }
  }
  void transitions(const HyphenTrans* trans, int count) {
    integer(count);
    for (int t = 0; t < count; ++t) {
      char stored[sizeof(HyphenTrans)] = {};  // the padding bytes are zeros, not whatever memory held
      stored[offsetof(HyphenTrans, ch)] = trans[t].ch;
      std::memcpy(stored + offsetof(HyphenTrans, new_state), &trans[t].new_state, sizeof trans[t].new_state);
      out_.append(stored, sizeof stored);
    }
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

/// A stored string, NUL-terminated where it lies in the bytes (nullptr for "no string"), with
/// its stored size in `size`; false when damaged.
bool read_string(core::ByteReader& in, const char*& text, std::int32_t& size) {
  text = nullptr;
  if (!in.integer(size)) return false;
  if (size == kNoString) return true;
  if (size < 0) return false;
  const auto length = static_cast<std::size_t>(size);
  std::string_view piece;
  // The NUL and the padding after the string (1 to 4 bytes) are all zeros.
  if (!in.bytes(length, piece) || !in.zeros(1 + padding(length + 1))) return false;
  text = piece.data();
  return true;
}

bool read_string(core::ByteReader& in, const char*& text) {
  std::int32_t size = 0;
  return read_string(in, text, size);
}

/// The NOHYPHEN list: `count` + 1 NUL-terminated pieces in one buffer.
std::size_t nohyphen_size(const HyphenDict& dict) {
  if (!dict.nohyphen) return 0;
  std::size_t size = 0;
  for (int piece = 0; piece <= dict.nohyphenl; ++piece) size += std::strlen(dict.nohyphen + size) + 1;
  return size;
}

void write_level(const HyphenDict& dict, Writer& out) {
  for (const char option : {dict.lhmin, dict.rhmin, dict.clhmin, dict.crhmin}) out.integer(option);
  out.integer(dict.nohyphenl);
  if (dict.nohyphen) {
    out.bytes(dict.nohyphen, nohyphen_size(dict));
  } else {
    out.integer(kNoString);
  }
  out.bytes(dict.cset, sizeof dict.cset);
  out.integer(dict.utf8);
  out.integer(dict.num_states);
  for (int i = 0; i < dict.num_states; ++i) {
    const HyphenState& state = dict.states[i];
    out.string(state.match);
    out.string(state.repl);
    out.integer(state.replindex);
    out.integer(state.replcut);
    out.integer(state.fallback_state);
    out.transitions(state.trans, state.num_trans);
  }
}

bool fits_char(std::int32_t value) {
  return value >= std::numeric_limits<signed char>::min() && value <= std::numeric_limits<signed char>::max();
}

/// libhyphen's structures name their strings and transitions `char*` and `HyphenTrans*`, yet
/// only read them when hyphenating: those of a machine read back are the read-only bytes.
char* as_libhyphen(const char* text) { return const_cast<char*>(text); }
HyphenTrans* as_libhyphen(const HyphenTrans* trans) { return const_cast<HyphenTrans*>(trans); }

/// Reads one level into `dict`, its states appended to `states` (their strings and
/// transitions pointing into the bytes), and where they start in `first_state`; false when
/// damaged.
bool read_level(core::ByteReader& in, HyphenDict& dict, std::vector<HyphenState>& states, std::size_t& first_state) {
  std::int32_t options[4];
  for (std::int32_t& option : options) {
    if (!in.integer(option) || !fits_char(option)) return false;
  }
  dict.lhmin = static_cast<char>(options[0]);
  dict.rhmin = static_cast<char>(options[1]);
  dict.clhmin = static_cast<char>(options[2]);
  dict.crhmin = static_cast<char>(options[3]);
  std::int32_t nohyphen_count = 0;
  std::int32_t nohyphen_size = 0;
  const char* nohyphen = nullptr;
  if (!in.integer(nohyphen_count) || nohyphen_count < 0 || !read_string(in, nohyphen, nohyphen_size)) return false;
  dict.nohyphenl = nohyphen_count;
  dict.nohyphen = as_libhyphen(nohyphen);
  if (nohyphen) {
    // libhyphen walks nohyphenl + 1 NUL-terminated pieces: all must lie in the buffer.
    const auto pieces = std::count(nohyphen, nohyphen + nohyphen_size, '\0');
    if (pieces < static_cast<std::ptrdiff_t>(nohyphen_count) + 1) return false;
  }
  const char* cset = nullptr;
  std::int32_t cset_size = 0;
  if (!read_string(in, cset, cset_size) || cset_size != static_cast<std::int32_t>(sizeof dict.cset)) return false;
  std::memcpy(dict.cset, cset, sizeof dict.cset);
  dict.cset[sizeof dict.cset - 1] = '\0';
  std::int32_t utf8 = 0;
  std::int32_t count = 0;
  if (!in.integer(utf8) || !in.integer(count)) return false;
  dict.utf8 = utf8;
  // Each state takes at least 24 bytes: no count larger than the bytes left can be true.
  if (count <= 0 || static_cast<std::size_t>(count) > in.left() / 24) return false;
  dict.num_states = count;
  first_state = states.size();
  states.resize(states.size() + static_cast<std::size_t>(count));
  for (std::size_t k = 0; k < static_cast<std::size_t>(count); ++k) {
    HyphenState& state = states[first_state + k];
    const char* match = nullptr;
    const char* repl = nullptr;
    std::span<const HyphenTrans> trans;
    std::int32_t replindex = 0, replcut = 0, fallback = 0, transitions = 0;
    if (!read_string(in, match) || !read_string(in, repl) || !in.integer(replindex) || !in.integer(replcut) ||
        !in.integer(fallback) || !in.integer(transitions)) {
      return false;
    }
    if (!fits_char(replindex) || !fits_char(replcut) || fallback < -1 || fallback >= count || transitions < 0 ||
        !in.records(static_cast<std::size_t>(transitions), trans)) {
      return false;
    }
    for (const HyphenTrans& transition : trans) {
      // The padding bytes are zeros, and every transition leads to a state of this level.
      const char* stored = reinterpret_cast<const char*>(&transition);
      if (stored[1] != 0 || stored[2] != 0 || stored[3] != 0 || transition.new_state < 0 ||
          transition.new_state >= count) {
        return false;
      }
    }
    state.match = as_libhyphen(match);
    state.repl = as_libhyphen(repl);
    state.replindex = static_cast<signed char>(replindex);
    state.replcut = static_cast<signed char>(replcut);
    state.fallback_state = fallback;
    state.num_trans = transitions;
    state.trans = transitions > 0 ? as_libhyphen(trans.data()) : nullptr;
  }
  return true;
}

}  // namespace

std::string serialize_patterns(const HyphenDict& dict) {
  int levels = 0;
  for (const HyphenDict* level = &dict; level; level = level->nextlevel) ++levels;
  Writer body;
  body.integer(levels);
  for (const HyphenDict* level = &dict; level; level = level->nextlevel) write_level(*level, body);
  return std::string(kMagic) + body.take();
}

PatternMachine::PatternMachine(HyphenDict* made) : made_(made) {}

PatternMachine::PatternMachine(std::unique_ptr<Blocks> blocks) : blocks_(std::move(blocks)) {}

HyphenDict* PatternMachine::get() const {
  if (made_) return made_.get();
  return blocks_ && !blocks_->levels.empty() ? &blocks_->levels.front() : nullptr;
}

namespace {

/// deserialize_patterns into `machine`, whose `source`, when set, holds `bytes`.
PatternMachine read_into(std::unique_ptr<PatternMachine::Blocks> machine, std::string_view bytes) {
  core::ByteReader in(bytes);
  std::int32_t levels = 0;
  if (!in.literal(kMagic) || !in.integer(levels) || levels < 1 || levels > kMaxLevels) return {};
  machine->levels.resize(static_cast<std::size_t>(levels));
  std::vector<std::size_t> first_states(static_cast<std::size_t>(levels));
  for (std::size_t l = 0; l < first_states.size(); ++l) {
    if (!read_level(in, machine->levels[l], machine->states, first_states[l])) return {};
  }
  if (!in.at_end()) return {};
  // The states have stopped moving: point each level at its own, and at the next level.
  for (std::size_t l = 0; l < machine->levels.size(); ++l) {
    machine->levels[l].states = machine->states.data() + first_states[l];
    machine->levels[l].nextlevel = l + 1 < machine->levels.size() ? &machine->levels[l + 1] : nullptr;
  }
  return PatternMachine(std::move(machine));
}

}  // namespace

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
    if (PatternMachine machine = deserialize_patterns(std::move(*compiled))) return machine;
  }
  PatternMachine made(hnj_hyphen_load(dic.c_str()));
  if (!made) return {};
  // Kept only when the file libhyphen read is the one named: not changed while it read.
  if (core::settled_identity(dic) != identity) return made;
  core::store_cache_entry(cached, serialize_patterns(*made));
  return made;
}

}  // namespace leafpress::text
