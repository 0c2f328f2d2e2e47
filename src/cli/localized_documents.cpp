#include "cli/localized_documents.hpp"

#include "locale/localize.hpp"

namespace leafpress::cli {

document::LocalizedDocument LocalizedDocuments::localize(const document::Document& doc, const std::string& language,
                                                         const document::VariantRow* row, const core::Limits& limits,
                                                         core::Diagnostics& diags, bool asked_again) {
  if (kept_ && kept_->doc == &doc && kept_->language == language && kept_->row == row) {
    for (const core::Diagnostic& diagnostic : kept_->diagnostics) diags.add(diagnostic);
    return kept_->localized;
  }
  kept_.reset();
  const std::size_t before = diags.items().size();
  document::LocalizedDocument localized = locale::localize(doc, language, diags, limits, row);
  if (asked_again) {
    std::vector<core::Diagnostic> diagnostics(diags.items().begin() + static_cast<std::ptrdiff_t>(before),
                                              diags.items().end());
    kept_ = Kept{&doc, language, row, localized, std::move(diagnostics)};
  }
  return localized;
}

}  // namespace leafpress::cli
