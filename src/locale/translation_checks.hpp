#pragma once

#include <string_view>

#include "core/diagnostics.hpp"

namespace leafpress::locale {

/// Checks a translation against the text it translates, as `strings import` must before it
/// writes anything: balanced inline markup, and the same link addresses as the source (a
/// translation may not send readers elsewhere). Reports each problem at `loc` (the
/// translation file's line); returns true when there is none.
bool check_translation(std::string_view key, std::string_view source, std::string_view translation,
                       const core::SourceLoc& loc, core::Diagnostics& diags);

}  // namespace leafpress::locale
