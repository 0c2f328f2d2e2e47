#include "text/bidi.hpp"

#include <unicode/ubidi.h>

#include <algorithm>
#include <numeric>

#include "core/c_handle.hpp"
#include "core/invariant.hpp"
#include "text/utf16_text.hpp"

namespace leafpress::text {

bool BidiLevels::all_ltr() const {
  return std::all_of(levels.begin(), levels.end(), [](std::uint8_t level) { return level % 2 == 0; });
}

BidiLevels resolve_bidi(std::string_view text, document::Direction base) {
  const UBiDiLevel paragraph_level = base == document::Direction::rtl ? 1 : 0;
  BidiLevels result{base, std::vector<std::uint8_t>(text.size(), paragraph_level)};
  if (text.empty()) return result;
  const Utf16Text utf16(text);
  core::CHandle<UBiDi, ubidi_close> bidi(ubidi_open());
  UErrorCode status = U_ZERO_ERROR;
  ubidi_setPara(bidi.get(), utf16.units.getBuffer(), utf16.units.length(), paragraph_level, nullptr, &status);
  const UBiDiLevel* levels = U_SUCCESS(status) ? ubidi_getLevels(bidi.get(), &status) : nullptr;
  if (U_FAILURE(status) || !levels) return result;
  for (int32_t i = 0; i < utf16.units.length(); ++i) {
    const std::size_t end = utf16.byte_at(i + 1);
    for (std::size_t byte = utf16.byte_at(i); byte < end; ++byte) result.levels[byte] = levels[i];
  }
  return result;
}

std::vector<std::size_t> visual_order(const std::vector<std::uint8_t>& run_levels) {
  std::vector<std::size_t> order(run_levels.size());
  std::iota(order.begin(), order.end(), 0);
  if (run_levels.empty()) return order;
  std::vector<int32_t> map(run_levels.size());
  ubidi_reorderVisual(run_levels.data(), static_cast<int32_t>(run_levels.size()), map.data());
  for (std::size_t k = 0; k < map.size(); ++k) order[k] = static_cast<std::size_t>(map[k]);
  return order;
}

}  // namespace leafpress::text
