#pragma once

#include <string>
#include <string_view>

#include "core/diagnostics.hpp"

namespace leafpress::locale {

/// The most combining marks (canonical combining class other than 0) allowed in a row:
/// Unicode's Stream-Safe Text Format (UAX #15 §13) allows 30. Real text needs a handful.
inline constexpr int kMaxCombiningMarks = 30;

/// `text` with every run of more than kMaxCombiningMarks combining marks cut to that many;
/// each such run is reported at `loc` as an error. Longer runs make shaping slow quadratically (a
/// mark's base is searched for back across all the marks before it) and never come from
/// real writing. `text` must be valid UTF-8.
std::string limit_combining_marks(std::string_view text, const core::SourceLoc& loc, std::string_view key,
                                  core::Diagnostics& diags);

}  // namespace leafpress::locale
