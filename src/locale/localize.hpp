#pragma once

#include <string>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"
#include "document/document.hpp"
#include "document/localized_document.hpp"

namespace leafpress::locale {

/// The leaflet in `language`: every key replaced by its rich text. A key missing from the
/// language falls back to the default language with a warning naming the key and the file.
/// Text past `limits.max_text_bytes()` (every use of a string counted) is an error at the
/// use that crosses it, and that use and those after it are left empty.
/// With `variant`, each `{name}` of a declared variable (document::Document::variables)
/// takes the variant's value, else the variable's default; without, the defaults. Values are
/// text: their characters are not markup.
document::LocalizedDocument localize(const document::Document& doc, const std::string& language,
                                     core::Diagnostics& diags, const core::Limits& limits = {},
                                     const document::VariantRow* variant = nullptr);

}  // namespace leafpress::locale
