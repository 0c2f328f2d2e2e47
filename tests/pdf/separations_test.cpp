#include <catch2/catch.hpp>

#include <lcms2.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include "pdf/pdf_probe.hpp"
#include "pdf/press_profile.hpp"
#include "pdf/tag_checker.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

// The plates a RIP makes of a press file, as Ghostscript's tiffsep separation device makes
// them (overprint honoured, no anti-aliasing): black text on the black plate alone at full
// ink and overprinting, the marks on every plate, the total ink within the profile's limit,
// the bleed 3 mm past the trim.

namespace fs = std::filesystem;
using namespace leafpress::testing;

namespace {

const fs::path kSource = LEAFPRESS_SOURCE_DIR;
constexpr int kDpi = 144;
constexpr double kPixelsPerPoint = kDpi / 72.0;
constexpr double kMm = 72.0 / 25.4;
constexpr double kTrim = 10 * kMm;   // media edge to trim: 3 mm to the marks, 5 mm of mark, 2 mm
constexpr double kBleed = 3 * kMm;

/// One plate of one page: 8-bit ink per pixel, 0 none and 255 full (tiffsep writes the
/// opposite, white as 255; this turns it round).
struct Plate {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> ink;
  int at(int x, int y) const { return ink[static_cast<std::size_t>(y) * width + x]; }
};

std::uint32_t read_le(const std::string& bytes, std::size_t at, int size) {
  if (at + size > bytes.size()) throw std::runtime_error("TIFF: read past the end");
  std::uint32_t value = 0;
  for (int i = size - 1; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

/// An uncompressed 8-bit grey TIFF (TIFF 6.0 baseline, little-endian, strips), as tiffsep
/// writes with -sCompression=none.
Plate read_plate(const fs::path& file) {
  const std::string bytes = file_bytes(file);
  if (bytes.rfind("II*", 0) != 0) throw std::runtime_error("not a little-endian TIFF: " + file.string());
  const std::uint32_t ifd = read_le(bytes, 4, 4);
  const std::uint32_t entries = read_le(bytes, ifd, 2);
  Plate plate;
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint32_t> counts;
  auto values = [&](std::size_t entry) {
    const std::uint32_t type = read_le(bytes, entry + 2, 2);
    const std::uint32_t count = read_le(bytes, entry + 4, 4);
    const int size = type == 3 ? 2 : 4;
    const std::size_t at = count * size <= 4 ? entry + 8 : read_le(bytes, entry + 8, 4);
    std::vector<std::uint32_t> out;
    for (std::uint32_t i = 0; i < count; ++i) out.push_back(read_le(bytes, at + i * size, size));
    return out;
  };
  for (std::uint32_t i = 0; i < entries; ++i) {
    const std::size_t entry = ifd + 2 + 12 * i;
    const std::uint32_t tag = read_le(bytes, entry, 2);
    if (tag == 256) plate.width = static_cast<int>(values(entry).at(0));
    if (tag == 257) plate.height = static_cast<int>(values(entry).at(0));
    if (tag == 259 && values(entry).at(0) != 1) throw std::runtime_error("compressed TIFF");
    if (tag == 273) offsets = values(entry);
    if (tag == 279) counts = values(entry);
  }
  for (std::size_t s = 0; s < offsets.size() && s < counts.size(); ++s) {
    for (std::uint32_t i = 0; i < counts[s]; ++i) plate.ink.push_back(static_cast<std::uint8_t>(255 - read_le(bytes, offsets[s] + i, 1)));
  }
  if (plate.ink.size() != static_cast<std::size_t>(plate.width) * plate.height) throw std::runtime_error("short TIFF");
  return plate;
}

/// The four plates of one page, cyan, magenta, yellow, black.
std::array<Plate, 4> separations(const fs::path& pdf, int page, const ScratchDir& scratch) {
  const fs::path out = scratch.path() / ("p" + std::to_string(page) + ".tif");
  const ProcessResult gs = run_process({"gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep",
                                        "-sCompression=none", "-r" + std::to_string(kDpi),
                                        "-dFirstPage=" + std::to_string(page), "-dLastPage=" + std::to_string(page),
                                        "-sOutputFile=" + out.string(), pdf.string()});
  if (gs.exit_code != 0) throw std::runtime_error("gs tiffsep failed: " + gs.err);
  std::array<Plate, 4> plates;
  const char* names[] = {"Cyan", "Magenta", "Yellow", "Black"};
  for (int i = 0; i < 4; ++i) {
    plates[i] = read_plate(scratch.path() / ("p" + std::to_string(page) + "(" + names[i] + ").tif"));
  }
  return plates;
}

int px(double points) { return static_cast<int>(points * kPixelsPerPoint); }

struct PressBuild {
  ScratchDir dir;
  ProcessResult result;
  PressBuild() {
    std::vector<std::string> argv{LEAFPRESS_BINARY, "build"};
    for (const char* leaflet : {"immunotherapy", "world-cancer-day"}) {
      const fs::path folder = dir.path() / leaflet;
      fs::copy(kSource / "leaflets" / leaflet, folder, fs::copy_options::recursive);
      fs::copy_file(press_profile(), folder / "press.icc");
      std::ofstream(folder / "leaflet.yaml", std::ios::app) << "\nprint:\n  bleed: 3mm\n  icc_profile: press.icc\n";
      argv.push_back(folder.string());
    }
    argv.insert(argv.end(), {"--lang", "en,ar", "--out", (dir.path() / "out").string()});
    result = run_process(argv, kSource.string(), {"SOURCE_DATE_EPOCH=1700000000"});
  }
  fs::path pdf(const std::string& language, const std::string& format) const {
    const bool campaign = format == "poster" || format == "flyer";
    return dir.path() / "out" /
           ((campaign ? "world-cancer-day.paris." : "immunotherapy.") + language + "." + format + ".print.pdf");
  }
};

const PressBuild& press_build() {
  static const PressBuild build;
  return build;
}

/// What the plates of one page show, for the closing note's figures.
struct PlateFigures {
  std::size_t words_on_paper = 0;     // words with no C, M or Y under them
  std::size_t black_text_pixels = 0;  // K pixels of those words at full ink
  std::size_t tinted_text_pixels = 0;  // K pixels of those words between none and full
  std::size_t words_on_tint = 0;      // black words on a tinted background
  std::size_t knocked_out_pixels = 0;  // their glyph pixels where the background's ink is missing
  int max_total_ink = 0;              // percent, inside the bleed box
  double band_top_mm = 0;             // where the cover band's ink starts, in mm above the trim
};

/// `band_at`: where across the page (0 left, 1 right) the cover band is looked for.
PlateFigures measure(const fs::path& pdf, int page, double band_at) {
  ScratchDir scratch;
  const auto plates = separations(pdf, page, scratch);
  const Plate& k = plates[3];
  PlateFigures figures;
  for (const PlacedWord& word : placed_words(pdf)) {
    if (word.page != page) continue;
    const int x0 = px(word.x_min), x1 = std::min(px(word.x_max), k.width - 1);
    const int y0 = px(word.y_min), y1 = std::min(px(word.y_max), k.height - 1);
    int colour = 0;
    int black = 0;
    for (int y = y0; y <= y1; ++y) {
      for (int x = x0; x <= x1; ++x) {
        colour = std::max({colour, plates[0].at(x, y), plates[1].at(x, y), plates[2].at(x, y)});
        black += k.at(x, y) == 255 ? 1 : 0;
      }
    }
    if (black == 0) continue;  // white text on a band, or a coloured heading
    if (colour == 0) {
      ++figures.words_on_paper;
      for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
          figures.black_text_pixels += k.at(x, y) == 255 ? 1 : 0;
          figures.tinted_text_pixels += k.at(x, y) > 0 && k.at(x, y) < 255 ? 1 : 0;
        }
      }
      continue;
    }
    // On a tint: the tint's plates go on under every glyph pixel (overprint). A knocked-out
    // glyph pixel is one without a plate's ink whose nearest background pixels on its left
    // and on its right both have that ink: a hole in the tint.
    ++figures.words_on_tint;
    auto background_ink = [&](int plate, int x, int y, int step) {
      for (int i = 1; i <= 8; ++i) {
        const int xx = x + step * i;
        if (xx < 0 || xx >= k.width) return false;
        if (k.at(xx, y) != 255) return plates[plate].at(xx, y) > 0;
      }
      return false;
    };
    for (int plate = 0; plate < 3; ++plate) {
      for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
          if (k.at(x, y) == 255 && plates[plate].at(x, y) == 0 && background_ink(plate, x, y, -1) &&
              background_ink(plate, x, y, 1)) {
            ++figures.knocked_out_pixels;
          }
        }
      }
    }
  }
  // Total ink inside the bleed box (the marks outside it are registration, 400 % by design).
  const int left = px(kTrim - kBleed) + 1, top = px(kTrim - kBleed) + 1;
  const int right = k.width - left, bottom = k.height - top;
  for (int y = top; y < bottom; ++y) {
    for (int x = left; x < right; ++x) {
      const int total = plates[0].at(x, y) + plates[1].at(x, y) + plates[2].at(x, y) + plates[3].at(x, y);
      figures.max_total_ink = std::max(figures.max_total_ink, (total * 100 + 127) / 255);
    }
  }
  // The cover band along the top: the first row with ink in the middle column, from the top.
  const int middle = static_cast<int>(k.width * band_at);
  for (int y = 0; y < k.height / 4; ++y) {
    const int ink = plates[0].at(middle, y) + plates[1].at(middle, y) + plates[2].at(middle, y) + k.at(middle, y);
    if (ink > 0) {
      figures.band_top_mm = (kTrim - y / kPixelsPerPoint) / kMm;
      break;
    }
  }
  return figures;
}

void print_figures(const std::string& name, const PlateFigures& f, bool band) {
  std::cout << name << ": words on paper " << f.words_on_paper << " (K pixels at 100 %: " << f.black_text_pixels
            << ", tinted: " << f.tinted_text_pixels << "), black words on a tint " << f.words_on_tint
            << " (knocked-out pixels: " << f.knocked_out_pixels << "), max total ink " << f.max_total_ink
            << " %";
  if (band) std::cout << ", cover band from " << f.band_top_mm << " mm above the trim";
  std::cout << "\n";
}

}  // namespace

TEST_CASE("plates: body text on the black plate only at 100 %, overprinting; ink within 300 %; bleed 3 mm",
          "[pdf][press][separations]") {
  INFO(press_build().result.err);
  REQUIRE(press_build().result.exit_code == 0);
  struct Case {
    std::string language, format;
    int page;
    double band_at;  // where across the page the cover's band runs along the top edge; 0: none
  };
  // The tri-fold's cover is its outer side's right panel (the left one in Arabic).
  const std::vector<Case> cases = {{"en", "brochure", 1, 0.5}, {"en", "brochure", 2, 0},  {"en", "trifold", 1, 0.83},
                                   {"en", "trifold", 2, 0},    {"en", "booklet", 1, 0.5}, {"en", "booklet", 3, 0},
                                   {"ar", "brochure", 1, 0.5}, {"ar", "trifold", 1, 0.17},
                                   {"en", "poster", 1, 0.5},   {"ar", "poster", 1, 0.5},  {"en", "flyer", 1, 0.5},
                                   {"en", "flyer", 2, 0}};
  for (const Case& c : cases) {
    const std::string name = c.language + "." + c.format + " page " + std::to_string(c.page);
    INFO(name);
    const PlateFigures f = measure(press_build().pdf(c.language, c.format), c.page, c.band_at > 0 ? c.band_at : 0.5);
    print_figures(name, f, c.band_at > 0);
    CHECK(f.words_on_paper > 40);
    CHECK(f.black_text_pixels > 1000);
    CHECK(f.tinted_text_pixels == 0);
    CHECK(f.knocked_out_pixels == 0);
    CHECK(f.max_total_ink <= 300);
    if (c.band_at > 0) CHECK(f.band_top_mm == Approx(3.0).margin(0.2));
  }
}

TEST_CASE("plates: crop marks print on all four plates, and nothing else lies outside the bleed",
          "[pdf][press][separations]") {
  REQUIRE(press_build().result.exit_code == 0);
  ScratchDir scratch;
  const auto plates = separations(press_build().pdf("en", "brochure"), 1, scratch);
  // The top-left corner's horizontal mark, on the line of the trim's top edge, from 8 mm to
  // 3 mm left of the trim.
  const int y = px(kTrim);
  for (const Plate& plate : plates) {
    int full = 0;
    for (int x = px(2.5 * kMm); x < px(6.5 * kMm); ++x) {
      for (int dy = -1; dy <= 1; ++dy) full += plate.at(x, y + dy) == 255 ? 1 : 0;
    }
    CHECK(full >= px(4 * kMm) - 2);
  }
  // The media's corner, between the marks, is bare on every plate.
  for (const Plate& plate : plates) {
    for (int yy = 0; yy < px(6 * kMm); ++yy) {
      for (int x = 0; x < px(6 * kMm); ++x) REQUIRE(plate.at(x, yy) == 0);
    }
  }
}

namespace {

using Profile = std::unique_ptr<void, decltype(&cmsCloseProfile)>;
using Transform = std::unique_ptr<void, decltype(&cmsDeleteTransform)>;

/// The fill colours (k operands) of a content stream, each once.
std::set<std::array<double, 4>> fills_of(const std::string& content) {
  std::set<std::array<double, 4>> out;
  std::istringstream tokens(content);
  std::vector<std::string> last;
  for (std::string token; tokens >> token;) {
    // Page content as leafpress writes it: operands are numbers, names and hex strings;
    // text shown with ( ) strings would need a real tokenizer.
    if (token == "k" && last.size() >= 4) {
      const auto n = last.size();
      out.insert({std::stod(last[n - 4]), std::stod(last[n - 3]), std::stod(last[n - 2]), std::stod(last[n - 1])});
    }
    last.push_back(token);
  }
  return out;
}

}  // namespace

TEST_CASE("theme colours printed through the FOGRA39 profile look like the screen's: ΔE*ab under 4 back in sRGB",
          "[pdf][press][separations]") {
  REQUIRE(press_build().result.exit_code == 0);
  // LittleCMS here reads the written inks back through the same profile to sRGB, the
  // direction leafpress never takes; the accent and the pale accent must come back.
  const std::string bytes = file_bytes(press_profile());
  const Profile press(cmsOpenProfileFromMem(bytes.data(), static_cast<cmsUInt32Number>(bytes.size())), cmsCloseProfile);
  const Profile srgb(cmsCreate_sRGBProfile(), cmsCloseProfile);
  const Transform back(cmsCreateTransform(press.get(), TYPE_CMYK_DBL, srgb.get(), TYPE_RGB_DBL, INTENT_RELATIVE_COLORIMETRIC,
                                          cmsFLAGS_BLACKPOINTCOMPENSATION | cmsFLAGS_NOCACHE),
                       cmsDeleteTransform);
  const Profile lab(cmsCreateLab4Profile(nullptr), cmsCloseProfile);
  const Transform to_lab(cmsCreateTransform(srgb.get(), TYPE_RGB_DBL, lab.get(), TYPE_Lab_DBL, INTENT_RELATIVE_COLORIMETRIC,
                                            cmsFLAGS_NOCACHE),
                         cmsDeleteTransform);
  REQUIRE(back);
  REQUIRE(to_lab);
  auto delta_e = [&](const double* a, const double* b) {
    cmsCIELab la{}, lb{};
    cmsDoTransform(to_lab.get(), a, &la, 1);
    cmsDoTransform(to_lab.get(), b, &lb, 1);
    return cmsDeltaE(&la, &lb);
  };
  const PdfObjects objects(press_build().pdf("en", "brochure"));
  std::string content;
  for (const auto& page : objects.pages()) content += objects.page_content(page);
  const auto fills = fills_of(content);
  struct Theme {
    std::string name;
    std::array<double, 3> rgb;
  };
  const std::vector<Theme> colours = {{"accent #0B6E75", {0x0B / 255.0, 0x6E / 255.0, 0x75 / 255.0}},
                                      {"accent_light #E3F1F1", {0xE3 / 255.0, 0xF1 / 255.0, 0xF1 / 255.0}}};
  for (const Theme& theme : colours) {
    double nearest = 1e9;
    std::array<double, 4> used{};
    for (const auto& fill : fills) {
      const double ink[4] = {fill[0] * 100, fill[1] * 100, fill[2] * 100, fill[3] * 100};
      double rgb[3];
      cmsDoTransform(back.get(), ink, rgb, 1);
      const double distance = delta_e(rgb, theme.rgb.data());
      if (distance < nearest) {
        nearest = distance;
        used = fill;
      }
    }
    std::cout << theme.name << " printed as cmyk(" << used[0] << ", " << used[1] << ", " << used[2] << ", " << used[3]
              << "), back in sRGB at ΔE*ab " << nearest << "\n";
    INFO(theme.name);
    CHECK(nearest < 4);
  }
}
