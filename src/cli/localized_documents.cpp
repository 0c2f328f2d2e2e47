#include "cli/localized_documents.hpp"

#include <utility>

#include "locale/localize.hpp"

namespace leafpress::cli {

void LocalizedDocuments::expect(const document::Document& doc, const std::string& language,
                                const document::VariantRow* row) {
  ++kept_[Key{&doc, language, row}].expected;
}

document::LocalizedDocument LocalizedDocuments::localize(const document::Document& doc, const std::string& language,
                                                         const document::VariantRow* row, const core::Limits& limits,
                                                         core::Diagnostics& diags) {
  const auto found = kept_.find(Key{&doc, language, row});
  if (found == kept_.end()) return locale::localize(doc, language, diags, limits, row);
  Kept& kept = found->second;
  bool alone = false;  // the one document asking for it: nothing to keep, nothing to replay
  {
    const std::lock_guard lock(kept.mutex);
    if (kept.expected == 1 && !kept.localized) {
      kept.expected = 0;
      alone = true;
    }
  }
  if (alone) return locale::localize(doc, language, diags, limits, row);
  // A failed localizing (an exception) leaves the flag unset: the next document tries again.
  std::call_once(kept.localized_once, [&] {
    core::Diagnostics found_localizing(diags.warnings_are_errors());
    try {
      kept.localized = locale::localize(doc, language, found_localizing, limits, row);
    } catch (...) {
      for (const core::Diagnostic& diagnostic : found_localizing.items()) diags.add(diagnostic);
      throw;
    }
    kept.diagnostics = found_localizing.items();
  });
  std::optional<document::LocalizedDocument> taken;
  {
    const std::lock_guard lock(kept.mutex);
    if (kept.localized && kept.expected > 1) {
      --kept.expected;
      taken = *kept.localized;
    } else if (kept.localized) {
      kept.expected = 0;
      taken = std::move(kept.localized);
      kept.localized.reset();
    }
  }
  // Asked for more often than expected: localized again.
  if (!taken) return locale::localize(doc, language, diags, limits, row);
  for (const core::Diagnostic& diagnostic : kept.diagnostics) diags.add(diagnostic);
  return std::move(*taken);
}

}  // namespace leafpress::cli
