#include "core/kept_table.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <type_traits>

#include "core/byte_reader.hpp"
#include "core/hash.hpp"

namespace leafpress::core {
namespace {

// Integers are 32-bit, in this machine's order: the cache is of this machine, for this machine.
// The layout: the magic and zeros to a multiple of 8; the slot count (a power of two) and the
// record count; the slots; the records, each the stable_hash of its key and value, the key's
// size, the key, the value's size and the value, the key and the value each followed by zeros
// to a multiple of 4.
constexpr std::size_t kMinSlots = 8;
constexpr std::size_t kMaxRecords = 1 << 20;

/// A record's check, from its key's hash (which also places the key in the table).
std::uint64_t record_check(std::uint64_t key_hash, std::string_view value) { return stable_hash(value, key_hash); }

std::string padded_magic(std::string_view magic) {
  std::string out(magic);
  out.append(padding_to(out.size(), 8), '\0');
  return out;
}

std::uint32_t check_of(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32); }

}  // namespace

std::optional<KeptTable> KeptTable::open(const std::filesystem::path& file, std::string_view magic,
                                         std::size_t max_bytes) {
  static_assert(sizeof(Slot) == 8 && std::has_unique_object_representations_v<Slot>);
  auto mapped = MappedFile::try_map(file, max_bytes);
  if (!mapped) return std::nullopt;
  ByteReader in(mapped->bytes());
  std::uint32_t slot_count = 0, count = 0;
  std::span<const Slot> slots;
  if (!in.literal(padded_magic(magic)) || !in.integer(slot_count) || !in.integer(count) || slot_count < kMinSlots ||
      (slot_count & (slot_count - 1)) != 0 || count > kMaxRecords || std::size_t{count} * 2 > slot_count ||
      !in.records(slot_count, slots)) {
    return std::nullopt;
  }
  const std::size_t records_at = mapped->bytes().size() - in.left();
  return KeptTable(std::move(*mapped), slots, count, records_at);  // a mapping stays where it is when moved
}

std::optional<std::pair<std::string_view, std::string_view>> KeptTable::record(
    std::uint32_t at, std::optional<std::uint64_t> key_hash) const {
  const std::string_view bytes = mapped_.bytes();
  if (at < records_at_ || at % 4 != 0 || at >= bytes.size()) return std::nullopt;
  ByteReader in(bytes.substr(at));
  std::uint64_t check = 0;
  std::uint32_t key_size = 0, value_size = 0;
  std::string_view key, value;
  if (!in.integer(check) || !in.integer(key_size) || !in.bytes(key_size, key) || !in.zeros(padding_to(key_size, 4)) ||
      !in.integer(value_size) || !in.bytes(value_size, value) ||
      check != record_check(key_hash ? *key_hash : stable_hash(key), value)) {
    return std::nullopt;
  }
  return std::pair{key, value};
}

std::optional<std::string_view> KeptTable::find(std::string_view key) const {
  const std::uint64_t hash = stable_hash(key);
  const std::size_t mask = slots_.size() - 1;
  // Linear probing: a key lies before the first empty slot from its own, and a whole table
  // has at most `count_` slots used in a row.
  std::size_t slot = hash & mask;
  for (std::size_t probe = 0; probe <= count_; ++probe, slot = (slot + 1) & mask) {
    const Slot& here = slots_[slot];
    if (here.at == 0) return std::nullopt;
    if (here.check != check_of(hash)) continue;
    if (const auto found = record(here.at, hash); found && found->first == key) return found->second;
  }
  return std::nullopt;
}

std::vector<std::pair<std::string_view, std::string_view>> KeptTable::entries() const {
  std::vector<std::uint32_t> at;
  for (const Slot& slot : slots_) {
    if (slot.at != 0) at.push_back(slot.at);
  }
  std::sort(at.begin(), at.end());
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (const std::uint32_t record_at : at) {
    if (const auto found = record(record_at, std::nullopt)) out.push_back(*found);
  }
  return out;
}

std::string kept_table_bytes(std::string_view magic,
                             std::span<const std::pair<std::string_view, std::string_view>> entries) {
  using Slot = KeptTable::Slot;
  const std::size_t slot_count = std::max(kMinSlots, std::bit_ceil(entries.size() * 2));
  std::vector<Slot> slots(slot_count);
  std::string out = padded_magic(magic);
  append_integer(out, static_cast<std::uint32_t>(slot_count));
  append_integer(out, static_cast<std::uint32_t>(entries.size()));
  const std::size_t slots_at = out.size();
  out.append(slot_count * sizeof(Slot), '\0');
  for (const auto& [key, value] : entries) {
    const std::uint64_t hash = stable_hash(key);
    std::size_t slot = hash & (slot_count - 1);
    while (slots[slot].at != 0) slot = (slot + 1) & (slot_count - 1);
    slots[slot] = {check_of(hash), static_cast<std::uint32_t>(out.size())};
    append_integer(out, record_check(hash, value));
    append_integer(out, static_cast<std::uint32_t>(key.size()));
    out += key;
    out.append(padding_to(key.size(), 4), '\0');
    append_integer(out, static_cast<std::uint32_t>(value.size()));
    out += value;
    out.append(padding_to(value.size(), 4), '\0');
  }
  std::memcpy(out.data() + slots_at, slots.data(), slot_count * sizeof(Slot));
  return out;
}

}  // namespace leafpress::core
