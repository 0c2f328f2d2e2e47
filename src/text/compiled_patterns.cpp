#include "text/compiled_patterns.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>

#include "core/atomic_file.hpp"
#include "core/cache_folder.hpp"
#include "core/hash.hpp"
#include "core/read_file.hpp"

namespace leafpress::text {
namespace {

// The layout of the bytes: a header, then each level of the machine (a dictionary and the
// ones it falls back to for compound words). Integers are 32-bit, in this machine's order:
// the cache is of this machine, for this machine.
constexpr std::string_view kMagic = "leafpress-hyphen-1";
constexpr int kMaxLevels = 4;
constexpr std::int32_t kNoString = -1;
constexpr std::size_t kAbsent = std::numeric_limits<std::size_t>::max();  // no string, no transitions

class Writer {
 public:
  void integer(std::int32_t value) { out_.append(reinterpret_cast<const char*>(&value), sizeof value); }
  void bytes(const char* data, std::size_t size) {
    integer(static_cast<std::int32_t>(size));
    out_.append(data, size);
  }
  void string(const char* text) {
    if (!text) {
      integer(kNoString);
    } else {
      bytes(text, std::strlen(text));
    }
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  bool integer(std::int32_t& value) {
    if (bytes_.size() - at_ < sizeof value) return false;
    std::memcpy(&value, bytes_.data() + at_, sizeof value);
    at_ += sizeof value;
    return true;
  }
  /// A NUL-terminated copy appended to `block`, its offset there in `offset` (kAbsent for
  /// "no string") and its stored size in `size`; false when damaged.
  bool string(std::vector<char>& block, std::size_t& offset, std::int32_t& size) {
    offset = kAbsent;
    if (!integer(size)) return false;
    if (size == kNoString) return true;
    if (size < 0 || static_cast<std::size_t>(size) > bytes_.size() - at_) return false;
    offset = block.size();
    block.insert(block.end(), bytes_.data() + at_, bytes_.data() + at_ + size);
    block.push_back('\0');
    at_ += static_cast<std::size_t>(size);
    return true;
  }
  bool string(std::vector<char>& block, std::size_t& offset) {
    std::int32_t size = 0;
    return string(block, offset, size);
  }
  bool raw(char* into, std::size_t size) {
    if (bytes_.size() - at_ < size) return false;
    std::memcpy(into, bytes_.data() + at_, size);
    at_ += size;
    return true;
  }
  bool literal(std::string_view expected) {
    if (bytes_.substr(at_, expected.size()) != expected) return false;
    at_ += expected.size();
    return true;
  }
  std::size_t left() const { return bytes_.size() - at_; }
  bool at_end() const { return at_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

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
    out.integer(state.num_trans);
    for (int t = 0; t < state.num_trans; ++t) {
      out.integer(state.trans[t].ch);
      out.integer(state.trans[t].new_state);
    }
  }
}

bool fits_char(std::int32_t value) {
  return value >= std::numeric_limits<signed char>::min() && value <= std::numeric_limits<signed char>::max();
}

/// Where a level's pointers will point, as offsets into the machine's blocks: they are
/// set once every level is read and the blocks have stopped growing.
struct LevelPlaces {
  std::size_t nohyphen = kAbsent;
  std::size_t first_state = 0;
  std::vector<std::size_t> match, repl, trans;  // per state
};

/// Reads one level into `dict`, its states, strings and transitions appended to `machine`'s
/// blocks and their places in `places`; false when damaged.
bool read_level(Reader& in, HyphenDict& dict, PatternMachine::Blocks& machine, LevelPlaces& places) {
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
  if (!in.integer(nohyphen_count) || nohyphen_count < 0 ||
      !in.string(machine.strings, places.nohyphen, nohyphen_size)) {
    return false;
  }
  dict.nohyphenl = nohyphen_count;
  if (places.nohyphen != kAbsent) {
    // libhyphen walks nohyphenl + 1 NUL-terminated pieces: all must lie in the buffer.
    const char* nohyphen = machine.strings.data() + places.nohyphen;
    const auto pieces = std::count(nohyphen, nohyphen + nohyphen_size, '\0');
    if (pieces < static_cast<std::ptrdiff_t>(nohyphen_count) + 1) return false;
  }
  std::int32_t cset_size = 0;
  if (!in.integer(cset_size) || cset_size != static_cast<std::int32_t>(sizeof dict.cset)) return false;
  if (!in.raw(dict.cset, sizeof dict.cset)) return false;
  dict.cset[sizeof dict.cset - 1] = '\0';
  std::int32_t utf8 = 0;
  std::int32_t states = 0;
  if (!in.integer(utf8) || !in.integer(states)) return false;
  dict.utf8 = utf8;
  // Each state takes at least 24 bytes: no count larger than the bytes left can be true.
  if (states <= 0 || static_cast<std::size_t>(states) > in.left() / 24) return false;
  dict.num_states = states;
  places.first_state = machine.states.size();
  machine.states.resize(machine.states.size() + static_cast<std::size_t>(states));
  places.match.resize(static_cast<std::size_t>(states));
  places.repl.resize(static_cast<std::size_t>(states));
  places.trans.resize(static_cast<std::size_t>(states), kAbsent);
  for (int i = 0; i < states; ++i) {
    HyphenState& state = machine.states[places.first_state + static_cast<std::size_t>(i)];
    const auto k = static_cast<std::size_t>(i);
    std::int32_t replindex = 0, replcut = 0, fallback = 0, transitions = 0;
    if (!in.string(machine.strings, places.match[k]) || !in.string(machine.strings, places.repl[k]) ||
        !in.integer(replindex) || !in.integer(replcut) || !in.integer(fallback) || !in.integer(transitions)) {
      return false;
    }
    if (!fits_char(replindex) || !fits_char(replcut) || fallback < -1 || fallback >= states || transitions < 0 ||
        static_cast<std::size_t>(transitions) > in.left() / 8) {
      return false;
    }
    state.replindex = static_cast<signed char>(replindex);
    state.replcut = static_cast<signed char>(replcut);
    state.fallback_state = fallback;
    state.num_trans = transitions;
    if (transitions > 0) places.trans[k] = machine.transitions.size();
    for (int t = 0; t < transitions; ++t) {
      std::int32_t ch = 0, next = 0;
      if (!in.integer(ch) || !in.integer(next) || !fits_char(ch) || next < 0 || next >= states) return false;
      machine.transitions.push_back(HyphenTrans{static_cast<char>(ch), next});
    }
  }
  return true;
}

/// Points each level's strings, states and transitions into the blocks, now that they are
/// whole, and each level at the next.
void point_into_blocks(PatternMachine::Blocks& machine, const std::vector<LevelPlaces>& places) {
  const auto at = [&](std::size_t offset) { return offset == kAbsent ? nullptr : machine.strings.data() + offset; };
  for (std::size_t l = 0; l < machine.levels.size(); ++l) {
    HyphenDict& dict = machine.levels[l];
    const LevelPlaces& place = places[l];
    dict.nohyphen = at(place.nohyphen);
    dict.states = machine.states.data() + place.first_state;
    for (std::size_t k = 0; k < place.match.size(); ++k) {
      HyphenState& state = dict.states[k];
      state.match = at(place.match[k]);
      state.repl = at(place.repl[k]);
      state.trans = place.trans[k] == kAbsent ? nullptr : machine.transitions.data() + place.trans[k];
    }
    dict.nextlevel = l + 1 < machine.levels.size() ? &machine.levels[l + 1] : nullptr;
  }
}

}  // namespace

std::string serialize_patterns(const HyphenDict& dict) {
  int levels = 0;
  for (const HyphenDict* level = &dict; level; level = level->nextlevel) ++levels;
  std::string header(kMagic);
  Writer body;
  body.integer(levels);
  for (const HyphenDict* level = &dict; level; level = level->nextlevel) write_level(*level, body);
  return header + body.take();
}

PatternMachine::PatternMachine(HyphenDict* made) : made_(made) {}

PatternMachine::PatternMachine(std::unique_ptr<Blocks> blocks) : blocks_(std::move(blocks)) {}

HyphenDict* PatternMachine::get() const {
  if (made_) return made_.get();
  return blocks_ && !blocks_->levels.empty() ? &blocks_->levels.front() : nullptr;
}

PatternMachine deserialize_patterns(std::string_view bytes) {
  Reader in(bytes);
  std::int32_t levels = 0;
  if (!in.literal(kMagic) || !in.integer(levels) || levels < 1 || levels > kMaxLevels) return {};
  auto machine = std::make_unique<PatternMachine::Blocks>();
  machine->levels.resize(static_cast<std::size_t>(levels));
  machine->strings.reserve(bytes.size() / 2);
  std::vector<LevelPlaces> places(static_cast<std::size_t>(levels));
  for (std::size_t l = 0; l < places.size(); ++l) {
    if (!read_level(in, machine->levels[l], *machine, places[l])) return {};
  }
  if (!in.at_end()) return {};
  point_into_blocks(*machine, places);
  return PatternMachine(std::move(machine));
}

std::optional<std::filesystem::path> pattern_cache_folder() { return core::cache_folder(); }

PatternMachine load_patterns(const std::filesystem::path& dic) {
  // Dictionaries are a few hundred kilobytes; a larger file is left to libhyphen alone.
  constexpr std::size_t kMaxDictionary = 16 << 20;
  const auto folder = pattern_cache_folder();
  const auto source = folder ? core::try_read_file(dic, kMaxDictionary) : std::nullopt;
  if (!source || source->size() > kMaxDictionary) return PatternMachine(hnj_hyphen_load(dic.c_str()));
  core::Fingerprint fingerprint;
  fingerprint.add(kMagic);
  fingerprint.add(std::to_string(sizeof(HyphenState)) + "," + std::to_string(sizeof(HyphenTrans)));
  fingerprint.add(*source);
  std::string name = "hyphen-";
  static constexpr char kHex[] = "0123456789abcdef";
  for (const std::uint8_t byte : fingerprint.digest()) {
    name += kHex[byte >> 4];
    name += kHex[byte & 0xF];
  }
  const std::filesystem::path cached = *folder / (name + ".bin");
  if (const auto compiled = core::try_read_file(cached, 64 << 20)) {
    if (PatternMachine machine = deserialize_patterns(*compiled)) return machine;
  }
  PatternMachine made(hnj_hyphen_load(dic.c_str()));
  if (!made) return {};
  try {
    std::error_code ec;
    std::filesystem::create_directories(*folder, ec);
    if (!ec) core::write_file_atomically(cached, serialize_patterns(*made));
  } catch (const std::exception&) {
    // A cache that cannot be written only costs time.
  }
  return made;
}

}  // namespace leafpress::text
