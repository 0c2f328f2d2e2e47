#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"
#include "document/document.hpp"
#include "document/localized_document.hpp"

namespace leafpress::cli {

/// A batch's localized documents, shared by its workers: each leaflet, language and variants
/// row is localized once, by whichever worker sets the first of its formats, and kept for
/// the others until the last has taken it. Localizing is about a tenth of setting a document
/// (41 of the shipped leaflet's 607 M instructions built in 4 languages x 3 formats); shared,
/// a language whose formats end up on two workers is still localized once. Keyed by the
/// addresses of the document and its variants row: it must live no longer than one batch's
/// documents, and one batch has one set of limits. expect() is called before the workers
/// start; localize() may then be called from any of them at once.
class LocalizedDocuments {
 public:
  /// Counts one more of the batch's documents that will ask for `doc` in `language` and `row`.
  void expect(const document::Document& doc, const std::string& language, const document::VariantRow* row);

  /// locale::localize(doc, language, diags, limits, row) for the first document that asks,
  /// else a copy of that result, whose diagnostics are then added to `diags` again; the
  /// last document expected takes the result itself, and nothing is kept any more. The only
  /// document expected, one not expected and one more than expected are localized on their
  /// own, into `diags`.
  document::LocalizedDocument localize(const document::Document& doc, const std::string& language,
                                       const document::VariantRow* row, const core::Limits& limits,
                                       core::Diagnostics& diags);

 private:
  using Key = std::tuple<const document::Document*, std::string, const document::VariantRow*>;
  struct Kept {
    std::once_flag localized_once;
    std::mutex mutex;          // over `expected` and taking `localized`
    std::size_t expected = 0;  // documents that have not taken it yet
    std::optional<document::LocalizedDocument> localized;
    std::vector<core::Diagnostic> diagnostics;  // those localizing found
  };
  std::map<Key, Kept> kept_;  // its entries are all made before localize() is called
};

}  // namespace leafpress::cli
