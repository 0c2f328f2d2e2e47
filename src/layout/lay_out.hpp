#pragma once

#include <optional>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"
#include "document/localized_document.hpp"
#include "text/text_context.hpp"
#include "fonts/font_registry.hpp"
#include "layout/page.hpp"

namespace leafpress::layout {

/// Sets a localized leaflet as an A4 portrait brochure: title block, one or two columns
/// per page, running header from page 2, a footer with the page number on every page.
/// Returns nullopt when fonts are missing; other problems are reported and laid out anyway.
/// A leaflet longer than `max_pages` is reported at the block that would start the next
/// page, and what follows that block is not set.
/// A booklet comes out as its A5 pages in reading order, as print shops take it; see
/// impose_for_office for the sheets an office printer takes. A booklet whose text would
/// leave blank pages before its back cover is set larger, up to 115 % of the theme's
/// sizes, where that fills them.
std::optional<Pages> lay_out(const document::LocalizedDocument& doc, fonts::FontRegistry& registry,
                             text::TextContext& context, core::Diagnostics& diags,
                             std::size_t max_pages = core::Limits::kDefaultMaxPages);

/// A booklet's pages imposed two-up on A4 landscape sheets in saddle-stitch order (bound on
/// the right for a right-to-left language), each sheet labelled with its two pages ("8·1"):
/// what an office printer prints on both sides, folds and staples.
Pages impose_for_office(Pages pages, const document::LocalizedDocument& doc);

}  // namespace leafpress::layout
