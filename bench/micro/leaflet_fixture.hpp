#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "document/document.hpp"
#include "fonts/font_fallback.hpp"
#include "fonts/font_registry.hpp"
#include "text/hyphenate.hpp"
#include "text/styled_paragraph.hpp"
#include "text/text_context.hpp"

namespace leafpress::bench {

/// The brochure's column: A4 less the shipped leaflet's 27 mm inside and outside margins.
double column_width();

/// What every micro-benchmark starts from, built once per process as `leafpress build`
/// builds it once per run: the project's fonts, fallback chains and hyphenation
/// dictionaries, and the shipped immunotherapy leaflet, loaded.
struct LeafletFixture {
  LeafletFixture();
  LeafletFixture(const LeafletFixture&) = delete;
  LeafletFixture& operator=(const LeafletFixture&) = delete;

  std::string folder;  // leaflets/immunotherapy
  core::Diagnostics diags;
  fonts::FontRegistry registry;
  fonts::FontFallback fallback;
  text::HyphenatorCache hyphenators;
  text::TextContext context;
  document::Document document;
  const fonts::Face* serif = nullptr;  // Noto Serif Regular, the body face

  /// The plain text of every paragraph block of the leaflet in `language`, in reading order.
  std::vector<std::string> paragraphs(const std::string& language);

  /// The longest of those paragraphs, the one the text benchmarks set.
  std::string longest_paragraph(const std::string& language);

  /// `text` as one run of Noto Serif at the body size, in `language`.
  text::StyledParagraph styled(const std::string& text, const std::string& language) const;
};

/// The process's fixture; throws std::runtime_error, naming the problem, when the leaflet
/// or the fonts cannot be loaded.
LeafletFixture& leaflet_fixture();

}  // namespace leafpress::bench
