#include "load/load_leaflet.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <exception>
#include <set>
#include <thread>

#include "core/confine.hpp"
#include "core/icc_profile.hpp"
#include "core/limits.hpp"
#include "core/printing_condition.hpp"
#include "core/read_file.hpp"
#include "core/thread_apart.hpp"
#include "core/units.hpp"
#include "document/text_uses.hpp"
#include "load/leaflet_schema.hpp"
#include "load/load_catalog.hpp"
#include "load/load_font_config.hpp"
#include "load/load_variants.hpp"
#include "load/page_size.hpp"
#include "load/parse_blocks.hpp"
#include "load/pdf_strings.hpp"
#include "load/read_logo.hpp"
#include "load/schema.hpp"
#include "load/theme_layers.hpp"
#include "load/yaml_file.hpp"

namespace leafpress::load {
namespace fs = std::filesystem;
namespace {

constexpr const char* kLeafletFile = "leaflet.yaml";

/// The smallest text frame, each way, that margins may leave on the page: below it lines
/// hold a word or two, and past zero the text is set off the page.
constexpr double kMinFrame = 144;  // 2 in

/// A page of the given size, named in messages.
struct PageArea {
  std::string name;
  double width;
  double height;
};
const PageArea kA5{"A5 booklet page", core::kA5Width, core::kA5Height};

PageArea area_of(const document::PageSize& size, std::string_view what) {
  return {size.name + " " + std::string(what), size.width, size.height};
}

std::string points(double value) { return std::to_string(static_cast<long>(std::lround(value))); }

/// Margins must leave room for text on the page.
void check_text_frame(const document::Margins& margins, const YamlNode& node, SchemaReader& reader,
                      const PageArea& page) {
  const double width = page.width - margins.inside - margins.outside;
  const double height = page.height - margins.top - margins.bottom;
  if (width >= kMinFrame && height >= kMinFrame) return;
  reader.error(node, "the margins leave a text frame of " + points(width) + " x " + points(height) + " pt on the " + page.name,
               "leave at least " + points(kMinFrame) + " pt (" + points(kMinFrame / core::kPointsPerMm) +
                   " mm) each way; the page is " + points(page.width) + " x " + points(page.height) + " pt");
}

void read_margins(const YamlNode& margins, SchemaReader& reader, document::Margins& into, const PageArea& page) {
  if (!reader.expect_map(margins, "margins")) return;
  reader.check_keys(margins, "margins", leaflet_keys("margins"));
  auto read = [&](const char* key, double& value) {
    if (const auto node = reader.find(margins, key)) value = reader.length(*node, key).value_or(value);
  };
  read("top", into.top);
  read("bottom", into.bottom);
  read("inside", into.inside);
  read("outside", into.outside);
  check_text_frame(into, margins, reader, page);
}

/// `size:` of a page, a poster or a flyer (load/page_size.hpp).
std::optional<document::PageSize> read_page_size(const YamlNode& node, SchemaReader& reader) {
  const auto text = reader.string(node, "size");
  if (!text) return std::nullopt;
  if (auto size = try_parse_page_size(*text)) return size;
  reader.error(node, "unknown page size '" + *text + "'", "use " + page_size_names() + "; sides from " +
                                                            points(kSmallestSideMm) + " to " + points(kLargestSideMm) +
                                                            " mm");
  return std::nullopt;
}

/// The narrowest column worth setting text in: about 35 characters of body text.
constexpr double kMinColumn = core::mm(40);
constexpr double kGutter = 18;  // layout's gutter between columns

/// `columns:` from 1 to 3 (nullopt after reporting anything else).
std::optional<int> read_column_count(const YamlNode& node, SchemaReader& reader) {
  return reader.integer(node, "columns", 1, 3);
}

/// `count` columns if each is kMinColumn wide or more on `frame_width`; else reported at
/// `node`, and `fallback`.
int fit_columns(const YamlNode& node, SchemaReader& reader, std::optional<int> count, double frame_width,
                const std::string& page, int fallback) {
  if (!count) return fallback;
  const double width = (frame_width - kGutter * (*count - 1)) / *count;
  if (*count > 1 && width < kMinColumn - 1e-9) {
    reader.error(node, std::to_string(*count) + " columns would be " + points(width / core::kPointsPerMm) +
                           " mm wide on the " + page + "; a column needs at least " +
                           points(kMinColumn / core::kPointsPerMm) + " mm",
                 "use fewer columns, narrower margins or a larger page size");
    return fallback;
  }
  return *count;
}

void read_page(const YamlNode& page, SchemaReader& reader, document::PageSetup<document::TextRef>& setup) {
  if (!reader.expect_map(page, "page")) return;
  reader.check_keys(page, "page", leaflet_keys("page"));
  const auto columns = reader.find(page, "columns");
  const auto count = columns ? read_column_count(*columns, reader) : std::nullopt;
  if (const auto node = reader.find(page, "size")) setup.size = read_page_size(*node, reader).value_or(setup.size);
  const PageArea area = area_of(setup.size, "page");
  if (const auto margins = reader.find(page, "margins")) {
    read_margins(*margins, reader, setup.margins, area);
  } else if (const auto size = reader.find(page, "size")) {
    check_text_frame(setup.margins, *size, reader, area);
  }
  if (columns) {
    setup.columns = fit_columns(*columns, reader, count, setup.size.width - setup.margins.inside - setup.margins.outside,
                                area.name, 1);
  }
  if (const auto node = reader.find(page, "header")) setup.header = reader.text_ref(*node, "header");
  if (const auto node = reader.find(page, "footer")) setup.footer = reader.text_ref(*node, "footer");
  if (const auto node = reader.find(page, "pages")) {
    setup.pages = reader.integer(*node, "pages", 1, 500).value_or(0);
    setup.pages_loc = reader.loc(*node);
  }
}

/// The share of the theme's type sizes a format sets its text at.
double read_text_scale(const YamlNode& node, SchemaReader& reader, double fallback) {
  return reader.number(node, "text_scale", 0.5, 2).value_or(fallback);
}

void read_trifold(const YamlNode& node, SchemaReader& reader, document::TrifoldSetup& setup) {
  if (!reader.expect_map(node, "trifold")) return;
  reader.check_keys(node, "trifold", leaflet_keys("trifold"));
  if (const auto value = reader.find(node, "fold_in")) {
    const auto length = reader.length(*value, "fold_in");
    if (length && (*length < core::mm(1) - 1e-9 || *length > core::mm(6) + 1e-9)) {
      reader.error(*value, "the fold-in panel must be 1 to 6 mm narrower than the others",
                   "print shops use 2 to 3 mm; the default is 3mm");
    } else if (length) {
      setup.fold_in = *length;
    }
  }
  if (const auto value = reader.find(node, "margin")) {
    const auto length = reader.length(*value, "margin");
    if (length && *length > core::mm(25)) {
      reader.error(*value, "a panel margin of more than 25 mm leaves no room for text", "the default is 7mm");
    } else if (length) {
      setup.margin = *length;
    }
  }
  if (const auto value = reader.find(node, "text_scale")) setup.text_scale = read_text_scale(*value, reader, setup.text_scale);
}

void read_booklet(const YamlNode& node, SchemaReader& reader, document::BookletSetup& setup) {
  if (!reader.expect_map(node, "booklet")) return;
  reader.check_keys(node, "booklet", leaflet_keys("booklet"));
  if (const auto margins = reader.find(node, "margins")) read_margins(*margins, reader, setup.margins, kA5);
  if (const auto value = reader.find(node, "text_scale")) setup.text_scale = read_text_scale(*value, reader, setup.text_scale);
  if (const auto value = reader.find(node, "creep")) {
    const auto length = reader.length(*value, "creep");
    if (length && (*length < 0 || *length > core::mm(1) + 1e-9)) {
      reader.error(*value, "expected a creep of 0 to 1mm a sheet, got " + describe(*value),
                   "creep is about the paper's thickness: 0.1mm for 100 g/m² paper");
    } else if (length) {
      setup.creep = *length;
    }
  }
  if (const auto value = reader.find(node, "pages")) {
    const auto pages = reader.integer(*value, "pages", 4, 500);
    if (pages && *pages % 4 != 0) {
      reader.error(*value, "a booklet's page count must be a multiple of 4, got " + std::to_string(*pages),
                   "saddle stitching folds sheets of four pages: ask for " + std::to_string(*pages / 4 * 4 + 4) +
                       (*pages >= 8 ? " or " + std::to_string(*pages / 4 * 4) : std::string()));
    } else if (pages) {
      setup.pages = *pages;
      setup.pages_loc = reader.loc(*value);
    }
  }
}

/// A poster is read from a few metres: no smaller than A4, its short side up.
void read_poster(const YamlNode& node, SchemaReader& reader, document::PosterSetup& setup) {
  if (!reader.expect_map(node, "poster")) return;
  reader.check_keys(node, "poster", leaflet_keys("poster"));
  if (const auto value = reader.find(node, "size")) {
    if (const auto size = read_page_size(*value, reader)) {
      if (std::min(size->width, size->height) < core::kA4Width - 1) {
        reader.error(*value, "a poster of " + size->name + " is smaller than A4", "posters are A3 (the default), A2 or A1");
      } else {
        setup.size = *size;
      }
    }
  }
  if (const auto value = reader.find(node, "margin")) {
    const auto length = reader.length(*value, "margin");
    if (length && (*length < core::mm(5) - 1e-9 || *length > core::mm(60) + 1e-9)) {
      reader.error(*value, "expected a poster margin of 5 to 60 mm, got " + describe(*value), "the default is 15mm");
    } else if (length) {
      setup.margin = *length;
    }
  }
  if (const auto value = reader.find(node, "text_scale")) {
    setup.text_scale = reader.number(*value, "text_scale", 1, 5).value_or(setup.text_scale);
  }
  if (const auto value = reader.find(node, "columns")) {
    setup.columns = fit_columns(*value, reader, read_column_count(*value, reader), setup.size.width - 2 * setup.margin,
                                area_of(setup.size, "poster").name, setup.columns);
  }
}

void read_flyer(const YamlNode& node, SchemaReader& reader, document::FlyerSetup& setup) {
  if (!reader.expect_map(node, "flyer")) return;
  reader.check_keys(node, "flyer", leaflet_keys("flyer"));
  if (const auto value = reader.find(node, "size")) setup.size = read_page_size(*value, reader).value_or(setup.size);
  if (const auto value = reader.find(node, "sides")) setup.sides = reader.integer(*value, "sides", 1, 2).value_or(setup.sides);
  const PageArea area = area_of(setup.size, "flyer");
  if (const auto margins = reader.find(node, "margins")) {
    read_margins(*margins, reader, setup.margins, area);
  } else if (const auto size = reader.find(node, "size")) {
    check_text_frame(setup.margins, *size, reader, area);
  }
  if (const auto value = reader.find(node, "text_scale")) setup.text_scale = read_text_scale(*value, reader, setup.text_scale);
  if (const auto value = reader.find(node, "columns")) {
    setup.columns = fit_columns(*value, reader, read_column_count(*value, reader),
                                setup.size.width - setup.margins.inside - setup.margins.outside, area.name, setup.columns);
  }
}

/// The largest bleed leaflet.yaml may ask for: print shops ask for 2 to 5 mm.
constexpr double kMaxBleed = core::mm(20);

/// Reads the output profile `icc_profile` names, relative to the leaflet's folder, and checks
/// it is a CMYK output profile: the press file is CMYK, and its output intent says for which
/// press. Every problem is reported at the value.
std::optional<core::IccProfile> read_icc_profile(const YamlNode& node, SchemaReader& reader, const fs::path& directory,
                                                 const core::Limits& limits) {
  const auto name = reader.string(node, "icc_profile");
  if (!name) return std::nullopt;
  const fs::path path = directory / *name;
  std::error_code ec;
  if (name->empty() || !fs::is_regular_file(path, ec)) {
    reader.error(node, "no ICC profile '" + *name + "' in the leaflet's folder",
                 "the path is relative to the folder of leaflet.yaml; ask the print shop for its CMYK profile");
    return std::nullopt;
  }
  if (!limits.allow_outside) {
    if (const auto target = core::outside_target(path, directory)) {
      reader.error(node, "ICC profile '" + *name + "' leads outside the leaflet folder, to '" + target->string() + "'",
                   "copy the profile into the leaflet folder, or pass --allow-outside to read it there");
      return std::nullopt;
    }
  }
  auto bytes = core::try_read_file(path, core::kMaxIccBytes);
  if (!bytes) {
    reader.error(node, "cannot read ICC profile '" + *name + "'");
    return std::nullopt;
  }
  if (bytes->size() > core::kMaxIccBytes) {
    reader.error(node, "ICC profile '" + *name + "' is larger than " + core::format_bytes(core::kMaxIccBytes),
                 "press profiles take a few MiB at most; is this the right file?");
    return std::nullopt;
  }
  std::string problem;
  auto profile = core::try_read_icc_profile(std::move(*bytes), problem);
  if (!profile) {
    reader.error(node, "'" + *name + "' is " + problem, "icc_profile names an ICC colour profile (.icc or .icm file)");
    return std::nullopt;
  }
  if (profile->device_class != "prtr" || profile->color_space != "CMYK") {
    const std::string space = profile->color_space == "RGB " ? "RGB" : profile->color_space;
    reader.error(node,
                 "'" + *name + "' is " + core::describe_icc_class(profile->device_class) + " profile for " + space +
                     "; the press file's output intent needs an output ('prtr') profile for CMYK",
                 "ask the print shop for the profile of its press and paper, such as FOGRA39 for coated paper");
    return std::nullopt;
  }
  if (!profile->converts_to_device) {
    reader.error(node, "'" + *name + "' cannot convert colours into its CMYK: it has no tables for the perceptual "
                       "and relative colorimetric intents",
                 "ask the print shop for the full output profile of its press and paper");
    return std::nullopt;
  }
  // PDF/X-4 is PDF 1.6, which embeds ICC profiles up to version 4.1 (ISO 32000-1 Table 67).
  if (profile->version_major > 4 || (profile->version_major == 4 && profile->version_minor > 1)) {
    reader.error(node,
                 "'" + *name + "' is an ICC " + std::to_string(profile->version_major) + "." +
                     std::to_string(profile->version_minor) +
                     " profile; a PDF/X-4 file (PDF 1.6) holds profiles up to version 4.1",
                 "ask the print shop for the version 2 profile of the same condition (most shops have one)");
    return std::nullopt;
  }
  return profile;
}

/// `rendering_intent`: how RGB colours and pictures go into the press's gamut.
std::optional<document::RenderingIntent> read_rendering_intent(const YamlNode& node, SchemaReader& reader) {
  const auto text = reader.string(node, "rendering_intent");
  if (!text) return std::nullopt;
  using Intent = document::RenderingIntent;
  static const std::pair<const char*, Intent> kIntents[] = {{"relative_colorimetric", Intent::relative_colorimetric},
                                                            {"perceptual", Intent::perceptual},
                                                            {"saturation", Intent::saturation},
                                                            {"absolute_colorimetric", Intent::absolute_colorimetric}};
  for (const auto& [intent_name, intent] : kIntents) {
    if (*text == intent_name) return intent;
  }
  reader.error(node, "unknown rendering intent '" + *text + "'",
               "use relative_colorimetric (the default), perceptual, saturation or absolute_colorimetric");
  return std::nullopt;
}

/// `print:`: with it, `build` writes a press file beside each PDF. Alone (no value), it
/// asks for the defaults; `key` is where it was written.
document::PrintSetup read_print(const YamlNode& key, const YamlNode& node, SchemaReader& reader,
                                const fs::path& directory, const core::Limits& limits) {
  document::PrintSetup setup;
  setup.loc = reader.loc(key);
  if (node.is_null() || !reader.expect_map(node, "print")) return setup;
  reader.check_keys(node, "print", leaflet_keys("print"));
  if (const auto value = reader.find(node, "bleed")) {
    const auto length = reader.length(*value, "bleed");
    if (length && *length > kMaxBleed + 1e-9) {
      reader.error(*value, "expected a bleed of at most 20mm, got " + describe(*value),
                   "print shops ask for 2 to 5 mm; the default is 3mm");
    } else if (length) {
      setup.bleed = *length;
    }
  }
  if (const auto value = reader.find(node, "crop_marks")) {
    setup.crop_marks = reader.boolean(*value, "crop_marks").value_or(setup.crop_marks);
  }
  if (const auto value = reader.find(node, "bleed_at_spine")) {
    setup.bleed_at_spine = reader.boolean(*value, "bleed_at_spine").value_or(setup.bleed_at_spine);
  }
  if (const auto value = reader.find(node, "output_condition")) {
    if (auto text = reader.string(*value, "output_condition")) setup.output_condition = *text;
    setup.output_condition_loc = reader.loc(*value);
  }
  if (const auto value = reader.find(node, "rendering_intent")) {
    setup.rendering_intent = read_rendering_intent(*value, reader).value_or(setup.rendering_intent);
  }
  if (const auto value = reader.find(node, "icc_profile")) {
    setup.profile = read_icc_profile(*value, reader, directory, limits);
    setup.profile_loc = reader.loc(*value);
  }
  if (setup.profile) {
    std::string problem;
    if (!core::try_printing_condition(*setup.profile, setup.output_condition, problem)) {
      const auto value = reader.find(node, "output_condition");
      reader.error(*value, problem,
                   "leave output_condition out to take the profile's own condition, or ask the print shop for the "
                   "profile of the condition it names");
    }
  } else if (!setup.output_condition.empty()) {
    const auto value = reader.find(node, "output_condition");
    reader.diags().warning(reader.loc(*value), "output_condition is used only with an icc_profile; without one the press file claims no "
                           "printing condition",
                   "add the print shop's profile as icc_profile");
  }
  return setup;
}

/// One layer of the theme (theme_layers.hpp): sets the values `theme_node` holds.
void read_theme(const YamlNode& theme_node, SchemaReader& reader, const Palette& palette, document::Theme& theme) {
  if (!reader.expect_map(theme_node, "theme")) return;
  reader.check_keys(theme_node, "theme", leaflet_keys("theme"));
  if (const auto fonts = reader.find(theme_node, "fonts"); fonts && reader.expect_map(*fonts, "fonts")) {
    reader.check_keys(*fonts, "fonts", leaflet_keys("fonts"));
    auto read = [&](const YamlNode& map, const char* key, document::FontFamily& into) {
      if (const auto node = reader.find(map, key)) {
        if (auto name = reader.string(*node, key)) into = {*name, reader.loc(*node)};
      }
    };
    read(*fonts, "body", theme.body_font);
    read(*fonts, "heading", theme.heading_font);
    // languages: {ur: {body: Noto Nastaliq Urdu, heading: Noto Nastaliq Urdu}}
    if (const auto languages = reader.find(*fonts, "languages"); languages && reader.expect_map(*languages, "languages")) {
      for (const auto& entry : languages->entries()) {
        const std::string language(entry.key.scalar());
        if (!is_language_subtag(language)) {
          reader.error(entry.key,
                       "expected a language code such as 'ur' or 'ja' in 'fonts.languages', got '" + language + "'");
          continue;
        }
        const std::string what = "fonts.languages." + language;
        if (!reader.expect_map(entry.value, what)) continue;
        reader.check_keys(entry.value, what, leaflet_keys("language_fonts"));
        document::LanguageFonts& own = theme.language_fonts[language];
        for (const auto& [key, into] : {std::pair{"body", &own.body}, std::pair{"heading", &own.heading}}) {
          document::FontFamily family;
          read(entry.value, key, family);
          if (!family.name.empty()) *into = family;
        }
      }
    }
  }
  if (const auto sizes = reader.find(theme_node, "sizes"); sizes && reader.expect_map(*sizes, "sizes")) {
    reader.check_keys(*sizes, "sizes", leaflet_keys("sizes"));
    auto read = [&](const char* key, double& into) {
      if (const auto node = reader.find(*sizes, key)) into = reader.number(*node, key, 4, 96).value_or(into);
    };
    read("body", theme.body_size);
    read("title", theme.title_size);
    read("subtitle", theme.subtitle_size);
    read("h1", theme.h1_size);
    read("h2", theme.h2_size);
    read("h3", theme.h3_size);
  }
  if (const auto colors = reader.find(theme_node, "colors"); colors && reader.expect_map(*colors, "colors")) {
    reader.check_keys(*colors, "colors", leaflet_keys("colors"));
    auto read = [&](const char* key, core::Color& into) {
      into = read_theme_color(*colors, key, reader, palette).value_or(into);
    };
    read("text", theme.text);
    read("accent", theme.accent);
    read("accent_light", theme.accent_light);
    read("muted", theme.muted);
  }
}

std::vector<std::string> read_languages(const YamlNode& node, SchemaReader& reader) {
  std::vector<std::string> languages;
  if (!node.is_sequence() || node.size() == 0) {
    reader.error(node, "expected a list of language tags such as [fr, en] for 'languages', got " + describe(node));
    return languages;
  }
  for (const YamlNode& item : node.items()) {
    const auto tag = reader.string(item, "languages");
    if (!tag) continue;
    if (!is_language_tag(*tag)) {
      reader.error(item, "expected a language tag such as 'fr' or 'pt-BR', got '" + *tag + "'");
    } else if (std::find(languages.begin(), languages.end(), *tag) != languages.end()) {
      reader.error(item, "language '" + *tag + "' is listed twice");
    } else {
      languages.push_back(*tag);
    }
  }
  return languages;
}

/// Each language's digits: `digits: {ar: latn}`. The numbering system is checked when the
/// language is set (locale/localize), which knows CLDR's.
std::map<std::string, document::DigitsChoice> read_digits(const YamlNode& node, SchemaReader& reader) {
  std::map<std::string, document::DigitsChoice> digits;
  if (!node.is_map()) {
    reader.error(node, "expected a map of language tags to numbering systems such as {ar: latn} for 'digits', got " +
                           describe(node));
    return digits;
  }
  for (const auto& entry : node.entries()) {
    const auto language = reader.string(entry.key, "digits");
    const auto numbering = reader.string(entry.value, "digits");
    if (!language || !numbering) continue;
    if (!is_language_tag(*language)) {
      reader.error(entry.key, "expected a language tag such as 'ar' in 'digits', got '" + *language + "'");
      continue;
    }
    digits[*language] = {*numbering, reader.loc(entry.value)};
  }
  return digits;
}

/// Words never hyphenated: drug, brand and people's names.
std::vector<std::string> read_names(const YamlNode& node, SchemaReader& reader) {
  std::vector<std::string> names;
  if (!node.is_sequence()) {
    reader.error(node, "expected a list of names such as [Keytruda, Merkel] for 'names', got " + describe(node));
    return names;
  }
  for (const YamlNode& item : node.items()) {
    if (auto name = reader.string(item, "names")) names.push_back(std::move(*name));
  }
  return names;
}

/// Where the loader gets a leaflet's files: its folder on disk, or bytes held in memory.
/// Either way each file goes through parse_yaml_text's checks within the same limits.
class FileSource {
 public:
  virtual ~FileSource() = default;
  /// The names of the files held ("leaflet.yaml", "fr.yaml"), in no particular order.
  virtual std::vector<std::string> names() const = 0;
  /// True when a file of that name is there to read.
  virtual bool has(const std::string& name) const = 0;
  /// Its size in bytes, 0 when it cannot be told.
  virtual std::uintmax_t size(const std::string& name) const = 0;
  /// The parsed file, or nullopt after reporting why not at `display_name`.
  virtual std::optional<YamlFile> parse(const std::string& name, const std::string& display_name,
                                        core::Diagnostics& diags) const = 0;
  /// The folder pictures and colour profiles are read from, relative to it.
  virtual fs::path folder() const = 0;
  virtual const core::Limits& limits() const = 0;
};

/// The files of a folder, read only when parsed, so a build of one language never reads
/// the others' strings.
class FolderSource final : public FileSource {
 public:
  FolderSource(const fs::path& directory, const core::Limits& limits) : directory_(directory), limits_(limits) {}

  std::vector<std::string> names() const override {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(directory_, ec)) names.push_back(entry.path().filename().string());
    return names;
  }

  bool has(const std::string& name) const override {
    std::error_code ec;
    return fs::is_regular_file(directory_ / name, ec);
  }

  std::uintmax_t size(const std::string& name) const override {
    std::error_code ec;
    const std::uintmax_t bytes = fs::file_size(directory_ / name, ec);
    return ec ? 0 : bytes;
  }

  std::optional<YamlFile> parse(const std::string& name, const std::string& display_name,
                                core::Diagnostics& diags) const override {
    if (!stays_inside(name, display_name, diags)) return std::nullopt;
    return parse_yaml_file(directory_ / name, display_name, diags, limits_);
  }

  fs::path folder() const override { return directory_; }
  const core::Limits& limits() const override { return limits_; }

 private:
  /// False, after reporting it, when the file is a symlink to a file outside the leaflet's
  /// folder and the limits do not allow that: a leaflet folder handed over to be built must
  /// not read the builder's other files.
  bool stays_inside(const std::string& name, const std::string& display_name, core::Diagnostics& diags) const {
    if (limits_.allow_outside) return true;
    const auto target = core::outside_target(directory_ / name, directory_);
    if (!target) return true;
    diags.error({display_name, 0, 0}, "a link to '" + target->string() + "', outside the leaflet folder",
                "copy the file into the leaflet folder, or pass --allow-outside to read it there");
    return false;
  }

  fs::path directory_;
  const core::Limits& limits_;
};

/// Files held in memory by name; names with a folder part are not the leaflet's own.
class MemorySource final : public FileSource {
 public:
  MemorySource(const LeafletFiles& files, fs::path folder, const core::Limits& limits)
      : files_(files), folder_(std::move(folder)), limits_(limits) {}

  std::vector<std::string> names() const override {
    std::vector<std::string> names;
    for (const auto& [name, bytes] : files_) {
      if (has(name)) names.push_back(name);
    }
    return names;
  }

  bool has(const std::string& name) const override {
    return name.find('/') == std::string::npos && files_.count(name) != 0;
  }

  std::uintmax_t size(const std::string& name) const override { return has(name) ? files_.at(name).size() : 0; }

  std::optional<YamlFile> parse(const std::string& name, const std::string& display_name,
                                core::Diagnostics& diags) const override {
    return parse_yaml_text(files_.at(name), display_name, diags, limits_);
  }

  /// Pictures are not held in memory: a leaflet that shows one is told it is missing.
  fs::path folder() const override { return folder_; }
  const core::Limits& limits() const override { return limits_; }

 private:
  const LeafletFiles& files_;
  fs::path folder_;
  const core::Limits& limits_;
};

/// The languages of the <lang>.yaml files, sorted so builds are stable.
std::vector<std::string> find_catalog_languages(const FileSource& source) {
  std::vector<std::string> languages;
  for (const std::string& name : source.names()) {
    const fs::path path(name);
    if (path.extension() != ".yaml" || path.filename() == kLeafletFile) continue;
    if (is_language_tag(path.stem().string())) languages.push_back(path.stem().string());
  }
  std::sort(languages.begin(), languages.end());
  return languages;
}

/// One strings file read on its own, with the problems found reading it, for
/// load_catalogs to report in the files' order.
struct CatalogRead {
  core::Diagnostics diags;
  std::optional<document::Catalog> catalog;
  std::exception_ptr failure;  // a yaml-cpp surprise, rethrown where the file's turn comes
};

CatalogRead read_catalog(const FileSource& source, const std::string& language, const std::string& display_name,
                         bool warnings_are_errors) {
  CatalogRead read{core::Diagnostics(warnings_are_errors), std::nullopt, nullptr};
  try {
    if (auto file = source.parse(language + ".yaml", display_name, read.diags)) {
      read.catalog = load_catalog(*file, language, read.diags);
    }
  } catch (...) {
    read.failure = std::current_exception();
  }
  return read;
}

/// Reads the strings files of the `wanted` languages on up to `threads` threads, then
/// reports what each gave in the order of `wanted`, as reading them one after another would.
/// The threads take the largest files first, so that they finish close together (parsing
/// costs about the same per byte: the immunotherapy leaflet's 13-20 KB files at 2 threads
/// kept the loading thread 2.7 M instructions longer, 49.1 M against 46.4 M, in the order of
/// its `languages`).
void load_catalogs(const FileSource& source, const std::string& display_dir, document::Document& doc,
                   const std::vector<std::pair<std::string, core::SourceLoc>>& wanted, core::Diagnostics& diags,
                   unsigned threads) {
  auto display_name = [&](std::size_t i) { return display_dir + "/" + wanted[i].first + ".yaml"; };
  std::vector<bool> present(wanted.size());
  std::vector<std::uintmax_t> bytes(wanted.size());
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    present[i] = source.has(wanted[i].first + ".yaml");
    if (present[i] && threads > 1) bytes[i] = source.size(wanted[i].first + ".yaml");
  }
  std::vector<std::size_t> order(wanted.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return bytes[a] > bytes[b]; });
  std::vector<CatalogRead> reads(wanted.size());
  std::atomic<std::size_t> next = 0;
  auto read_next = [&] {
    for (std::size_t n = next++; n < order.size(); n = next++) {
      const std::size_t i = order[n];
      if (present[i]) reads[i] = read_catalog(source, wanted[i].first, display_name(i), diags.warnings_are_errors());
    }
  };
  {
    std::vector<std::jthread> helpers;
    for (std::size_t t = 1; t < std::min<std::size_t>(threads, wanted.size()); ++t) {
      helpers.push_back(core::start_apart(read_next));
    }
    read_next();
  }
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    const auto& [language, loc] = wanted[i];
    if (!present[i]) {
      diags.error(loc, "missing strings file '" + display_name(i) + "' for language '" + language + "'");
      continue;
    }
    for (const core::Diagnostic& d : reads[i].diags.items()) diags.add(d);
    if (reads[i].failure) std::rethrow_exception(reads[i].failure);
    if (reads[i].catalog) doc.catalogs.emplace(language, std::move(*reads[i].catalog));
  }
}

/// Every key must exist in the default language: it is what other languages fall back to.
void check_default_strings(const document::Document& doc, core::Diagnostics& diags) {
  const auto catalog = doc.catalogs.find(doc.default_language);
  if (catalog == doc.catalogs.end()) return;
  for (const document::TextUse& use : document::text_uses(doc)) {
    const document::TextRef& ref = *use.ref;
    if (ref.key.empty()) continue;  // a reference that failed to load, reported already
    if (!catalog->second.strings.count(ref.key)) {
      diags.error(ref.loc, "no string '" + ref.key + "' in " + catalog->second.file + " (the default language)",
                  "add '" + ref.key + "' to " + catalog->second.file);
    }
  }
}

/// A string no part of the leaflet uses is likely a typo or a leftover, in any language.
void check_unused_strings(const document::Document& doc, core::Diagnostics& diags) {
  std::set<std::string> used;
  for (const document::TextUse& use : document::text_uses(doc)) used.insert(use.ref->key);
  for (const auto& [language, catalog] : doc.catalogs) {
    for (const auto& [key, entry] : catalog.strings) {
      if (used.count(key)) continue;
      diags.warning(entry.loc, "string '" + key + "' is not used by the leaflet",
                    "remove it from " + catalog.file + ", or use it in leaflet.yaml");
    }
  }
}

/// "leaflets/x" for "leaflets/x/" or "leaflets/./x": the folder as messages name it.
std::string display_folder(const fs::path& directory) {
  const std::string normal = directory.lexically_normal().string();
  return normal.size() > 1 && normal.back() == '/' ? normal.substr(0, normal.size() - 1) : normal;
}

std::optional<document::Document> load_checked(const FileSource& source, const std::string& display_dir,
                                               const std::vector<std::string>& only_languages,
                                               core::Diagnostics& diags, unsigned threads);

}  // namespace

bool is_language_tag(std::string_view text) {
  // BCP 47 in the shape leaflets use: a 2-3 letter language, then subtags of 2-8 alphanumerics.
  std::size_t start = 0;
  bool first = true;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('-', start), text.size());
    const std::string_view subtag = text.substr(start, end - start);
    const bool alnum = std::all_of(subtag.begin(), subtag.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    });
    const bool lower = std::all_of(subtag.begin(), subtag.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (first ? !(lower && subtag.size() >= 2 && subtag.size() <= 3) : !(alnum && subtag.size() >= 2 && subtag.size() <= 8)) {
      return false;
    }
    first = false;
    if (end == text.size()) return true;
    start = end + 1;
  }
  return false;
}

std::optional<document::Document> load_leaflet(const fs::path& directory, core::Diagnostics& diags,
                                               const core::Limits& limits,
                                               const std::vector<std::string>& only_languages, unsigned threads) {
  return load_checked(FolderSource(directory, limits), display_folder(directory), only_languages, diags, threads);
}

std::optional<document::Document> load_leaflet_from_files(const std::string& folder, const LeafletFiles& files,
                                                          core::Diagnostics& diags, const core::Limits& limits,
                                                          const std::vector<std::string>& only_languages) {
  return load_checked(MemorySource(files, folder, limits), display_folder(folder), only_languages, diags, 1);
}

namespace {

/// The leaflet's name, which its PDFs are named after: its folder's own name, also when the
/// folder is given as ".", "..", "./" or "leaflets/x/" (whose last component is not a name).
std::string leaflet_name_of(const std::string& display_dir) {
  fs::path folder = fs::path(display_dir).lexically_normal();
  if (folder.has_filename() && folder.filename() != "." && folder.filename() != "..") return folder.filename().string();
  std::error_code ec;
  const fs::path absolute = fs::weakly_canonical(fs::absolute(display_dir, ec), ec);
  if (!ec && absolute.has_filename()) return absolute.filename().string();
  return folder.parent_path().filename().string();
}

std::optional<document::Document> load_checked(const FileSource& source, const std::string& display_dir,
                                               const std::vector<std::string>& only_languages,
                                               core::Diagnostics& diags, unsigned threads) {
  const std::size_t errors_before = diags.error_count();
  const std::string leaflet_name = display_dir + "/" + kLeafletFile;
  if (!source.has(kLeafletFile)) {
    diags.error({display_dir, 0, 0}, "no leaflet.yaml in this folder", "a leaflet folder holds leaflet.yaml and one <lang>.yaml per language");
    return std::nullopt;
  }
  auto file = source.parse(kLeafletFile, leaflet_name, diags);
  if (!file) return std::nullopt;

  document::Document doc;
  doc.name = leaflet_name_of(display_dir);
  doc.directory = display_dir;
  doc.loc = {leaflet_name, 1, 1};
  SchemaReader reader(leaflet_name, diags);
  const YamlNode& root = file->root;
  if (!root.is_map()) {
    reader.error(root, "expected a map with 'default_language', 'title' and 'content', got " + describe(root));
    return std::nullopt;
  }
  reader.check_keys(root, "leaflet", leaflet_keys("leaflet"));
  if (const auto node = reader.find(root, "names")) doc.names = read_names(*node, reader);
  if (const auto node = reader.find(root, "digits")) doc.digits = read_digits(*node, reader);

  std::vector<std::pair<std::string, core::SourceLoc>> wanted;
  core::SourceLoc default_loc;
  if (const auto node = reader.require(root, "default_language", "leaflet")) {
    if (auto tag = reader.string(*node, "default_language"); tag && is_language_tag(*tag)) {
      doc.default_language = *tag;
      default_loc = reader.loc(*node);
    } else if (tag) {
      reader.error(*node, "expected a language tag such as 'fr' for 'default_language', got '" + *tag + "'");
    }
  }
  if (const auto node = reader.find(root, "languages")) {
    doc.languages = read_languages(*node, reader);
    doc.languages_loc = reader.loc(*node);
    std::size_t index = 0;
    for (const YamlNode& item : node->items()) {
      if (index < doc.languages.size() && item.is_scalar() && item.scalar() == doc.languages[index]) {
        wanted.emplace_back(doc.languages[index++], reader.loc(item));
      }
    }
  } else {
    doc.languages = find_catalog_languages(source);
    doc.languages_loc = doc.loc;
    for (const auto& language : doc.languages) wanted.emplace_back(language, core::SourceLoc{leaflet_name, 0, 0});
  }
  if (!doc.default_language.empty() &&
      std::none_of(wanted.begin(), wanted.end(), [&](const auto& w) { return w.first == doc.default_language; })) {
    wanted.emplace_back(doc.default_language, default_loc);
  }
  if (const auto node = reader.require(root, "title", "leaflet")) {
    if (auto ref = reader.text_ref(*node, "title")) doc.title = *ref;
  }
  if (const auto node = reader.find(root, "format")) {
    doc.formats = reader.formats(*node, "format");
    doc.formats_loc = reader.loc(*node);
  } else {
    doc.formats_loc = doc.loc;
  }
  if (const auto node = reader.find(root, "page")) read_page(*node, reader, doc.page);
  if (const auto node = reader.find(root, "trifold")) read_trifold(*node, reader, doc.trifold);
  if (const auto node = reader.find(root, "booklet")) read_booklet(*node, reader, doc.booklet);
  if (const auto node = reader.find(root, "poster")) read_poster(*node, reader, doc.poster);
  if (const auto node = reader.find(root, "flyer")) read_flyer(*node, reader, doc.flyer);
  for (const auto& entry : root.entries()) {
    // An empty value has no place of its own (yaml-cpp gives it the next token's): use the key's.
    if (entry.key.is_scalar() && entry.key.scalar() == "print") {
      doc.print = read_print(entry.key, entry.value, reader, source.folder(), source.limits());
    }
  }
  ThemeFiles theme_files;
  if (const auto node = reader.find(root, "theme")) {
    const auto layers = theme_files.layers(*node, reader, source.folder(), source.limits());
    Palette palette;  // every layer's, so a leaflet's own shade reaches the colours its theme file names
    for (const ThemeLayer& layer : layers) {
      if (const auto names = layer.reader->find(layer.map, "palette")) read_palette(*names, *layer.reader, palette);
    }
    for (const ThemeLayer& layer : layers) read_theme(layer.map, *layer.reader, palette, doc.theme);
  }
  images::ImageFiles images(source.folder(), source.limits());
  if (const auto theme = reader.find(root, "theme"); theme && theme->is_map()) {
    if (const auto logo = reader.find(*theme, "logo")) doc.logo = read_logo(*logo, reader, images);
  }
  if (const auto node = reader.require(root, "content", "leaflet")) doc.blocks = parse_blocks(*node, reader, images, source.limits().links);
  if (const auto node = reader.find(root, "variables")) doc.variables = read_variables(*node, reader);
  if (const auto node = reader.find(root, "variants")) {
    if (doc.variables.empty()) {
      reader.error(*node, "a variants file needs 'variables' to give values to",
                   "declare them in leaflet.yaml, as variables: {hospital.phone: }");
    } else {
      doc.variants = read_variants(*node, reader, source.folder(), doc.variables, source.limits());
    }
  }

  if (!only_languages.empty()) {
    std::erase_if(wanted, [&](const auto& w) {
      return w.first != doc.default_language &&
             std::find(only_languages.begin(), only_languages.end(), w.first) == only_languages.end();
    });
  }
  load_catalogs(source, display_dir, doc, wanted, diags, threads);
  check_default_strings(doc, diags);
  check_placeholders(doc, reader.find(root, "variants").has_value(), diags);
  check_pdf_strings(doc, diags);
  // With the structure broken, references are missing and "unused" would be noise.
  if (diags.error_count() == errors_before) check_unused_strings(doc, diags);
  if (diags.error_count() > errors_before) return std::nullopt;
  return doc;
}

}  // namespace

}  // namespace leafpress::load
