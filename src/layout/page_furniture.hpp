#pragma once

#include <vector>

#include "document/localized_document.hpp"
#include "layout/page.hpp"
#include "layout/typeset.hpp"

namespace leafpress::layout {

/// Draws the running header (from page 2) and the footer (rule, note, page number) on every
/// page. Numbers sit at the outer edge: right on odd pages, left on even pages.
void add_page_furniture(std::vector<Page>& pages, const document::LocalizedDocument& doc, const ThemeFonts& fonts,
                        const Typesetter& typesetter);

}  // namespace leafpress::layout
