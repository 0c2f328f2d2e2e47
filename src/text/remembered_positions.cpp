#include "text/remembered_positions.hpp"

#include <cstdint>
#include <cstring>
#include <optional>
#include <unordered_set>

#include "core/atomic_file.hpp"
#include "core/byte_reader.hpp"
#include "core/cache_folder.hpp"
#include "core/hash.hpp"
#include "core/kept_table.hpp"

namespace leafpress::text {
namespace {

constexpr std::size_t kMaxEntryBytes = 8 << 20;

/// Positions as kept: 32-bit integers in this machine's order.
std::string encode(const std::vector<std::size_t>& positions) {
  std::string out;
  out.reserve(positions.size() * sizeof(std::uint32_t));
  for (const std::size_t at : positions) core::append_integer(out, static_cast<std::uint32_t>(at));
  return out;
}

/// The positions kept in `value`, when they ascend, lie within `text` and start characters.
std::optional<std::vector<std::size_t>> decode(std::string_view value, std::string_view text) {
  if (value.size() % sizeof(std::uint32_t) != 0) return std::nullopt;
  std::vector<std::size_t> positions(value.size() / sizeof(std::uint32_t));
  for (std::size_t i = 0; i < positions.size(); ++i) {
    std::uint32_t at = 0;
    std::memcpy(&at, value.data() + i * sizeof at, sizeof at);
    if (at > text.size() || (i > 0 && at <= positions[i - 1])) return std::nullopt;
    const bool starts_character = at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
    if (!starts_character) return std::nullopt;
    positions[i] = at;
  }
  return positions;
}

}  // namespace

struct RememberedPositions::Entry {
  std::filesystem::path file;
  std::string magic;
  bool opened = false;
  std::optional<core::KeptTable> table;

  const core::KeptTable* read() {
    if (!opened) table = core::KeptTable::open(file, magic, kMaxEntryBytes);
    opened = true;
    return table ? &*table : nullptr;
  }
};

RememberedPositions::RememberedPositions() = default;

RememberedPositions::RememberedPositions(std::filesystem::path entry, std::string magic)
    : entry_(std::make_unique<Entry>(Entry{std::move(entry), std::move(magic), false, std::nullopt})) {}

RememberedPositions RememberedPositions::kept_in_cache(std::string_view name, std::string magic) {
  const auto folder = core::cache_folder();
  if (!folder) return RememberedPositions();
  const std::string file = std::string(name) + "-" + core::content_hash(magic) + ".bin";
  return RememberedPositions(*folder / file, std::move(magic));
}

RememberedPositions::RememberedPositions(RememberedPositions&&) noexcept = default;
RememberedPositions& RememberedPositions::operator=(RememberedPositions&&) noexcept = default;

std::pair<std::vector<std::size_t>*, bool> RememberedPositions::slot(std::string_view text, bool across_runs) {
  if (bytes_ + key_.size() > kMaxBytes) {
    kept_.clear();
    bytes_ = 0;
  }
  const auto [found, added] = kept_.try_emplace(key_);
  if (!added) return {&found->second.at, true};
  bytes_ += key_.size();
  if (!entry_ || !across_runs) return {&found->second.at, false};
  if (const core::KeptTable* table = entry_->read()) {
    if (const auto value = table->find(core::content_digest(key_))) {
      if (auto positions = decode(*value, text)) {
        found->second.at = std::move(*positions);
        return {&found->second.at, true};
      }
    }
  }
  found->second.to_keep = true;
  return {&found->second.at, false};
}

RememberedPositions::~RememberedPositions() { write(); }

void RememberedPositions::write() {
  if (!entry_) return;
  // The entry's keys are the fingerprints of the run's: a paragraph's positions take a few
  // bytes more than its positions, so looking them up brings little into memory.
  std::vector<std::pair<std::string, std::string>> added;
  for (const auto& [key, positions] : kept_) {
    if (positions.to_keep) added.emplace_back(core::content_digest(key), encode(positions.at));
  }
  if (added.empty()) return;
  std::vector<std::pair<std::string_view, std::string_view>> entries(added.begin(), added.end());
  std::unordered_set<std::string_view> keys;
  for (const auto& [key, value] : entries) keys.insert(key);
  // What was there when this run read it, and what other workers and runs wrote since:
  // otherwise the last writer's positions would be all that is left.
  const auto meanwhile = core::KeptTable::open(entry_->file, entry_->magic, kMaxEntryBytes);
  for (const core::KeptTable* table : {entry_->read(), meanwhile ? &*meanwhile : nullptr}) {
    if (!table) continue;
    for (const auto& [key, kept] : table->entries()) {
      if (keys.insert(key).second) entries.emplace_back(key, kept);
    }
  }
  const std::string bytes = core::kept_table_bytes(entry_->magic, entries);
  if (bytes.size() <= kMaxEntryBytes) core::store_cache_entry(entry_->file, bytes);
  for (auto& [key, positions] : kept_) positions.to_keep = false;
}

}  // namespace leafpress::text
