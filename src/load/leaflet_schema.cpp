#include "load/leaflet_schema.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>

namespace leafpress::load {
namespace {

using K = ValueKind;

// Each table is one map of leaflet.yaml; leaflets/README.md explains every key at length.

constexpr LeafletKey kLeaflet[] = {
    {"default_language", K::language, "the language other languages fall back to; its strings file must hold every key", true},
    {"languages", K::languages, "the languages to build (default: every <lang>.yaml beside leaflet.yaml)"},
    {"title", K::text_key, "the string key of the document title (PDF metadata, running header)", true},
    {"format", K::formats, "what to build: brochure, trifold, booklet, or a list of them (default: brochure)"},
    {"page", K::map, "the brochure's page: columns, margins, header and footer", false, "page"},
    {"trifold", K::map, "the tri-fold's panels", false, "trifold"},
    {"booklet", K::map, "the booklet's A5 pages", false, "booklet"},
    {"poster", K::map, "the poster's page", false, "poster"},
    {"flyer", K::map, "the flyer's sides", false, "flyer"},
    {"print", K::map_or_nothing, "a press file beside each PDF; alone, with the defaults", false, "print"},
    {"theme", K::map_or_path, "fonts, sizes and colours, or the path of a shared theme file", false, "theme"},
    {"names", K::names, "words never hyphenated, in any language (drug, brand and people's names)"},
    {"digits", K::language_map, "the digits a language is set in, when not CLDR's default: a numbering system such as latn or arab"},
    {"content", K::blocks, "the blocks, in reading order", true},
    {"variables", K::variables, "names strings use as {hospital.phone}, each with a default value or none"},
    {"variants", K::string, "a CSV or YAML file, one row per variant, giving the variables' values"},
};

constexpr LeafletKey kMargins[] = {
    {"top", K::length, "margin at the top of the page"},
    {"bottom", K::length, "margin at the foot of the page"},
    {"inside", K::length, "margin at the spine"},
    {"outside", K::length, "margin at the fore-edge"},
};

// A page size: the ISO A and B series, Letter, Legal, Tabloid, DL or "W x H mm", then
// optionally "portrait" or "landscape".
constexpr std::string_view kSizeHelp = "A4, A5, B5, Letter, DL… or '210 x 297 mm', optionally followed by landscape";

constexpr LeafletKey kPage[] = {
    {"size", K::string, kSizeHelp},
    {"columns", K::whole, "columns of text, each at least 40 mm wide", false, {}, 1, 3},
    {"margins", K::map, "the page's margins", false, "margins"},
    {"header", K::text_key, "string key shown on every page but the first"},
    {"footer", K::text_key, "string key shown beside the page number"},
    {"pages", K::whole, "the brochure's page count; text that does not fit is an error (default: as the text needs)", false, {}, 1, 500},
};

constexpr LeafletKey kTrifold[] = {
    {"fold_in", K::length, "how much narrower the panel that folds in is (1 to 6 mm; default 3mm)"},
    {"margin", K::length, "around each panel's text (at most 25 mm; default 7mm)"},
    {"text_scale", K::number, "share of the theme's sizes (default 0.82)", false, {}, 0.5, 2},
};

constexpr LeafletKey kBooklet[] = {
    {"margins", K::map, "the A5 pages' margins", false, "margins"},
    {"text_scale", K::number, "share of the theme's sizes (default 0.9)", false, {}, 0.5, 2},
    {"creep", K::length, "creep of the imposed office sheets, about the paper's thickness (0 to 1mm)"},
    {"pages", K::whole, "the booklet's page count, a multiple of 4; text that does not fit is an error", false, {}, 4, 500},
};

constexpr LeafletKey kPoster[] = {
    {"size", K::string, "A3 (the default), A2 or A1, or any size from A4 up"},
    {"margin", K::length, "around the poster's grid (5 to 60 mm; default 15mm)"},
    {"text_scale", K::number, "type sizes over the theme's at A3 (default 1.35)", false, {}, 1, 5},
    {"columns", K::whole, "columns of the poster's grid", false, {}, 1, 3},
};

constexpr LeafletKey kFlyer[] = {
    {"size", K::string, "A5 (the default), DL or another size"},
    {"sides", K::whole, "one side or two (default 2)", false, {}, 1, 2},
    {"margins", K::map, "the flyer's margins", false, "margins"},
    {"text_scale", K::number, "share of the theme's sizes", false, {}, 0.5, 2},
    {"columns", K::whole, "columns of text", false, {}, 1, 3},
};

constexpr LeafletKey kLogo[] = {
    {"file", K::string, "the PNG or JPEG logo, relative to leaflet.yaml", true},
    {"alt", K::text_key, "string key of its alternative text (without: a decoration readers skip)"},
    {"width", K::length, "on the cover (8 to 120 mm; default 32mm)"},
    {"every_page", K::boolean, "also, smaller, in the top margin of every later page (default false)"},
};

constexpr LeafletKey kPrint[] = {
    {"bleed", K::length, "how far backgrounds run past the trim (0 to 20 mm; default 3mm)"},
    {"crop_marks", K::boolean, "crop marks at the corners, fold marks at the folds (default true)"},
    {"bleed_at_spine", K::boolean, "a booklet's pages bleed at the spine too (default true)"},
    {"icc_profile", K::string, "the print shop's CMYK output profile, beside leaflet.yaml"},
    {"output_condition", K::string, "the printing condition's name; must be the profile's"},
    {"rendering_intent", K::intent, "how RGB colours go into the press's gamut (default relative_colorimetric)"},
};

constexpr LeafletKey kTheme[] = {
    {"extends", K::string, "a theme file this theme builds on, relative to this file"},
    {"logo", K::map_or_string, "the organisation's logo: a PNG or JPEG path, or a map", false, "logo"},
    {"palette", K::color_map, "the brand's colours by name, usable wherever a colour goes"},
    {"fonts", K::map, "font families", false, "fonts"},
    {"sizes", K::map, "type sizes in points", false, "sizes"},
    {"colors", K::map, "the theme's colours", false, "colors"},
};

constexpr LeafletKey kFonts[] = {
    {"body", K::string, "family of the running text"},
    {"heading", K::string, "family of titles and headings"},
    {"languages", K::maps_by_language, "families for one language, as {ur: {body: Noto Nastaliq Urdu}}", false,
     "language_fonts"},
};

constexpr LeafletKey kLanguageFonts[] = {
    {"body", K::string, "family of the running text in this language"},
    {"heading", K::string, "family of titles and headings in this language"},
};

constexpr LeafletKey kSizes[] = {
    {"body", K::number, "running text", false, {}, 4, 96},    {"title", K::number, "the title", false, {}, 4, 96},
    {"subtitle", K::number, "the subtitle", false, {}, 4, 96}, {"h1", K::number, "level 1 headings", false, {}, 4, 96},
    {"h2", K::number, "level 2 headings", false, {}, 4, 96},   {"h3", K::number, "level 3 headings", false, {}, 4, 96},
};

constexpr LeafletKey kColors[] = {
    {"text", K::color, "running text"},
    {"accent", K::color, "headings, rules, bullets, the band along the cover's top edge"},
    {"accent_light", K::color, "box backgrounds"},
    {"muted", K::color, "captions, footer"},
};

// Every block may say which formats it appears in.
constexpr LeafletKey kBlockFormats{"formats", K::formats, "the formats this block appears in (default: all)"};

constexpr LeafletKey kTitleBlock[] = {
    {"title", K::text_key, "string key of the title", true},
    {"subtitle", K::text_key, "string key of the subtitle"},
    {"kicker", K::text_key, "string key of the line above the title"},
    kBlockFormats,
};
constexpr LeafletKey kHeadingBlock[] = {
    {"heading", K::text_key, "string key of the heading", true},
    {"level", K::whole, "1, 2 or 3 (default 1)", false, {}, 1, 3},
    kBlockFormats,
};
constexpr LeafletKey kParagraphBlock[] = {
    {"paragraph", K::text_key, "string key of the paragraph", true},
    kBlockFormats,
};
constexpr LeafletKey kListBlock[] = {
    {"list", K::text_keys, "string keys of the items", true},
    {"numbered", K::boolean, "numbered rather than bulleted (default false)"},
    kBlockFormats,
};
constexpr LeafletKey kQuoteBlock[] = {
    {"quote", K::text_key, "string key of the quotation", true},
    {"by", K::text_key, "string key of who said it"},
    kBlockFormats,
};
constexpr LeafletKey kCalloutBlock[] = {
    {"callout", K::key_or_keys, "string key of the box's paragraph, or a list of them", true},
    {"title", K::text_key, "string key of the box's title"},
    {"items", K::text_keys, "string keys of a bulleted list in the box"},
    kBlockFormats,
};
constexpr LeafletKey kFiguresBlock[] = {
    {"figures", K::map_list, "key figures, each a value and a label", true, "figure_item"},
    {"title", K::text_key, "string key of the title"},
    kBlockFormats,
};
constexpr LeafletKey kFigureItem[] = {
    {"value", K::text_key, "string key of the figure, such as 380 000", true},
    {"label", K::text_key, "string key of what it counts", true},
};
constexpr LeafletKey kSourcesBlock[] = {
    {"sources", K::map_list, "the sources, each a text and an address", true, "source_item"},
    {"title", K::text_key, "string key of the title"},
    kBlockFormats,
};
constexpr LeafletKey kSourceItem[] = {
    {"text", K::text_key, "string key of the source's name", true},
    {"url", K::string, "its address, a literal http, https, mailto or tel address"},
};
constexpr LeafletKey kContactBlock[] = {
    {"contact", K::text_keys, "string keys of the contact lines", true},
    {"title", K::text_key, "string key of the box's title"},
    kBlockFormats,
};
constexpr LeafletKey kFigureBlock[] = {
    {"figure", K::string, "the PNG or JPEG picture, relative to leaflet.yaml", true},
    {"alt", K::text_key, "string key of the alternative text", true},
    {"caption", K::text_key, "string key of the caption"},
    {"width", K::width, "a share of the column such as 70%, or a length such as 60mm"},
    kBlockFormats,
};
constexpr LeafletKey kQrBlock[] = {
    {"qr", K::string, "the address the code leads to, a literal address", true},
    {"alt", K::text_key, "string key of the alternative text", true},
    {"caption", K::text_key, "string key of the caption"},
    {"size", K::length, "side of the code, white margin not included (at least 10mm; default 24mm)"},
    kBlockFormats,
};

constexpr LeafletKey kTableBlock[] = {
    {"table", K::text_key, "string key of the table's caption", true},
    {"header", K::text_keys, "string keys of the header row's cells", true},
    {"rows", K::text_key_rows, "the rows, each a list of string keys, one per column", true},
    {"widths", K::shares, "each column's share of the width, such as [30%, 50%, 20%] (default: equal)"},
    {"row_headers", K::boolean, "the first cell of each row heads it (default false)"},
    kBlockFormats,
};

constexpr std::array<std::string_view, 12> kBlockKinds = {"title",   "heading", "paragraph", "list",   "quote", "callout",
                                                          "figures", "sources", "contact",   "figure", "qr",    "table"};

constexpr LeafletMap kMaps[] = {
    {"leaflet", "a leaflet's structure, layout and theme (leaflet.yaml)", kLeaflet},
    {"page", "the brochure's page", kPage},
    {"margins", "page margins: 12mm, 0.5in, 10pt or a number of points", kMargins},
    {"trifold", "the tri-fold's panels", kTrifold},
    {"booklet", "the booklet's A5 pages", kBooklet},
    {"print", "the press file beside each PDF", kPrint},
    {"theme", "fonts, sizes and colours", kTheme},
    {"fonts", "font families: the fonts/ folder first, then the system", kFonts},
    {"language_fonts", "font families for one language", kLanguageFonts},
    {"sizes", "type sizes in points", kSizes},
    {"colors", "colours: \"#RRGGBB\", \"cmyk(C%, M%, Y%, K%)\" or a palette name", kColors},
    {"block.title", "the title block", kTitleBlock},
    {"block.heading", "a heading", kHeadingBlock},
    {"block.paragraph", "a paragraph", kParagraphBlock},
    {"block.list", "a bulleted or numbered list", kListBlock},
    {"block.quote", "a quotation", kQuoteBlock},
    {"block.callout", "a box of text", kCalloutBlock},
    {"block.figures", "key figures", kFiguresBlock},
    {"figure_item", "a key figure", kFigureItem},
    {"block.sources", "the sources", kSourcesBlock},
    {"source_item", "a source", kSourceItem},
    {"block.contact", "the contact box", kContactBlock},
    {"block.figure", "a picture", kFigureBlock},
    {"block.qr", "a QR code", kQrBlock},
    {"block.table", "a table with a header row", kTableBlock},
    {"poster", "the poster's page", kPoster},
    {"flyer", "the flyer's sides", kFlyer},
    {"logo", "the organisation's logo", kLogo},
};

}  // namespace

std::span<const LeafletMap> leaflet_maps() { return kMaps; }

const LeafletMap& leaflet_map(std::string_view name) {
  const auto it = std::find_if(std::begin(kMaps), std::end(kMaps), [&](const LeafletMap& m) { return m.name == name; });
  if (it == std::end(kMaps)) throw std::out_of_range("no map '" + std::string(name) + "' in the leaflet schema");
  return *it;
}

std::vector<std::string_view> leaflet_keys(std::string_view name) {
  std::vector<std::string_view> names;
  for (const LeafletKey& key : leaflet_map(name).keys) names.push_back(key.name);
  return names;
}

std::span<const std::string_view> leaflet_block_kinds() { return kBlockKinds; }

}  // namespace leafpress::load
