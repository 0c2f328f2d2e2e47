#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/color.hpp"
#include "core/units.hpp"
#include "core/source_loc.hpp"

namespace leafpress::document {

/// A font family named in leaflet.yaml, kept with its place for "unknown font" errors.
struct FontFamily {
  std::string name;
  core::SourceLoc loc;
};

/// The families a theme names for text in one language, instead of its own.
struct LanguageFonts {
  std::optional<FontFamily> body;
  std::optional<FontFamily> heading;
};

/// Fonts, sizes (pt) and colours of a leaflet; defaults make a plain leaflet look right.
struct Theme {
  FontFamily body_font{"Noto Serif", {}};
  FontFamily heading_font{"Noto Sans", {}};
  /// By BCP 47 primary subtag ("ur": Noto Nastaliq Urdu, "ja": Noto Serif CJK JP).
  std::map<std::string, LanguageFonts> language_fonts;

  /// This theme with the fonts it names for `language` (its primary subtag) in place of its own.
  Theme for_language(std::string_view language) const {
    Theme theme = *this;
    const auto it = language_fonts.find(std::string(language.substr(0, language.find('-'))));
    if (it == language_fonts.end()) return theme;
    if (it->second.body) theme.body_font = *it->second.body;
    if (it->second.heading) theme.heading_font = *it->second.heading;
    return theme;
  }

  double body_size = 10.5;
  double title_size = 30;
  double subtitle_size = 14;
  double h1_size = 17;
  double h2_size = 13;
  double h3_size = 11;

  core::Color text = core::Rgb{0.12, 0.14, 0.16};
  core::Color accent = core::Rgb{0.04, 0.43, 0.46};
  core::Color accent_light = core::Rgb{0.89, 0.95, 0.95};
  core::Color muted = core::Rgb{0.36, 0.40, 0.44};
};

/// How a leaflet is folded and printed.
enum class Format : std::uint8_t {
  brochure,  // A4 portrait pages
  trifold,   // one A4 landscape sheet, both sides, folded in three (roll fold)
  booklet,   // A5 pages imposed two-up on A4 landscape sheets, saddle-stitched
  poster,    // one page, A3 by default, set on a grid at a large type scale
  flyer,     // A5 or DL, one or two sides
};

inline constexpr Format kFormats[] = {Format::brochure, Format::trifold, Format::booklet, Format::poster,
                                      Format::flyer};

/// "brochure", "trifold", "booklet", "poster", "flyer": the names leaflet.yaml, --format and
/// file names use.
std::string_view format_name(Format format);
std::optional<Format> format_named(std::string_view name);

/// Page margins in points; inside/outside swap between left and right pages.
struct Margins {
  double top = 62;
  double bottom = 68;
  double inside = 57;
  double outside = 57;
};

/// A sheet's finished size in points, with the name leaflet.yaml gave it ("A3", "DL",
/// "100 x 210 mm", "A4 landscape") for messages.
struct PageSize {
  std::string name = "A4";
  double width = core::kA4Width;
  double height = core::kA4Height;
  bool operator==(const PageSize&) const = default;
};

/// Page geometry and furniture; header and footer are text of the kind the document holds.
template <class Text>
struct PageSetup {
  PageSize size;  // the brochure's pages
  int columns = 1;
  Margins margins;
  std::optional<Text> header;
  std::optional<Text> footer;
  /// The page count asked for (`pages:`), 0 for as many as the text needs, and where.
  int pages = 0;
  core::SourceLoc pages_loc{};
};

/// The tri-fold's geometry. The panel that folds in sits under the others, so it is
/// narrower by `fold_in` (2–3 mm in print shops' templates) to fold without buckling.
struct TrifoldSetup {
  double fold_in = core::mm(3);
  double margin = core::mm(7);  // around each panel's text
  double text_scale = 0.82;     // of the theme's sizes: panels are narrow
};

/// The booklet's A5 pages; inside margins are at the spine.
struct BookletSetup {
  Margins margins{core::mm(15), core::mm(17), core::mm(16), core::mm(13)};
  double text_scale = 0.9;
  /// Creep of the imposed office sheets (`creep`, about the paper's thickness): each sheet
  /// nested inside another pushes out that much further at the fore-edge, so its pages move
  /// that much more towards the spine. 0 leaves them where they are.
  double creep = 0;
  /// The page count asked for (`pages:`, a multiple of 4), 0 for as many as the text needs.
  int pages = 0;
  core::SourceLoc pages_loc{};
};

/// The poster: one page laid out on a grid (headline across the top, the first picture
/// beside the key figures, the text in columns, QR code and contact along the foot).
struct PosterSetup {
  PageSize size{"A3", core::mm(297), core::mm(420)};
  double margin = core::mm(15);
  /// Of the theme's sizes, at A3; A2 and A1 scale it further by their size over A3's, so
  /// the poster reads the same from proportionally further away.
  double text_scale = 1.35;
  int columns = 2;  // of the text under the picture and key figures
};

/// The flyer: A5 or DL pages, printed on one side or both; text that needs more sides than
/// `sides` is an error naming the block that does not fit.
struct FlyerSetup {
  PageSize size{"A5", core::mm(148), core::mm(210)};
  int sides = 2;
  Margins margins{core::mm(11), core::mm(11), core::mm(11), core::mm(11)};
  double text_scale = 0.82;
  int columns = 1;
};

}  // namespace leafpress::document
