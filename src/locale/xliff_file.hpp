#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"
#include "locale/po_file.hpp"

namespace leafpress::locale {

// XLIFF 2.1 (OASIS, 2018) for the translators whose tools are memoQ, Trados or Phrase. The
// strings travel in the same PoFile shape as a PO file, so that import checks both alike:
// header "Language" is the target language, every entry's context is its unit id (the
// string's key, which no tool may change), and fuzzy means the segment is in state
// "initial" with a target.

/// An XLIFF 2.1 document of `strings`: one <unit id="key"> each, with the entry's comments
/// as notes, inline markup (**strong**, *emphasis*, [text](address)) as <pc> placeholders
/// whose original markup sits in <originalData>, so that a tool moves it but cannot edit it.
std::string format_xliff(const PoFile& strings, std::string_view source_language, std::string_view target_language,
                         std::string_view original);

/// Reads an XLIFF 2.x document with libxml2 (no DTD, no network) within `limits`, placeholders
/// turned back into markup. Reports each problem at its line; nullopt when any is an error.
std::optional<PoFile> try_parse_xliff(std::string_view bytes, const std::string& file_name, const core::Limits& limits,
                                      core::Diagnostics& diags);

/// True when `bytes` look like an XML document rather than a PO file.
bool looks_like_xml(std::string_view bytes);

}  // namespace leafpress::locale
