#pragma once

#include <cstdint>
#include <map>
#include <vector>

namespace leafpress::pdf {

/// Consecutive CIDs starting at `first`, with their widths in 1/1000 em.
struct WidthRun {
  std::uint16_t first = 0;
  std::vector<int> widths;
  bool operator==(const WidthRun&) const = default;
};

/// Groups widths by consecutive CID for a CIDFont's /W array (ISO 32000-1 §9.7.4.3):
/// {3: 500, 4: 600, 9: 250} -> [3 [500 600] 9 [250]].
std::vector<WidthRun> group_cid_widths(const std::map<std::uint16_t, int>& width_of_cid);

}  // namespace leafpress::pdf
