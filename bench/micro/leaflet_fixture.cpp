#include "leaflet_fixture.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <variant>

#include "core/units.hpp"
#include "load/load_font_config.hpp"
#include "load/load_leaflet.hpp"
#include "locale/localize.hpp"

namespace leafpress::bench {
namespace {

const std::string kRoot = LEAFPRESS_SOURCE_DIR;
// The shipped theme's body size, points.
constexpr double kBodySize = 10.8;

document::Document load_or_throw(const std::string& folder, core::Diagnostics& diags) {
  auto doc = load::load_leaflet(folder, diags);
  if (!doc) throw std::runtime_error("bench: cannot load " + folder);
  return std::move(*doc);
}

}  // namespace

double column_width() { return core::kA4Width - 2 * core::mm(27); }

LeafletFixture::LeafletFixture()
    : folder(kRoot + "/leaflets/immunotherapy"),
      registry({kRoot + "/fonts"}),
      fallback(registry, load::load_font_config(kRoot + "/fonts", diags)),
      hyphenators({std::filesystem::path(kRoot) / "fonts" / "hyphenation", text::kSystemHyphenationDir}),
      context{fallback, hyphenators},
      document(load_or_throw(folder, diags)),
      serif(registry.find("Noto Serif", fonts::FontStyle::regular)) {
  if (!serif) throw std::runtime_error("bench: Noto Serif is not installed (fonts-noto-core)");
}

std::vector<std::string> LeafletFixture::paragraphs(const std::string& language) {
  const auto localized = locale::localize(document, language, diags);
  std::vector<std::string> texts;
  for (const auto& block : localized.blocks) {
    if (const auto* p = std::get_if<document::ParagraphBlock<document::RichText>>(&block.content)) {
      texts.push_back(p->text.plain());
    }
  }
  return texts;
}

std::string LeafletFixture::longest_paragraph(const std::string& language) {
  const auto texts = paragraphs(language);
  if (texts.empty()) throw std::runtime_error("bench: the leaflet has no paragraph in " + language);
  return *std::max_element(texts.begin(), texts.end(),
                           [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
}

text::StyledParagraph LeafletFixture::styled(const std::string& text, const std::string& language) const {
  text::StyledParagraph paragraph;
  paragraph.language = language;
  paragraph.append(text, {serif, kBodySize, {}, {}});
  return paragraph;
}

LeafletFixture& leaflet_fixture() {
  static LeafletFixture fixture;
  return fixture;
}

}  // namespace leafpress::bench
