#include "pdf/cid_widths.hpp"

namespace leafpress::pdf {

std::vector<WidthRun> group_cid_widths(const std::map<std::uint16_t, int>& width_of_cid) {
  std::vector<WidthRun> runs;
  for (const auto& [cid, width] : width_of_cid) {
    if (runs.empty() || runs.back().first + runs.back().widths.size() != cid) runs.push_back({cid, {}});
    runs.back().widths.push_back(width);
  }
  return runs;
}

}  // namespace leafpress::pdf
