#pragma once

#include <string_view>

#include "core/diagnostics.hpp"
#include "document/localized_document.hpp"

namespace leafpress::locale {

/// Parses a string's inline markup: *emphasis*, **strong**, [text](url), and backslash
/// escapes. White space runs collapse to one space, as in HTML. Unclosed markers are
/// reported at `loc`, and the text is kept as written.
document::RichText parse_inline_markup(std::string_view text, const core::SourceLoc& loc, std::string_view key,
                                       core::Diagnostics& diags);

}  // namespace leafpress::locale
