#pragma once

#include <optional>
#include <vector>

#include "document/localized_document.hpp"
#include "layout/page.hpp"
#include "layout/structure.hpp"

namespace leafpress::layout {

/// A logo ready to place: its item at (0, 0) and the box it takes.
struct PlacedLogo {
  ImageItem image;
  double width = 0;
  double height = 0;
};

/// The leaflet's logo for its cover, `scale` times its width and never wider than
/// `max_width`: a Figure read as its alt text (added to `structure` now, so it is read where
/// it is made), or an artifact when it has none. nullopt when the leaflet has no logo.
std::optional<PlacedLogo> cover_logo(const document::LocalizedDocument& doc, Structure& structure, double max_width,
                                     double scale = 1);

/// The logo repeated on every page after the first when `every_page` asks for it, as an
/// artifact (ISO 32000-1 §14.8.2.2.1: pagination): in the top margin, resting on the running
/// header's baseline, on the side the header is not (left on odd pages, right on even ones).
void add_repeated_logo(std::vector<Page>& pages, const document::LocalizedDocument& doc,
                       const document::Margins& margins);

}  // namespace leafpress::layout
