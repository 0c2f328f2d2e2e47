#pragma once

#include <optional>
#include <string>
#include <vector>

#include <memory>

#include "cli/toolbox.hpp"
#include "core/diagnostics.hpp"
#include "layout/page.hpp"

namespace leafpress::makeup {

/// One shipped PDF's pages as the build lays them out: a booklet's A5 pages in reading
/// order (before imposition), each page with its frames.
struct ShippedDocument {
  std::string language;
  std::string variant;  // brochure, trifold, booklet, poster, flyer or large-print
  layout::Pages pages{};
  core::Diagnostics diags{};
  std::string site{};   // the variants file's row ("paris"), empty for a leaflet without one
  /// "fr.brochure", or with a site "paris.fr.poster".
  std::string name() const { return (site.empty() ? "" : site + ".") + language + "." + variant; }
};

/// The shipped documents with the fonts their glyph runs point into.
struct Shipped {
  std::unique_ptr<cli::Toolbox> tools;
  std::vector<ShippedDocument> documents;
};

/// Lays out every language × variant (× site of its variants file) of leaflets/<leaflet>
/// that `leafpress build --large-print` writes, with the fonts/ folder of the source tree.
Shipped lay_out_shipped(const std::string& leaflet = "immunotherapy");

/// The leaflets of leaflets/ whose PDFs `scripts/build-all` ships.
inline const std::vector<std::string> kShippedLeaflets{"immunotherapy", "world-cancer-day"};

}  // namespace leafpress::makeup
