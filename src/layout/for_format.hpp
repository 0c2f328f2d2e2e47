#pragma once

#include "document/localized_document.hpp"

namespace leafpress::layout {

/// The leaflet as `format` sets it: only the blocks meant for that format, at the format's
/// share of the theme's type sizes.
document::LocalizedDocument for_format(document::LocalizedDocument doc, document::Format format);

/// Multiplies every type size of the theme by `factor`.
void scale_type(document::Theme& theme, double factor);

}  // namespace leafpress::layout
