#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"
#include "document/document.hpp"
#include "document/localized_document.hpp"

namespace leafpress::cli {

/// One worker's last localized document, so that the formats of one language, which a worker
/// sets one after another, localize the leaflet once instead of once each (localizing is
/// about a tenth of setting a document: 41 of the shipped leaflet's 607 M instructions built
/// in 4 languages x 3 formats). Keyed by the addresses of the document and its variants row:
/// it must live no longer than one batch's documents, and one batch has one set of limits.
class LocalizedDocuments {
 public:
  /// locale::localize(doc, language, diags, limits, row), or a copy of the result kept from
  /// the last call with the same doc, language and row, whose diagnostics are then added to
  /// `diags` again. Keeps a copy of this result only when `asked_again`.
  document::LocalizedDocument localize(const document::Document& doc, const std::string& language,
                                       const document::VariantRow* row, const core::Limits& limits,
                                       core::Diagnostics& diags, bool asked_again);

 private:
  struct Kept {
    const document::Document* doc;
    std::string language;
    const document::VariantRow* row;
    document::LocalizedDocument localized;
    std::vector<core::Diagnostic> diagnostics;
  };
  std::optional<Kept> kept_;
};

}  // namespace leafpress::cli
