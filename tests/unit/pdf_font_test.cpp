#include <catch2/catch.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <random>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include "core/utf8.hpp"
#include "fonts/font_registry.hpp"
#include "pdf/cid_widths.hpp"
#include "text/cluster_text.hpp"
#include "pdf/cluster_writing.hpp"
#include "pdf/font_encoder.hpp"
#include "pdf/glyph_order.hpp"
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

/// An encoder that has shown `text` as shaped, each glyph saying its cluster's characters.
pdf::FontEncoder encoder_of(const fonts::Face& face, const std::string& text) {
  pdf::FontEncoder encoder(face);
  const auto glyphs = text::shape(face, text, 0, text.size(), "en");
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    const std::size_t end = i + 1 < glyphs.size() ? glyphs[i + 1].cluster : text.size();
    encoder.encode(glyphs[i].id, text.substr(glyphs[i].cluster, end - glyphs[i].cluster), glyphs[i].advance);
  }
  return encoder;
}

/// Codes under 256 (no byte escaped) as the literal string a TJ array shows them in: two
/// bytes a code, high byte first.
std::string shown(std::initializer_list<std::uint16_t> codes) {
  std::string out = "(";
  for (const std::uint16_t code : codes) {
    out += static_cast<char>(code >> 8);
    out += static_cast<char>(code & 0xFF);
  }
  return out + ")";
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

TEST_CASE("numbers are written as std::to_chars writes them rounded to 3 decimals, trailing zeros dropped", "[pdf]") {
  const auto reference = [](double value) {
    double rounded = std::round(value * 1e3) / 1e3;
    if (rounded == 0.0) rounded = 0.0;
    char buffer[64];
    char* end = std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, 3).ptr;
    while (end[-1] == '0') --end;
    if (end[-1] == '.') --end;
    return std::string(buffer, end);
  };
  std::mt19937_64 random(19);
  std::uniform_real_distribution<double> page(-2000, 2000);
  std::uniform_int_distribution<long long> thousandths(-5'000'000, 5'000'000);
  for (int i = 0; i < 20000; ++i) {
    const double value = page(random);
    CHECK(pdf::pdf_number(value) == reference(value));
    // Halfway and near-halfway values, as layout's sums make them.
    const double near_half = static_cast<double>(thousandths(random)) / 1e3 + 0.0005;
    CHECK(pdf::pdf_number(near_half) == reference(near_half));
    CHECK(pdf::pdf_number(-near_half) == reference(-near_half));
  }
  for (const double value : {-0.0004, -0.0005, 0.0005, 999999999.9995, -81.0, 1e11 + 0.25, 0.1 + 0.2}) {
    CHECK(pdf::pdf_number(value) == reference(value));
  }
  CHECK(pdf::pdf_box_number(8.5039370078) == "8.503937");
  CHECK(pdf::pdf_box_number(-0.0000004) == "0");
}

TEST_CASE("the ToUnicode CMap maps a ligature to all its letters", "[pdf]") {
  const std::string cmap = pdf::to_unicode_cmap({{3, "ffi"}, {4, "\xC3\xA9"}, {5, ""}});
  CHECK(cmap.find("3 beginbfchar\n<0003> <006600660069>\n<0004> <00E9>\n<0005> <>\nendbfchar\n") != std::string::npos);
  CHECK(cmap.find("<0005> <>") != std::string::npos);
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

TEST_CASE("the encoder hands out a code per glyph and text, never code 0, and its /W matches HarfBuzz", "[pdf]") {
  fonts::FontRegistry registry({});
  const fonts::Face& face = serif(registry);
  pdf::FontEncoder encoder = encoder_of(face, "office");
  const auto glyphs = text::shape(face, "office", 0, 6, "en");
  REQUIRE(glyphs.size() == 4);  // o, ffi, c, e
  const pdf::EncodedGlyph ligature = encoder.encode(glyphs[1].id, "ffi", glyphs[1].advance);
  CHECK(ligature.says_text);
  CHECK(encoder.codes().at(ligature.code).text == "ffi");
  CHECK(encoder.codes().size() == 4);
  CHECK(encoder.codes().count(0) == 0);
  // The same glyph saying another text gets a code of its own.
  const pdf::EncodedGlyph other = encoder.encode(glyphs[1].id, "\uFB03", glyphs[1].advance);
  CHECK(other.code != ligature.code);
  CHECK(encoder.codes().at(other.code).glyph == glyphs[1].id);
  for (const auto& [code, meaning] : encoder.codes()) {
    const int expected = static_cast<int>(std::lround(
        hb_font_get_glyph_h_advance(face.hb_font(), meaning.glyph) * 1000.0 / face.metrics().units_per_em));
    CHECK(encoder.width(code) == expected);
  }
  pdf::HpdfDocument document;
  pdf::embed_type0_font(document, document.indirect_dict(), encoder);
}

TEST_CASE("a CID-keyed CFF face is encoded by CID, one code per glyph, its first text kept", "[pdf]") {
  fonts::FontRegistry registry({});
  const fonts::Face* face = registry.find("Noto Sans CJK KR", fonts::FontStyle::regular);
  REQUIRE(face);
  REQUIRE(face->is_cid_keyed());
  pdf::FontEncoder encoder(*face);
  const auto glyphs = text::shape(*face, "\uBA74", 0, 3, "ko");
  REQUIRE(glyphs.size() == 1);
  const pdf::EncodedGlyph first = encoder.encode(glyphs[0].id, "\uBA74", glyphs[0].advance);
  CHECK(first.code == face->cid(glyphs[0].id));
  CHECK(first.says_text);
  const pdf::EncodedGlyph again = encoder.encode(glyphs[0].id, "x", glyphs[0].advance);
  CHECK(again.code == first.code);
  CHECK_FALSE(again.says_text);
}

TEST_CASE("the subset keeps only the used glyphs and their outlines' advances", "[pdf]") {
  fonts::FontRegistry registry({});
  const fonts::Face& face = serif(registry);
  const auto used = encoder_of(face, "Immunothérapie").glyphs();
  const auto subset = pdf::subset_face(face, used);
  REQUIRE(subset);
  hb_blob_t* blob = hb_blob_create(subset->font_program.data(), static_cast<unsigned>(subset->font_program.size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* cut = hb_face_create(blob, 0);
  hb_font_t* cut_font = hb_font_create(cut);
  // The used glyphs, .notdef and the components of composite glyphs such as é.
  CHECK(hb_face_get_glyph_count(cut) < used.size() + 8);
  CHECK(hb_face_get_glyph_count(cut) * 50 < hb_face_get_glyph_count(face.hb_face()));
  for (const auto& [old_glyph, new_glyph] : subset->new_glyph_of) {
    CHECK(hb_font_get_glyph_h_advance(cut_font, new_glyph) == face.advance(old_glyph));
  }
  hb_font_destroy(cut_font);
  hb_face_destroy(cut);
  hb_blob_destroy(blob);
  CHECK(subset->font_program.size() < 20000);
}

TEST_CASE("a face of a font collection is subset to the glyphs shown and .notdef, without variation forms", "[pdf]") {
  fonts::FontRegistry registry({});
  const fonts::Face* face = registry.find("Noto Sans CJK SC", fonts::FontStyle::regular);
  REQUIRE(face);
  REQUIRE(face->index() > 0);  // not the collection's first face
  // 礼 and 。 have glyphs for variation sequences (U+FE00, U+FE01: the cmap's format 14
  // subtable), which hb-subset adds to a subset when it reads the character map.
  const auto used = encoder_of(*face, "\u793C\u3002").glyphs();
  REQUIRE(used.size() == 2);
  const auto subset = pdf::subset_face(*face, used);
  REQUIRE(subset);
  hb_blob_t* blob = hb_blob_create(subset->font_program.data(), static_cast<unsigned>(subset->font_program.size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* cut = hb_face_create(blob, 0);
  CHECK(hb_face_get_glyph_count(cut) == 3);
  hb_face_destroy(cut);
  hb_blob_destroy(blob);
  CHECK(subset->new_glyph_of.size() == 2);
}

TEST_CASE("a subset's glyphs put in code order keep their outlines and advances, composites included", "[pdf]") {
  fonts::FontRegistry registry({});
  const fonts::Face& face = serif(registry);
  const auto used = encoder_of(face, "Immunothérapie").glyphs();
  const auto subset = pdf::subset_face(face, used);
  REQUIRE(subset);
  // Backwards, with a glyph twice, as codes that say different texts with one glyph are.
  std::vector<pdf::ProgramGlyph> order{{0}};
  for (auto it = subset->new_glyph_of.rbegin(); it != subset->new_glyph_of.rend(); ++it) order.push_back({it->second});
  order.push_back(order[1]);
  const auto reordered = pdf::reorder_glyphs(subset->font_program, order);
  REQUIRE(reordered);
  const auto open = [](const std::string& program) {
    hb_blob_t* blob = hb_blob_create(program.data(), static_cast<unsigned>(program.size()), HB_MEMORY_MODE_READONLY,
                                     nullptr, nullptr);
    hb_face_t* hb_face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    hb_font_t* font = hb_font_create(hb_face);
    hb_face_destroy(hb_face);
    return font;
  };
  hb_font_t* before = open(subset->font_program);
  hb_font_t* after = open(*reordered);
  // é's components come after the codes' glyphs when no code shows them.
  const unsigned count = hb_face_get_glyph_count(hb_font_get_face(after));
  CHECK(count >= order.size());
  CHECK(count <= hb_face_get_glyph_count(hb_font_get_face(before)) + 1);
  for (std::size_t i = 0; i < order.size(); ++i) {
    const auto glyph = static_cast<hb_codepoint_t>(i);
    CHECK(hb_font_get_glyph_h_advance(after, glyph) == hb_font_get_glyph_h_advance(before, order[i].glyph));
    hb_glyph_extents_t want{}, got{};
    const bool has_ink = hb_font_get_glyph_extents(before, order[i].glyph, &want);
    CHECK(hb_font_get_glyph_extents(after, glyph, &got) == has_ink);
    CHECK((got.x_bearing == want.x_bearing && got.y_bearing == want.y_bearing && got.width == want.width &&
           got.height == want.height));
  }
  hb_font_destroy(after);
  hb_font_destroy(before);
  CHECK_FALSE(pdf::reorder_glyphs(subset->font_program, {{0}, {60000}}));
  CHECK_FALSE(pdf::reorder_glyphs(subset->font_program.substr(0, 40), order));
}

namespace {

/// A glyph's outline as FreeType loads it, in font units, unhinted: x0, y0, x1, y1, ...
std::vector<long> outline_points(FT_Face face, unsigned glyph) {
  REQUIRE(FT_Load_Glyph(face, glyph, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) == 0);
  std::vector<long> points;
  for (int i = 0; i < face->glyph->outline.n_points; ++i) {
    points.push_back(face->glyph->outline.points[i].x);
    points.push_back(face->glyph->outline.points[i].y);
  }
  return points;
}

}  // namespace

TEST_CASE("a placed glyph is a composite of one component, moved, that FreeType draws moved", "[pdf]") {
  fonts::FontRegistry registry({});
  const fonts::Face& face = serif(registry);
  const std::uint32_t a = face.nominal_glyph(U'a'), e = face.nominal_glyph(U'e'), e_acute = face.nominal_glyph(U'\u00E9');
  const auto subset = pdf::subset_face(face, {a, e, e_acute});
  REQUIRE(subset);
  const std::uint16_t new_a = subset->new_glyph_of.at(a), new_e = subset->new_glyph_of.at(e);
  const std::uint16_t new_e_acute = subset->new_glyph_of.at(e_acute);
  // e as it stands and moved (with no advance, as a mark); é (itself a composite) moved; a
  // only moved, so that it comes after the codes' glyphs as a component.
  const std::vector<pdf::ProgramGlyph> order{{0},
                                             {new_e},
                                             {new_e, pdf::GlyphPlacement{-30, 500, false}},
                                             {new_e_acute, pdf::GlyphPlacement{40, -250, true}},
                                             {new_a, pdf::GlyphPlacement{7, 0, true}}};
  const auto reordered = pdf::reorder_glyphs(subset->font_program, order);
  REQUIRE(reordered);
  FT_Library library = nullptr;
  REQUIRE(FT_Init_FreeType(&library) == 0);
  FT_Face before = nullptr, after = nullptr;
  REQUIRE(FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(subset->font_program.data()),
                             static_cast<FT_Long>(subset->font_program.size()), 0, &before) == 0);
  REQUIRE(FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(reordered->data()),
                             static_cast<FT_Long>(reordered->size()), 0, &after) == 0);
  // The five, then é and a, the components of placed glyphs, then é's own accent.
  CHECK(after->num_glyphs == 8);
  CHECK(outline_points(after, 5) == outline_points(before, new_e_acute));
  CHECK(outline_points(after, 6) == outline_points(before, new_a));
  CHECK(outline_points(after, 1) == outline_points(before, new_e));
  for (unsigned i = 2; i < order.size(); ++i) {
    INFO("glyph " << i);
    const pdf::GlyphPlacement& placement = *order[i].placement;
    // Drawn whole: the component's outline moved by the offset, exactly.
    std::vector<long> moved = outline_points(before, order[i].glyph);
    REQUIRE_FALSE(moved.empty());
    for (std::size_t k = 0; k < moved.size(); k += 2) {
      moved[k] += placement.dx;
      moved[k + 1] += placement.dy;
    }
    CHECK(outline_points(after, i) == moved);
    REQUIRE(FT_Load_Glyph(after, i, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) == 0);
    CHECK(after->glyph->metrics.horiAdvance == (placement.advances ? face.advance(order[i].glyph == new_a ? a : order[i].glyph == new_e ? e : e_acute) : 0));
    // One component at an offset, not rounded to the grid, that draws the glyph unmoved.
    REQUIRE(FT_Load_Glyph(after, i, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING | FT_LOAD_NO_RECURSE) == 0);
    REQUIRE(after->glyph->format == FT_GLYPH_FORMAT_COMPOSITE);
    REQUIRE(after->glyph->num_subglyphs == 1);
    FT_Int component = 0, dx = 0, dy = 0;
    FT_UInt flags = 0;
    FT_Matrix matrix{};
    REQUIRE(FT_Get_SubGlyph_Info(after->glyph, 0, &component, &flags, &dx, &dy, &matrix) == 0);
    CHECK((flags & FT_SUBGLYPH_FLAG_ARGS_ARE_XY_VALUES) != 0);
    CHECK((flags & FT_SUBGLYPH_FLAG_ROUND_XY_TO_GRID) == 0);
    CHECK((flags & FT_SUBGLYPH_FLAG_USE_MY_METRICS) == 0);
    CHECK(dx == placement.dx);
    CHECK(dy == placement.dy);
    CHECK(outline_points(after, static_cast<unsigned>(component)) == outline_points(before, order[i].glyph));
  }
  // maxp 1.0 counts é moved as two levels of components (OpenType 'maxp').
  const auto* maxp = static_cast<const TT_MaxProfile*>(FT_Get_Sfnt_Table(after, FT_SFNT_MAXP));
  REQUIRE(maxp);
  CHECK(maxp->maxComponentDepth >= 2);
  CHECK(maxp->maxComponentElements >= 1);
  FT_Done_Face(after);
  FT_Done_Face(before);
  FT_Done_FreeType(library);
  // A glyph moved out of 16-bit coordinates cannot be written.
  CHECK_FALSE(pdf::reorder_glyphs(subset->font_program, {{0}, {new_e, pdf::GlyphPlacement{32767, 0, true}}}));
}

TEST_CASE("glyph runs become TJ arrays with kerning, and a glyph saying another text gets its own code", "[pdf]") {
  fonts::FontRegistry registry({});
  const fonts::Face& face = serif(registry);
  const std::uint32_t a = face.nominal_glyph(U'A');
  const std::uint32_t v = face.nominal_glyph(U'V');
  layout::GlyphItem item{{&face,
                          10,
                          core::Rgb{0, 0, 0},
                          {},
                          0,
                          0,
                          false,
                          {},
                          {{0, a, 0, 1, 600}, {4.8, v, 1, 2, 600}, {10.8, v, 2, 3, 600}},
                          std::make_shared<const std::string>("AVW")},
                         100,
                         42};
  pdf::FontEncoder encoder(face);
  pdf::ContentStream content(842);
  content.show_runs({{&item, "F1", &encoder}});
  // TJ numbers move the pen back by n/1000 of the size, in whole units: where /W left it,
  // less where the next glyph stands (kerning and justification), each from the glyph
  // before's own place while the rounding stays within 4 units.
  const std::string kern = pdf::pdf_number(std::round((0.001 * encoder.width(1) * 10 - 4.8) * 100));
  const std::string wide = pdf::pdf_number(std::round((4.8 + 0.001 * encoder.width(2) * 10 - 10.8) * 100));
  CHECK(content.bytes() ==
        "BT\n/F1 10 Tf\n0 0 0 rg\n100 800 Td\n[" + shown({1}) + kern + shown({2}) + wide + shown({3}) + "] TJ\nET\n");
  CHECK(encoder.codes().at(3).glyph == v);
  CHECK(encoder.codes().at(3).text == "W");
}

TEST_CASE("codes are shown in literal strings, two bytes each, backslash, parentheses and CR escaped", "[pdf]") {
  fonts::FontRegistry registry({});
  const fonts::Face& face = serif(registry);
  const std::uint32_t a = face.nominal_glyph(U'A');
  // One glyph saying 100 different letters (U+0100 on): codes 1 to 100, among them 13 (CR),
  // 40 and 41 (parentheses) and 92 (backslash) as their low bytes.
  std::string text;
  std::vector<text::PlacedGlyph> glyphs;
  const double advance = std::round(face.advance(a) * 1000.0 / face.metrics().units_per_em) * 0.01;
  for (int i = 0; i < 100; ++i) {
    const auto begin = static_cast<std::uint32_t>(text.size());
    core::append_utf8(text, static_cast<char32_t>(0x100 + i));
    glyphs.push_back({i * advance, a, begin, static_cast<std::uint32_t>(text.size()), 600});
  }
  layout::GlyphItem item{{&face, 10, core::Rgb{0, 0, 0}, {}, 0, 0, false, {}, glyphs,
                          std::make_shared<const std::string>(text)},
                         0, 10};
  pdf::FontEncoder encoder(face);
  pdf::ContentStream content(842);
  content.show_runs({{&item, "F1", &encoder}});
  const std::string& bytes = content.bytes();
  CHECK(bytes.find('\r') == std::string::npos);  // a reader would take a bare CR for LF
  // The string read back as ISO 32000-1 §7.3.4.2 says: one string, codes 1 to 100 in order.
  const std::size_t open = bytes.find("[(");
  REQUIRE(open != std::string::npos);
  std::string read;
  std::size_t at = open + 2;
  for (; bytes.at(at) != ')'; ++at) {
    REQUIRE(bytes[at] != '(');  // every parenthesis inside is escaped
    if (bytes[at] != '\\') {
      read += bytes[at];
      continue;
    }
    const char escaped = bytes.at(++at);
    CHECK((escaped == '\\' || escaped == '(' || escaped == ')' || escaped == 'r'));
    read += escaped == 'r' ? '\r' : escaped;
  }
  CHECK(bytes.substr(at, 6) == ")] TJ\n");
  std::string expected;
  for (int code = 1; code <= 100; ++code) {
    expected += static_cast<char>(code >> 8);
    expected += static_cast<char>(code & 0xFF);
  }
  CHECK(read == expected);
  CHECK(encoder.codes().size() == 100);
}

TEST_CASE("TJ numbers repeat along a justified line, and the rounding never takes a glyph 4/1000 em away",
          "[pdf]") {
  fonts::FontRegistry registry({});
  const fonts::Face& face = serif(registry);
  const std::uint32_t a = face.nominal_glyph(U'A');
  pdf::FontEncoder encoder(face);
  // The glyph's advance at 10 pt, as its /W width will say.
  const double advance = std::round(face.advance(a) * 1000.0 / face.metrics().units_per_em) * 0.01;
  // Forty glyphs, each 0.657 units further apart than its advance: whole units put each
  // one 0.343 units too far, which adds up; the writer corrects before 4 units.
  std::vector<text::PlacedGlyph> glyphs;
  for (int i = 0; i < 40; ++i)
    glyphs.push_back(
        {i * (advance + 0.00657), a, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 1), 600});
  layout::GlyphItem item{{&face, 10, core::Rgb{0, 0, 0}, {}, 0, 0, false, {}, glyphs,
                          std::make_shared<const std::string>(std::string(40, 'A'))},
                         0, 10};
  pdf::ContentStream content(842);
  content.show_runs({{&item, "F1", &encoder}});
  const std::string& bytes = content.bytes();
  const double width = 0.001 * encoder.width(1) * 10;
  // Replay the TJ array: each number moves the pen back by n/1000 of 10 pt.
  double pen = 0;
  std::size_t glyph = 0;
  int repeated = 0;
  for (std::size_t at = bytes.find('[') + 1; bytes[at] != ']';) {
    if (bytes[at] == '(') {
      for (++at; bytes[at] != ')'; at += 2) {  // code 1 only: no byte escaped
        CHECK(std::abs(pen - glyphs[glyph].x) * 100 <= 4.0 + 1e-9);
        pen += width;
        ++glyph;
      }
      ++at;
    } else {
      std::size_t used = 0;
      const double number = std::stod(bytes.substr(at), &used);
      repeated += number == -1 ? 1 : 0;
      pen -= number / 100;
      at += used;
    }
  }
  CHECK(glyph == 40);
  CHECK(repeated > 20);  // mostly the one number, -1
}

TEST_CASE("a mark off its pen is shown at the pen by a code whose glyph carries the offset", "[pdf]") {
  fonts::FontRegistry registry({});
  const fonts::Face* face = registry.find("Noto Naskh Arabic", fonts::FontStyle::regular);
  REQUIRE(face);
  REQUIRE_FALSE(face->is_cff());
  const std::string word = "\u0628\u064C";  // beh, dammatan: a raised mark
  const auto glyphs = text::shape(*face, word, 0, word.size(), "ar", "Arab", true);
  REQUIRE(glyphs.size() == 2);
  const auto mark = std::find_if(glyphs.begin(), glyphs.end(), [](const text::ShapedGlyph& g) { return g.advance == 0; });
  REQUIRE(mark != glyphs.end());
  REQUIRE(mark->y_offset != 0);
  layout::GlyphItem item{{face, 10, core::Rgb{0, 0, 0}, {}, 0, 0, true, {}, {}, std::make_shared<const std::string>(word)},
                         100, 42};
  const double scale = 10.0 / face->metrics().units_per_em;
  double pen = 0;
  for (const auto& glyph : glyphs) {
    item.run.glyphs.push_back({pen + glyph.x_offset * scale, glyph.id, 0, static_cast<std::uint32_t>(word.size()),
                               glyph.advance, glyph.x_offset, glyph.y_offset});
    pen += glyph.advance * scale;
  }
  pdf::FontEncoder encoder(*face);
  pdf::ContentStream content(842);
  content.show_runs({{&item, "F1", &encoder}});
  // Both codes at the pen, on the baseline: no text rise, no step back, one string.
  const std::string& bytes = content.bytes();
  CHECK(bytes.find("Ts") == std::string::npos);
  CHECK(bytes.find("100 800 Td\n[" + shown({1, 2}) + "] TJ\n") != std::string::npos);
  const pdf::CodeMeaning& placed = encoder.codes().at(mark == glyphs.begin() ? 1 : 2);
  CHECK(placed.glyph == mark->id);
  CHECK(placed.offset == pdf::GlyphOffset{mark->x_offset, mark->y_offset});
  CHECK(placed.width == 0);
  pdf::HpdfDocument document;
  pdf::embed_type0_font(document, document.indirect_dict(), encoder);

  // A CID-keyed CFF face cannot carry an offset: its glyph is raised by Ts and moved by TJ.
  const fonts::Face* cjk = registry.find("Noto Sans CJK KR", fonts::FontStyle::regular);
  REQUIRE(cjk);
  const auto han = text::shape(*cjk, "\uBA74", 0, 3, "ko");
  REQUIRE(han.size() == 1);
  layout::GlyphItem raised{{cjk,
                            10,
                            core::Rgb{0, 0, 0},
                            {},
                            0,
                            0,
                            false,
                            {},
                            {{0.5, han[0].id, 0, 3, 0, 50, 200}},
                            std::make_shared<const std::string>("\uBA74")},
                           100,
                           42};
  pdf::FontEncoder cff(*cjk);
  pdf::ContentStream cff_content(842);
  cff_content.show_runs({{&raised, "F2", &cff}});
  CHECK(cff_content.bytes().find("2 Ts\n[-50(") != std::string::npos);
  CHECK(cff.codes().begin()->second.offset == pdf::GlyphOffset{});
}

TEST_CASE("invisible copies after a mark drawn at the pen stand at the pen, with no step back or forward", "[pdf]") {
  fonts::FontRegistry registry({});
  const fonts::Face* face = registry.find("Noto Sans Devanagari", fonts::FontStyle::regular);
  REQUIRE(face);
  // KA with vowel sign AI and anusvara: Noto draws the two signs as one mark set back over
  // KA, which says the vowel sign, the anusvara said by an invisible copy after it.
  const std::string word = "\u0915\u0948\u0902\u0938";
  const auto glyphs = text::shape(*face, word, 0, word.size(), "hi");
  REQUIRE(glyphs.size() == 3);
  REQUIRE(glyphs[1].advance == 0);
  REQUIRE(glyphs[1].x_offset < 0);
  layout::GlyphItem item{{face, 10, core::Rgb{0, 0, 0}, {}, 0, 0, false, {}, {}, std::make_shared<const std::string>(word)},
                         100, 42};
  const double scale = 10.0 / face->metrics().units_per_em;
  double pen = 0;
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    std::size_t next = i + 1;  // the next cluster's first glyph
    while (next < glyphs.size() && glyphs[next].cluster == glyphs[i].cluster) ++next;
    const std::uint32_t end = next < glyphs.size() ? glyphs[next].cluster : static_cast<std::uint32_t>(word.size());
    item.run.glyphs.push_back({pen + glyphs[i].x_offset * scale, glyphs[i].id, glyphs[i].cluster, end,
                               glyphs[i].advance, glyphs[i].x_offset, glyphs[i].y_offset});
    pen += glyphs[i].advance * scale;
  }
  pdf::FontEncoder encoder(*face);
  pdf::ContentStream content(842);
  content.show_runs({{&item, "F1", &encoder}});
  // KA and the mark at KA's end, the copy a hair (0.1/1000 em) before that pen, then SA
  // where the copy left it, that hair on.
  CHECK(content.bytes().find("[" + shown({1, 2}) + "] TJ\n3 Tr\n[0.1" + shown({3}) + "] TJ\n0 Tr\n[-0.1" + shown({4}) + "] TJ\n") != std::string::npos);
  CHECK(encoder.codes().at(2).offset == pdf::GlyphOffset{glyphs[1].x_offset, 0});
  CHECK(encoder.codes().at(3).text == "\u0902");
}

TEST_CASE("a text object repeats neither the font nor the fill colour in force", "[pdf]") {
  fonts::FontRegistry registry({});
  const fonts::Face& face = serif(registry);
  const std::uint32_t a = face.nominal_glyph(U'A');
  const auto text = std::make_shared<const std::string>("A");
  layout::GlyphItem black{{&face, 10, core::Rgb{0, 0, 0}, {}, 0, 0, false, {}, {{0, a, 0, 1, 600}}, text}, 100, 42};
  layout::GlyphItem red = black;
  red.run.color = core::Rgb{1, 0, 0};
  layout::GlyphItem larger = black;
  larger.run.size = 12;
  pdf::FontEncoder encoder(face);
  pdf::ContentStream content(842);
  for (const layout::GlyphItem* item : {&black, &black, &red, &larger}) content.show_runs({{item, "F1", &encoder}});
  CHECK(content.bytes() ==
        "BT\n/F1 10 Tf\n0 0 0 rg\n100 800 Td\n[" + shown({1}) + "] TJ\nET\n"
        "BT\n100 800 Td\n[" + shown({1}) + "] TJ\nET\n"
        "BT\n1 0 0 rg\n100 800 Td\n[" + shown({1}) + "] TJ\nET\n"
        "BT\n/F1 12 Tf\n0 0 0 rg\n100 800 Td\n[" + shown({1}) + "] TJ\nET\n");
}

TEST_CASE("a ligature says one letter per code: the others by invisible blank copies at the pen", "[pdf]") {
  fonts::FontRegistry registry({});
  const fonts::Face& face = serif(registry);
  const std::string word = "offer";
  const auto glyphs = text::shape(face, word, 0, word.size(), "en");
  REQUIRE(glyphs.size() == 4);  // o, the ff ligature, e, r
  layout::GlyphItem item{{&face, 10, core::Rgb{0, 0, 0}, {}, 0, 0, false, {}, {}, std::make_shared<const std::string>(word)},
                         100, 42};
  double x = 0;
  for (const auto& glyph : glyphs) {
    item.run.glyphs.push_back({x, glyph.id, glyph.cluster, glyph.cluster, glyph.advance});
    x += glyph.advance * 10.0 / face.metrics().units_per_em;
  }
  for (std::size_t i = 0; i < item.run.glyphs.size(); ++i) {
    item.run.glyphs[i].end = i + 1 < glyphs.size() ? glyphs[i + 1].cluster : static_cast<std::uint32_t>(word.size());
  }
  pdf::FontEncoder encoder(face);
  pdf::ContentStream content(842);
  content.show_runs({{&item, "F1", &encoder}});
  // Ghostscript 10.0 garbles a /ToUnicode value of two units: every code says one letter.
  for (const auto& [code, meaning] : encoder.codes()) CHECK(meaning.text.size() == 1);
  // o, the ligature saying "f", an invisible copy saying the second "f" a hair (0.1/1000 em)
  // before where the next glyph stands, e, r.
  CHECK(content.bytes().find("[" + shown({1, 2}) + "] TJ\n3 Tr\n[0.1" + shown({3}) + "] TJ\n0 Tr\n[-0.1" + shown({4, 5}) + "] TJ") !=
        std::string::npos);
  CHECK(encoder.codes().at(2).text == "f");
  CHECK(encoder.codes().at(2).glyph == glyphs[1].id);
  const pdf::CodeMeaning& copy = encoder.codes().at(3);
  CHECK(copy.text == "f");
  CHECK(copy.width == 0);
  CHECK(face.advance(copy.glyph) == 0);
  CHECK(face.ink(copy.glyph).top == 0);
  CHECK(content.bytes().rfind("0 Tr") > content.bytes().rfind("3 Tr"));  // render mode 0 again
}

TEST_CASE("a cluster's text is shared out among its glyphs by the character map", "[pdf]") {
  fonts::FontRegistry registry({});
  const fonts::Face* face = registry.find("Noto Sans Devanagari", fonts::FontStyle::regular);
  REQUIRE(face);
  const std::string ki = "\u0915\u093F";  // KA, vowel sign I: drawn matra first
  const auto glyphs = text::shape(*face, ki, 0, ki.size(), "hi");
  REQUIRE(glyphs.size() == 2);
  const std::vector<std::uint32_t> logical{glyphs[1].id, glyphs[0].id};
  const auto shared = text::share_cluster_text(*face, logical, ki);
  CHECK(shared.pieces[0] == "\u0915");
  CHECK(shared.pieces[1] == "\u093F");
  CHECK(shared.order == std::vector<std::size_t>{0, 1});
}

TEST_CASE("a right-to-left cluster is drawn left to right, its pieces reversed", "[pdf]") {
  fonts::FontRegistry registry({});
  const fonts::Face* face = registry.find("Noto Naskh Arabic", fonts::FontStyle::regular);
  REQUIRE(face);
  const std::string lam_alef = "\u0644\u0627";
  const auto glyphs = text::shape(*face, lam_alef, 0, lam_alef.size(), "ar", "Arab", true);
  REQUIRE(!glyphs.empty());
  text::GlyphRun run{face, 10, core::Rgb{0, 0, 0}, {}, 0, 0, true, {}, {}, std::make_shared<const std::string>(lam_alef)};
  double x = 0;
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    run.glyphs.push_back({x, glyphs[i].id, 0, static_cast<std::uint32_t>(lam_alef.size()), glyphs[i].advance});
    x += glyphs[i].advance / 100.0;
  }
  const auto writing = pdf::plan_cluster(run, 0, run.glyphs.size());
  std::string said;
  for (const auto& glyph : writing.glyphs) said += glyph.text;
  CHECK(said == "\u0627\u0644");  // alef, lam: readers reverse the word back
  if (writing.actual_text) CHECK(*writing.actual_text == "\u0627\u0644");
}

TEST_CASE("the hyphen added at a line end says a hyphen-minus, and U+00AD through /ActualText", "[pdf]") {
  fonts::FontRegistry registry({});
  const fonts::Face* face = registry.find("Noto Serif", fonts::FontStyle::regular);
  REQUIRE(face);
  // The paragraph's text ends with the soft hyphen the added hyphen points to.
  const auto text = std::make_shared<const std::string>("immune\u00AD");
  const auto glyphs = text::shape(*face, "-", 0, 1, "en");
  REQUIRE(glyphs.size() == 1);
  text::GlyphRun run{face, 10, core::Rgb{0, 0, 0}, {}, 0, 0, false, {}, {}, text};
  run.glyphs.push_back({0, glyphs[0].id, 6, 8, glyphs[0].advance});
  const auto writing = pdf::plan_cluster(run, 0, 1);
  REQUIRE(writing.glyphs.size() == 1);
  CHECK(writing.glyphs[0].text == "-");
  REQUIRE(writing.actual_text);
  CHECK(*writing.actual_text == "\u00AD");
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

