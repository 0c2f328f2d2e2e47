#include "text/remembered_positions.hpp"

namespace leafpress::text {

std::pair<std::vector<std::size_t>*, bool> RememberedPositions::slot() {
  if (bytes_ + key_.size() > kMaxBytes) {
    kept_.clear();
    bytes_ = 0;
  }
  const auto [entry, added] = kept_.try_emplace(key_);
  if (added) bytes_ += key_.size();
  return {&entry->second, !added};
}

}  // namespace leafpress::text
