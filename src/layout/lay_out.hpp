#pragma once

#include <optional>

#include "core/diagnostics.hpp"
#include "document/localized_document.hpp"
#include "text/text_context.hpp"
#include "fonts/font_registry.hpp"
#include "layout/page.hpp"

namespace leafpress::layout {

/// Sets a localized leaflet as an A4 portrait brochure: title block, one or two columns
/// per page, running header from page 2, a footer with the page number on every page.
/// Returns nullopt when fonts are missing; other problems are reported and laid out anyway.
std::optional<Pages> lay_out(const document::LocalizedDocument& doc, fonts::FontRegistry& registry,
                             text::TextContext& context, core::Diagnostics& diags);

}  // namespace leafpress::layout
