#include <catch2/catch.hpp>

#include <cmath>

#include "fonts/font_registry.hpp"
#include "pdf/cid_widths.hpp"
#include "pdf/content_stream.hpp"
#include "pdf/pdf_number.hpp"
#include "pdf/subset.hpp"
#include "pdf/to_unicode.hpp"
#include "pdf/type0_font.hpp"
#include "text/shape.hpp"

using namespace leafpress;

namespace {

const fonts::Face& serif(fonts::FontRegistry& registry) {
  const fonts::Face* face = registry.find("Noto Serif", fonts::FontStyle::regular);
  REQUIRE(face);
  return *face;
}

/// Glyph usage as the PDF writer collects it, from shaping `text`.
pdf::FontUsage usage_of(const fonts::Face& face, const std::string& text) {
  pdf::FontUsage usage;
  const auto glyphs = text::shape(face, text, 0, text.size(), "en");
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    const std::size_t end = i + 1 < glyphs.size() ? glyphs[i + 1].cluster : text.size();
    usage.glyphs.insert(glyphs[i].id);
    usage.text_of_glyph.emplace(glyphs[i].id, text.substr(glyphs[i].cluster, end - glyphs[i].cluster));
  }
  return usage;
}

}  // namespace

TEST_CASE("numbers are written short, stable and without exponents", "[pdf]") {
  CHECK(pdf::pdf_number(0) == "0");
  CHECK(pdf::pdf_number(-0.0001) == "0");
  CHECK(pdf::pdf_number(595.2756) == "595.276");
  CHECK(pdf::pdf_number(10.5) == "10.5");
  CHECK(pdf::pdf_number(-12.0) == "-12");
  CHECK(pdf::pdf_number(1e-9) == "0");
}

TEST_CASE("the ToUnicode CMap maps a ligature to all its letters", "[pdf]") {
  const std::string cmap = pdf::to_unicode_cmap({{3, "ffi"}, {4, "\xC3\xA9"}, {5, ""}});
  CHECK(cmap.find("2 beginbfchar\n<0003> <006600660069>\n<0004> <00E9>\nendbfchar\n") != std::string::npos);
  CHECK(cmap.find("<0005>") == std::string::npos);
  CHECK(cmap.find("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange") != std::string::npos);
}

TEST_CASE("the ToUnicode CMap splits its entries in blocks of 100", "[pdf]") {
  std::map<std::uint16_t, std::string> many;
  for (std::uint16_t code = 1; code <= 150; ++code) many[code] = "a";
  const std::string cmap = pdf::to_unicode_cmap(many);
  CHECK(cmap.find("100 beginbfchar") != std::string::npos);
  CHECK(cmap.find("50 beginbfchar") != std::string::npos);
}

TEST_CASE("/W groups consecutive CIDs", "[pdf]") {
  CHECK(pdf::group_cid_widths({{3, 500}, {4, 600}, {9, 250}}) ==
        std::vector<pdf::WidthRun>{{3, {500, 600}}, {9, {250}}});
  CHECK(pdf::group_cid_widths({}).empty());
}

TEST_CASE("an embedded Noto Serif maps its ffi ligature back to f, f, i and its /W matches HarfBuzz", "[pdf]") {
  fonts::FontRegistry registry({});
  const fonts::Face& face = serif(registry);
  const auto usage = usage_of(face, "office");
  pdf::HpdfDocument document;
  const pdf::EmbeddedFont font = pdf::embed_type0_font(document, face, usage);

  const auto glyphs = text::shape(face, "office", 0, 6, "en");
  REQUIRE(glyphs.size() == 4);  // o, ffi, c, e
  const std::uint16_t ligature = font.code_of_glyph.at(glyphs[1].id);
  CHECK(font.text_of_code.at(ligature) == "ffi");
  for (const auto& [glyph, code] : font.code_of_glyph) {
    const int expected = static_cast<int>(
        std::lround(hb_font_get_glyph_h_advance(face.hb_font(), glyph) * 1000.0 / face.metrics().units_per_em));
    CHECK(font.width_of_code.at(code) == expected);
  }
}

TEST_CASE("the subset keeps only the used glyphs and their outlines' advances", "[pdf]") {
  fonts::FontRegistry registry({});
  const fonts::Face& face = serif(registry);
  const auto usage = usage_of(face, "Immunothérapie");
  const auto subset = pdf::subset_face(face, usage.glyphs);
  REQUIRE(subset);
  hb_blob_t* blob = hb_blob_create(subset->font_program.data(), static_cast<unsigned>(subset->font_program.size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* cut = hb_face_create(blob, 0);
  hb_font_t* cut_font = hb_font_create(cut);
  // The used glyphs, .notdef and the components of composite glyphs such as é.
  CHECK(hb_face_get_glyph_count(cut) < usage.glyphs.size() + 8);
  CHECK(hb_face_get_glyph_count(cut) * 50 < hb_face_get_glyph_count(face.hb_face()));
  for (const auto& [old_glyph, new_glyph] : subset->new_glyph_of) {
    CHECK(hb_font_get_glyph_h_advance(cut_font, new_glyph) == face.advance(old_glyph));
  }
  hb_font_destroy(cut_font);
  hb_face_destroy(cut);
  hb_blob_destroy(blob);
  CHECK(subset->font_program.size() < 20000);
}

TEST_CASE("glyph runs become TJ arrays with kerning and marked ActualText", "[pdf]") {
  fonts::FontRegistry registry({});
  const fonts::Face& face = serif(registry);
  pdf::EmbeddedFont font;
  font.code_of_glyph = {{10, 1}, {11, 2}};
  font.width_of_code = {{1, 500}, {2, 600}};
  font.text_of_code = {{1, "A"}, {2, "V"}};
  layout::GlyphItem item{
      {&face, 10, core::Rgb{0, 0, 0}, {}, 0, 0, false, {}, {{10, 0, 0, "A", 0}, {11, 4.8, 0, "V", 1}, {11, 10.8, 0, "W", 2}}}, 100,
      42};
  pdf::ContentStream content(842);
  content.show_glyphs(item, "F1", font);
  CHECK(content.bytes() ==
        "BT\n/F1 10 Tf\n0 0 0 rg\n1 0 0 1 100 800 Tm\n"
        "[<0001>20 <0002>] TJ\n"
        "/Span <</ActualText <FEFF0057>>> BDC\n[<0002>] TJ\nEMC\n"
        "ET\n");
}

TEST_CASE("colours are written in their own model: rg for RGB, k for CMYK", "[pdf][color]") {
  CHECK(pdf::color_operator(core::Rgb{1, 0.5, 0}, false) == "1 0.5 0 rg\n");
  CHECK(pdf::color_operator(core::Rgb{1, 0.5, 0}, true) == "1 0.5 0 RG\n");
  CHECK(pdf::color_operator(core::Cmyk{1, 0, 0.35, 0.45}, false) == "1 0 0.35 0.45 k\n");
  CHECK(pdf::color_operator(core::Cmyk{1, 1, 1, 1}, true) == "1 1 1 1 K\n");
  pdf::ContentStream content(100);
  content.fill_rect(layout::RectItem{10, 20, 30, 40, core::Cmyk{0, 0, 0, 1}});
  CHECK(content.bytes() == "0 0 0 1 k\n10 40 30 40 re f\n");
}

TEST_CASE("a right-to-left base and mark are drawn in reading order and say their text apart", "[pdf]") {
  fonts::FontRegistry registry({});
  const fonts::Face& face = serif(registry);
  // Visual order of "\u0645\u0651\u0649" (meem, shadda, alef maksura): alef maksura, then
  // the shadda raised over the meem, then the meem that carries the cluster's text.
  layout::GlyphItem item{{&face, 10, core::Rgb{0, 0, 0}, {}, 0, 0, true, {},
                          {{22, 0, 0, "\u0649", 4}, {20, 4.5, 2, "", 0}, {21, 4, 0, "\u0645\u0651", 0}}},
                         100, 42};
  double right = 0;
  const auto said = pdf::invisible_characters(item.run, 1, 3, right);
  REQUIRE(said.size() == 2);
  CHECK(said[0].text == "\u0645");  // meem, then shadda: reading order
  CHECK(said[1].text == "\u0651");
  pdf::EmbeddedFont font;
  font.code_of_glyph = {{20, 1}, {21, 2}, {22, 3}};
  font.width_of_code = {{1, 0}, {2, 500}, {3, 400}, {4, 0}, {5, 500}, {6, said[0].width}, {7, said[1].width}};
  font.text_of_code = {{2, "\u0645"}, {3, "\u0649"}, {6, "\u0645"}, {7, "\u0651"}};
  font.silent_code_of_glyph = {{20, 4}, {21, 5}};
  font.code_of_invisible = {{said[0], 6}, {said[1], 7}};
  pdf::ContentStream content(842);
  content.show_glyphs(item, "F1", font);
  const std::string& bytes = content.bytes();
  INFO(bytes);
  // The meem and its shadda come first, though they stand right of the alef maksura: their
  // letters as invisible glyphs (render mode 3) in reading order, then the glyphs silently.
  const auto invisible = bytes.find("3 Tr\n");
  const auto meem = bytes.find("<0006>");
  const auto shadda = bytes.find("<0007>");
  const auto silent = bytes.find("<0004>");
  const auto alef_maksura = bytes.find("<0003>");
  CHECK(invisible < meem);
  CHECK(meem < shadda);
  CHECK(shadda < bytes.find("0 Tr\n"));
  CHECK(bytes.find("0 Tr\n") < silent);
  CHECK(bytes.find("<0005>") != std::string::npos);
  CHECK(silent < alef_maksura);
  CHECK(alef_maksura != std::string::npos);
  CHECK(bytes.find("ActualText") == std::string::npos);
}
