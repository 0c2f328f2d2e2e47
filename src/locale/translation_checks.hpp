#pragma once

#include <string>
#include <string_view>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"

namespace leafpress::locale {

/// Checks the bytes of a translation file (PO, XLIFF) before any parser sees them, as the
/// YAML loader checks its files and with its messages: within `limits.max_file_bytes`, valid
/// UTF-8, no NUL byte. Reports the first problem at its place; true when there is none.
bool check_translation_bytes(std::string_view bytes, const std::string& file_name, const core::Limits& limits,
                             core::Diagnostics& diags);

/// "file:line:col" of byte `offset` in `bytes`.
core::SourceLoc loc_of_offset(std::string_view bytes, std::size_t offset, const std::string& file);

/// Checks a translation against the text it translates, as `strings import` must before it
/// writes anything: balanced inline markup, the same link addresses as the source (a
/// translation may not send readers elsewhere), and the same `{variable}` placeholders. Reports each problem at `loc` (the
/// translation file's line); returns true when there is none.
bool check_translation(std::string_view key, std::string_view source, std::string_view translation,
                       const core::SourceLoc& loc, core::Diagnostics& diags);

}  // namespace leafpress::locale
