// Issue 15's page make-up on every shipped document: the covers, large print (RNIB clear
// print) and the measured targets, each where the layout reaches it; where it does not yet,
// the floor it reaches today (see the comments), so that no change makes it worse unseen.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>

#include "layout/page.hpp"
#include "makeup/page_measures.hpp"
#include "makeup/shipped.hpp"
#include "pdf/pdf_probe.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
using leafpress::layout::GlyphItem;
using leafpress::layout::Page;
using leafpress::makeup::Measures;
using leafpress::makeup::ShippedDocument;

const std::vector<ShippedDocument>& shipped() {
  static const leafpress::makeup::Shipped all = leafpress::makeup::lay_out_shipped();
  return all.documents;
}

/// True when the runs show a page number ("3 / 8", in any digits; bidi may set its slash
/// as a run of its own).
bool shows_number(const std::vector<const GlyphItem*>& runs) {
  return std::any_of(runs.begin(), runs.end(),
                     [](const GlyphItem* run) { return leafpress::text::run_text(run->run).find('/') != std::string::npos; });
}

/// The glyph runs of `page` that are page furniture set below its last frame (the footer).
std::vector<const GlyphItem*> footer_runs(const Page& page) {
  double frames_bottom = 0;
  for (const auto& frame : page.frames) frames_bottom = std::max(frames_bottom, frame.y + frame.height);
  std::vector<const GlyphItem*> runs;
  for (const auto& item : page.items) {
    const auto* glyphs = std::get_if<GlyphItem>(&item);
    if (glyphs && glyphs->element == leafpress::layout::kArtifact && glyphs->baseline > frames_bottom) runs.push_back(glyphs);
  }
  return runs;
}

bool is_large_print(const ShippedDocument& d) { return d.variant == "large-print"; }

}  // namespace

TEST_CASE("every shipped document lays out without errors", "[makeup]") {
  REQUIRE(shipped().size() == 16);
  for (const ShippedDocument& d : shipped()) {
    INFO(d.language << " " << d.variant);
    CHECK(!d.diags.has_errors());
    CHECK(!d.pages.pages.empty());
  }
}

TEST_CASE("no cover carries a page number or running header", "[makeup][covers]") {
  for (const ShippedDocument& d : shipped()) {
    if (d.variant == "trifold") continue;  // the sheet's panels carry no numbers at all
    INFO(d.language << " " << d.variant);
    const auto& pages = d.pages.pages;
    CHECK(!shows_number(footer_runs(pages.front())));
    if (d.variant == "booklet") CHECK(!shows_number(footer_runs(pages.back())));
    // Every other page that has content is numbered.
    for (std::size_t i = 1; i + (d.variant == "booklet" ? 1 : 0) < pages.size(); ++i) {
      if (!pages[i].items.empty()) CHECK(shows_number(footer_runs(pages[i])));
    }
  }
}

TEST_CASE("the disclaimer is said once in each PDF, by pdftotext", "[makeup][covers]") {
  leafpress::testing::ScratchDir out;
  const auto result = leafpress::testing::run_process(
      {LEAFPRESS_BINARY, "build", "leaflets/immunotherapy", "--lang", "en", "--large-print", "--out", out.path().string()},
      LEAFPRESS_SOURCE_DIR);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  for (const std::string variant : {"brochure", "trifold", "booklet", "large-print"}) {
    INFO(variant);
    const std::string text = leafpress::testing::pdftotext(out.path() / ("immunotherapy.en." + variant + ".pdf"));
    const std::string note = "This leaflet does not replace";
    const auto first = text.find(note);
    REQUIRE(first != std::string::npos);
    CHECK(text.find(note, first + 1) == std::string::npos);
  }
  // Large print: no italic face anywhere, as pdffonts lists the embedded fonts.
  for (const auto& font : leafpress::testing::pdffonts(out.path() / "immunotherapy.en.large-print.pdf")) {
    INFO(font.name);
    CHECK(font.name.find("Italic") == std::string::npos);
  }
  bool regular_has_italic = false;
  for (const auto& font : leafpress::testing::pdffonts(out.path() / "immunotherapy.en.brochure.pdf")) {
    regular_has_italic = regular_has_italic || font.name.find("Italic") != std::string::npos;
  }
  CHECK(regular_has_italic);  // the same check sees the regular leaflet's italics
}

TEST_CASE("tri-fold text is never below 9 pt", "[makeup][trifold]") {
  for (const ShippedDocument& d : shipped()) {
    if (d.variant != "trifold") continue;
    INFO(d.language);
    CHECK(leafpress::makeup::measure(d.pages).smallest_text >= 9);
  }
}

TEST_CASE("large print: all text at 16 pt or more, header and footer included", "[makeup][large-print]") {
  for (const ShippedDocument& d : shipped()) {
    INFO(d.language << " " << d.variant);
    const double smallest = leafpress::makeup::measure(d.pages).smallest_text;
    if (is_large_print(d)) CHECK(smallest >= 16);
    else CHECK(smallest < 16);  // the check sees small print where there is some
  }
}

TEST_CASE("large print: bold instead of italics for emphasis", "[makeup][large-print]") {
  for (const ShippedDocument& d : shipped()) {
    if (d.variant != "brochure" && !is_large_print(d)) continue;
    INFO(d.language << " " << d.variant);
    std::size_t italic = 0;
    for (const Page& page : d.pages.pages) {
      for (const auto& item : page.items) {
        const auto* glyphs = std::get_if<GlyphItem>(&item);
        if (glyphs && glyphs->run.face->postscript_name().find("Italic") != std::string::npos) ++italic;
      }
    }
    if (is_large_print(d)) CHECK(italic == 0);
    else if (d.language != "ar") CHECK(italic > 0);  // the regular brochure's emphasis (Arabic has no italics)
  }
}

TEST_CASE("large print: no line ends at a hard hyphen", "[makeup][large-print]") {
  for (const ShippedDocument& d : shipped()) {
    INFO(d.language << " " << d.variant);
    // Each line's last glyph: the one furthest right of the runs sharing a line origin.
    std::map<std::tuple<std::size_t, long, long>, std::pair<double, std::string>> last_of_line;
    std::size_t hyphens = 0;
    for (std::size_t p = 0; p < d.pages.pages.size(); ++p) {
      for (const auto& item : d.pages.pages[p].items) {
        const auto* glyphs = std::get_if<GlyphItem>(&item);
        if (!glyphs || glyphs->element == leafpress::layout::kArtifact || !glyphs->run.link.empty()) continue;
        auto& last = last_of_line[{p, std::lround(glyphs->baseline * 10), std::lround(glyphs->x * 10)}];
        for (const auto& glyph : glyphs->run.glyphs) {
          const std::string text(glyphs->run.text_of(glyph));
          if (text == "-" || text == "\u2011") ++hyphens;
          const double x = glyphs->x + glyphs->run.x + glyph.x;
          if (text != " " && (last.second.empty() || x >= last.first)) last = {x, text};
        }
      }
    }
    std::size_t ending_at_hyphen = 0;
    for (const auto& [line, last] : last_of_line) ending_at_hyphen += last.second == "-" || last.second == "\u2011";
    if (d.language == "ar") continue;  // right to left: the line's end is at its left
    CHECK(hyphens > 0);  // the text has hard hyphens to break at ("T-cell", "elle-même")
    if (is_large_print(d)) CHECK(ending_at_hyphen == 0);
  }
}

TEST_CASE("large print: the page number and running header stand in the same place on every page",
          "[makeup][large-print]") {
  for (const ShippedDocument& d : shipped()) {
    if (!is_large_print(d)) continue;
    INFO(d.language);
    std::vector<double> right_edges;
    for (const Page& page : d.pages.pages) {
      const auto runs = footer_runs(page);
      if (runs.empty()) continue;
      double left = 1e9;
      double right = 0;
      for (const GlyphItem* run : runs) {
        left = std::min(left, run->x + run->run.x);
        right = std::max(right, run->x + run->run.x + run->run.width);
      }
      right_edges.push_back(d.language == "ar" ? left : right);
    }
    REQUIRE(right_edges.size() + 1 == d.pages.pages.size());  // every page but the cover
    for (double edge : right_edges) CHECK(edge == Approx(right_edges.front()).margin(0.5));
    // The running header keeps one place too.
    std::vector<double> header_edges;
    for (const Page& page : d.pages.pages) {
      double frames_top = 1e9;
      for (const auto& frame : page.frames) frames_top = std::min(frames_top, frame.y);
      double left = 1e9;
      double right = 0;
      for (const auto& item : page.items) {
        const auto* run = std::get_if<GlyphItem>(&item);
        if (!run || run->element != leafpress::layout::kArtifact || run->baseline > frames_top) continue;
        left = std::min(left, run->x + run->run.x);
        right = std::max(right, run->x + run->run.x + run->run.width);
      }
      if (right > 0) header_edges.push_back(d.language == "ar" ? left : right);
    }
    REQUIRE(header_edges.size() + 1 == d.pages.pages.size());
    for (double edge : header_edges) CHECK(edge == Approx(header_edges.front()).margin(0.5));
  }
}

TEST_CASE("measured page make-up targets on every shipped document", "[makeup][measures]") {
  for (const ShippedDocument& d : shipped()) {
    INFO(d.language << " " << d.variant);
    const Measures m = leafpress::makeup::measure(d.pages);
    for (const std::string& finding : m.findings) UNSCOPED_INFO(finding);
    UNSCOPED_INFO("fill " << leafpress::makeup::fill_row(m));
    // Reached: the targets.
    CHECK(m.orphans == 0);
    CHECK(m.widows == 0);
    CHECK(m.blank_pages == 0);
    CHECK(m.word_space_p90 <= 0.40);
    CHECK(m.word_space_max <= 0.50);
    if (d.variant == "brochure") {
      // A brochure prints on both sides of its sheets (set a little smaller or larger to get
      // there: fr, en and es ran to a fifth page once the side-effects table joined them).
      CHECK(d.pages.pages.size() % 2 == 0);
      CHECK(m.lowest_fill_but_last >= 0.85);
    }
    if (d.variant == "booklet") {
      CHECK(d.pages.pages.size() % 4 == 0);
      // The page builder spreads the text over the pages before the back cover, and the
      // booklet grows until each holds 85 %.
      CHECK(m.lowest_fill_but_last >= 0.85);
    }
    CHECK(m.stranded_headings == 0);
    CHECK(m.lonely_list_items == 0);
    if (d.variant == "trifold") {
      // Every panel, the last included: the cover takes the first picture, grown and set at
      // its foot; the inside is filled by the page builder, and where the text is too short
      // for it (Arabic: 81, 75, 68 % at best), the sources join its end.
      for (const auto& side : m.fill) {
        for (double panel : side) CHECK(panel >= 0.75);
      }
    }
    if (is_large_print(d)) CHECK(m.lowest_fill_but_last >= 0.85);
    // Lines of 55-75 characters (code points, Arabic's included: 69 on the same measure).
    if (d.variant == "brochure") {
      CHECK(m.chars_median >= 55);
      CHECK(m.chars_median <= 75);
    }
  }
}

TEST_CASE("every page but the last of every shipped PDF of every leaflet is 85 % full", "[makeup][measures]") {
  for (const std::string& leaflet : leafpress::makeup::kShippedLeaflets) {
    const leafpress::makeup::Shipped all = leafpress::makeup::lay_out_shipped(leaflet);
    REQUIRE(!all.documents.empty());
    for (const ShippedDocument& d : all.documents) {
      if (d.variant == "trifold") continue;  // panels: 75 %, above
      INFO(leaflet << " " << d.name());
      const Measures m = leafpress::makeup::measure(d.pages);
      for (const std::string& finding : m.findings) UNSCOPED_INFO(finding);
      UNSCOPED_INFO("fill " << leafpress::makeup::fill_row(m));
      CHECK(m.lowest_fill_but_last >= 0.85);
      CHECK(m.blank_pages == 0);
      CHECK(m.stranded_headings == 0);
      CHECK(m.lonely_list_items == 0);
      CHECK(m.orphans == 0);
      CHECK(m.widows == 0);
    }
  }
}

TEST_CASE("word spaces and the rag on every shipped PDF of every leaflet", "[makeup][spacing]") {
  for (const std::string& leaflet : leafpress::makeup::kShippedLeaflets) {
    const leafpress::makeup::Shipped all = leafpress::makeup::lay_out_shipped(leaflet);
    REQUIRE(!all.documents.empty());
    for (const ShippedDocument& d : all.documents) {
      INFO(leaflet << " " << d.name());
      CHECK(!d.diags.has_errors());
      const Measures m = leafpress::makeup::measure(d.pages);
      for (const std::string& finding : m.findings) UNSCOPED_INFO(finding);
      REQUIRE(m.word_space_p90 > 0);  // the measure sees the document's spaces
      CHECK(m.word_space_p90 <= 0.40);
      CHECK(m.word_space_max <= 0.50);
      // Ragged text (a line leaves room at its end): Knuth-Plass's ragged mode keeps the rag
      // shallow (first fit left 5.5 em at p90 in large print) and hyphenates sparingly
      // (at justified text's hyphen penalty, up to 32 % of lines; now 0-17 %).
      if (m.rag_median > 0.5) {
        CHECK(m.rag_p90 <= 4.5);
        CHECK(m.hyphenated_share <= 0.20);
      }
    }
  }
}
