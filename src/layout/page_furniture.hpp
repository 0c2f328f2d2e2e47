#pragma once

#include <string>
#include <vector>

#include "document/localized_document.hpp"
#include "layout/page.hpp"
#include "layout/typeset.hpp"

namespace leafpress::layout {

/// Draws the footer rule on every page but a blank one, the running header and the page number on every
/// page but a cover, and the footer note once, beside the last page's rule
/// (large print sets it as text instead). Numbers sit at the outer edge, right on odd pages
/// and left on even ones, and the running header with them; in large print both always on
/// the right.
void add_page_furniture(std::vector<Page>& pages, const document::Margins& margins,
                        const document::LocalizedDocument& doc, const ThemeFonts& fonts, const Typesetter& typesetter);

/// True for a page that is a cover: the first, and a booklet's last (its back cover).
bool is_cover(const document::LocalizedDocument& doc, std::size_t index, std::size_t count);
/// "3 / 8" in the language's digits, for page `index` (0-based) of `count`.
std::string page_number_text(const document::LocalizedDocument& doc, std::size_t index, std::size_t count);

}  // namespace leafpress::layout
