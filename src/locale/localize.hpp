#pragma once

#include <string>

#include "core/diagnostics.hpp"
#include "document/document.hpp"
#include "document/localized_document.hpp"

namespace leafpress::locale {

/// The leaflet in `language`: every key replaced by its rich text. A key missing from the
/// language falls back to the default language with a warning naming the key and the file.
document::LocalizedDocument localize(const document::Document& doc, const std::string& language,
                                     core::Diagnostics& diags);

}  // namespace leafpress::locale
