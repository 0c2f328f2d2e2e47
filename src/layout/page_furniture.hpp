#pragma once

#include <string>
#include <vector>

#include "document/localized_document.hpp"
#include "layout/page.hpp"
#include "layout/typeset.hpp"

namespace leafpress::layout {

/// Draws the running header (from page 2) and the footer (rule, note, page number) on every
/// page. Numbers sit at the outer edge: right on odd pages, left on even pages.
void add_page_furniture(std::vector<Page>& pages, const document::Margins& margins,
                        const document::LocalizedDocument& doc, const ThemeFonts& fonts, const Typesetter& typesetter);

/// "3 / 8" in the language's digits, for page `index` (0-based) of `count`.
std::string page_number_text(const document::LocalizedDocument& doc, std::size_t index, std::size_t count);

}  // namespace leafpress::layout
