#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "pdf/pdf_probe.hpp"
#include "pdf/pdfx_checker.hpp"
#include "pdf/press_profile.hpp"
#include "pdf/tag_checker.hpp"
#include "support/image_fixtures.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

// The shop's preflight on every press file: each language and format, with the FOGRA39 press
// profile (PDF/X-4) and without a profile (plain CMYK, no claim), with SOURCE_DATE_EPOCH and
// without it.

namespace fs = std::filesystem;
using namespace leafpress::testing;

namespace {

const fs::path kSource = LEAFPRESS_SOURCE_DIR;
const std::vector<std::string> kLanguages = {"fr", "en", "es", "ar"};
const std::vector<std::string> kFormats = {"brochure", "trifold", "booklet"};

// 2024-03-01 09:30:00 UTC and an hour earlier: the leaflet's text and its other files.
constexpr std::int64_t kEdited = 1709285400;
constexpr std::int64_t kOlder = kEdited - 3600;

void set_mtime(const fs::path& file, std::int64_t seconds) {
  const auto when = std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
  fs::last_write_time(file, fs::file_time_type::clock::from_sys(when));
}

/// One build of the shipped leaflet with press files, in a scratch folder whose files all
/// date from kOlder except leaflet.yaml (kEdited).
struct Build {
  ScratchDir dir;
  fs::path out;
  ProcessResult result;
  std::string leaflet;
  std::string variant;  // of a leaflet with a variants file: the one built
  Build(bool profile, bool source_date_epoch, std::string name = "immunotherapy", std::string only_variant = {})
      : leaflet(std::move(name)), variant(std::move(only_variant)) {
    const fs::path folder = dir.path() / leaflet;
    fs::copy(kSource / "leaflets" / leaflet, folder, fs::copy_options::recursive);
    std::string print = "\nprint:\n  bleed: 3mm\n";
    if (profile) {
      fs::copy_file(press_profile(), folder / "press.icc");
      print += "  icc_profile: press.icc\n";
    }
    std::ofstream(folder / "leaflet.yaml", std::ios::app) << print;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
      if (entry.is_regular_file()) set_mtime(entry.path(), kOlder);
    }
    set_mtime(folder / "leaflet.yaml", kEdited);
    out = dir.path() / "out";
    std::vector<std::string> argv{LEAFPRESS_BINARY, "build", folder.string(), "--out", out.string()};
    if (!variant.empty()) argv.insert(argv.end(), {"--variant", variant});
    result = run_process(argv, kSource.string(), {source_date_epoch ? "SOURCE_DATE_EPOCH=1700000000" : "SOURCE_DATE_EPOCH="});
  }
  fs::path pdf(const std::string& language, const std::string& format) const {
    return out / (leaflet + (variant.empty() ? "" : "." + variant) + "." + language + "." + format + ".print.pdf");
  }
};

void check_every_press_file(const Build& build, bool profile, const std::string& label,
                            const std::string& expected_date,
                            const std::vector<std::string>& formats = kFormats) {
  INFO(build.result.err);
  REQUIRE(build.result.exit_code == 0);
  CHECK(leafpress::testing::without_notes(build.result.err).empty());
  std::cout << "\n" << label << "\n" << PdfxReport::table_header() << "\n";
  for (const auto& language : kLanguages) {
    for (const auto& format : formats) {
      const std::string name = language + "." + format;
      INFO(label << ": " << name);
      const PdfxReport report = check_press_file(build.pdf(language, format), profile);
      std::cout << report.table_row(name) << "\n";
      for (const auto& problem : report.problems) UNSCOPED_INFO(problem);
      CHECK(report.problems.empty());
      CHECK(report.claims_pdfx4 == profile);
      CHECK(report.annotations == 0);
      CHECK(report.fonts > 0);
      CHECK(report.fonts_embedded == report.fonts);
      // Text in solid black overprints.
      CHECK(report.overprint_uses > report.pages);
      CHECK_FALSE(report.content_colors.count("rg"));
      CHECK(report.content_colors.count("k"));
      // Every picture is CMYK: the QR code is drawn, the photo converted.
      for (const auto& space : report.image_spaces) CHECK(space == "/DeviceCMYK");
      if (profile) {
        CHECK(report.output_condition == "FOGRA39");
        CHECK(report.registry == "http://www.color.org");
        CHECK(report.profile_version == "2.2");
        CHECK(report.header_version == "1.6");
        CHECK(report.creation_date.rfind(expected_date, 0) == 0);
        CHECK(report.trapped == "/False");
      } else {
        CHECK(report.output_condition.empty());
        CHECK(report.header_version == "1.7");
      }
    }
  }
}

}  // namespace

TEST_CASE("every press file with the FOGRA39 profile passes the PDF/X-4 checks, dated by SOURCE_DATE_EPOCH",
          "[pdf][press][pdfx]") {
  const Build build(true, true);
  check_every_press_file(build, true, "FOGRA39 profile, SOURCE_DATE_EPOCH=1700000000", "D:20231114221320Z");
}

TEST_CASE("the World Cancer Day poster and flyer pass the PDF/X-4 checks, the logo and picture in CMYK",
          "[pdf][press][pdfx][campaign]") {
  const Build build(true, true, "world-cancer-day", "paris");
  check_every_press_file(build, true, "world-cancer-day, FOGRA39 profile", "D:20231114221320Z", {"poster", "flyer"});
  for (const auto& language : kLanguages) {
    INFO(language);
    // The logo and the picture, converted to the press's CMYK.
    CHECK(check_press_file(build.pdf(language, "poster"), true).image_spaces == std::set<std::string>{"/DeviceCMYK"});
    const TagReport tags = check_tagged_pdf(build.pdf(language, "flyer"));
    for (const auto& problem : tags.problems) UNSCOPED_INFO(problem);
    CHECK(tags.problems.empty());
  }
}

TEST_CASE("without SOURCE_DATE_EPOCH a PDF/X-4 press file is dated when its leaflet last changed, and stays "
          "the same from build to build",
          "[pdf][press][pdfx][determinism]") {
  const Build build(true, false);
  check_every_press_file(build, true, "FOGRA39 profile, no SOURCE_DATE_EPOCH", "D:20240301093000Z");
  const Build again(true, false);
  REQUIRE(again.result.exit_code == 0);
  for (const auto& format : kFormats) {
    INFO(format);
    CHECK(file_bytes(again.pdf("en", format)) == file_bytes(build.pdf("en", format)));
  }
}

TEST_CASE("without a profile a press file is plain CMYK and claims nothing, with or without SOURCE_DATE_EPOCH",
          "[pdf][press][pdfx]") {
  const Build dated(false, true);
  check_every_press_file(dated, false, "no profile, SOURCE_DATE_EPOCH=1700000000", "");
  const Build undated(false, false);
  check_every_press_file(undated, false, "no profile, no SOURCE_DATE_EPOCH", "");
}

TEST_CASE("the checker finds what a preflight rejects", "[pdf][press][pdfx]") {
  // The screen PDF of the same leaflet is not a press file: links, RGB, no boxes or claim.
  ScratchDir out;
  const ProcessResult result = run_process({LEAFPRESS_BINARY, "build", (kSource / "leaflets" / "immunotherapy").string(),
                                            "--lang", "en", "--format", "brochure", "--out", out.path().string()},
                                           kSource.string(), {"SOURCE_DATE_EPOCH=1700000000"});
  REQUIRE(result.exit_code == 0);
  const PdfxReport screen = check_press_file(out.path() / "immunotherapy.en.brochure.pdf", true);
  auto found = [&](const std::string& start) {
    return std::any_of(screen.problems.begin(), screen.problems.end(),
                       [&](const std::string& p) { return p.rfind(start, 0) == 0; });
  };
  CHECK(found("identification: Info /GTS_PDFXVersion"));
  CHECK(found("boxes: page 1 has no TrimBox"));
  CHECK(found("annotations: page "));
  CHECK(found("colour: page 1 sets DeviceRGB with 'rg'"));
  CHECK(found("output intent: 0 GTS_PDFX output intents"));
  CHECK(screen.annotations > 0);
}

namespace {

/// The shipped leaflet with its picture replaced by `picture`, built in English as a brochure
/// with a press file through the FOGRA39 profile.
struct PictureBuild {
  ScratchDir dir;
  ProcessResult result;
  explicit PictureBuild(const std::string& picture) {
    const fs::path folder = dir.path() / "immunotherapy";
    fs::copy(kSource / "leaflets" / "immunotherapy", folder, fs::copy_options::recursive);
    // Told apart by their bytes, not their names: a JPEG may take the PNG's name.
    write_file(folder / "images" / "checkpoint.png", picture);
    fs::copy_file(press_profile(), folder / "press.icc");
    std::ofstream(folder / "leaflet.yaml", std::ios::app) << "\nprint:\n  icc_profile: press.icc\n";
    result = run_process({LEAFPRESS_BINARY, "build", folder.string(), "--lang", "en", "--format", "brochure", "--out",
                          (dir.path() / "out").string()},
                         kSource.string(), {"SOURCE_DATE_EPOCH=1700000000"});
  }
  /// The one picture's colour space and decoded samples.
  std::pair<nlohmann::json, std::string> image(bool print) const {
    const PdfObjects objects(dir.path() / "out" / (print ? "immunotherapy.en.brochure.print.pdf" : "immunotherapy.en.brochure.pdf"));
    for (const auto& page : objects.pages()) {
      const auto xobjects = objects.resolve(objects.resolve(objects.resolve(page)["/Resources"]).value("/XObject", nlohmann::json::object()));
      for (const auto& [name, reference] : xobjects.items()) {
        const auto xobject = objects.resolve(reference);
        if (xobject.value("/Subtype", "") != "/Image") continue;
        nlohmann::json space = xobject["/ColorSpace"];
        if (space.is_array()) space[1] = objects.stream_data(space[1].get<std::string>()).size();
        return {space, objects.stream_data(reference.get<std::string>())};
      }
    }
    return {};
  }
};

const fs::path kGhostscriptIcc = "/usr/share/color/icc/ghostscript";

}  // namespace

TEST_CASE("a picture's own ICC profile is kept on screen (ICCBased) and used to convert it for the press",
          "[pdf][press][pdfx]") {
  const std::string png = file_bytes(kSource / "leaflets" / "immunotherapy" / "images" / "checkpoint.png");
  const std::string srgb = file_bytes(kGhostscriptIcc / "srgb.icc");
  const std::string adobe_rgb = file_bytes(kGhostscriptIcc / "a98.icc");
  const PictureBuild untagged(png);
  const PictureBuild tagged(with_png_profile(png, srgb));
  const PictureBuild wide(with_png_profile(png, adobe_rgb));
  for (const PictureBuild* build : {&untagged, &tagged, &wide}) {
    INFO(build->result.err);
    REQUIRE(build->result.exit_code == 0);
  }
  CHECK(untagged.image(false).first == "/DeviceRGB");
  // [/ICCBased <stream>]: the stream's length stands in for it here.
  CHECK(tagged.image(false).first == nlohmann::json::array({"/ICCBased", srgb.size()}));
  CHECK(wide.image(false).first == nlohmann::json::array({"/ICCBased", adobe_rgb.size()}));
  // For the press: CMYK, the same for an untagged picture as for one tagged sRGB, and
  // different for the same samples meant as Adobe RGB.
  CHECK(untagged.image(true).first == "/DeviceCMYK");
  CHECK(wide.image(true).first == "/DeviceCMYK");
  CHECK(untagged.image(true).second.size() == 1400u * 448u * 4u);
  CHECK(wide.image(true).second != untagged.image(true).second);

  // A JPEG: its APP2 profile kept on screen, the file itself passed through.
  const std::string jpeg = with_jpeg_profile(
      make_jpeg(1400, 448, 90, [](unsigned x, unsigned) { return Rgba{static_cast<unsigned char>(x % 256), 120, 40, 255}; }),
      adobe_rgb);
  const PictureBuild photo(jpeg);
  REQUIRE(photo.result.exit_code == 0);
  CHECK(photo.image(false).first == nlohmann::json::array({"/ICCBased", adobe_rgb.size()}));
  CHECK(photo.image(true).first == "/DeviceCMYK");
}

TEST_CASE("a PDF/X-4 press file written inside its leaflet's folder does not date the next build", "[pdf][press][pdfx][determinism]") {
  ScratchDir dir;
  const fs::path folder = dir.path() / "immunotherapy";
  fs::copy(kSource / "leaflets" / "immunotherapy", folder, fs::copy_options::recursive);
  fs::copy_file(press_profile(), folder / "press.icc");
  std::ofstream(folder / "leaflet.yaml", std::ios::app) << "\nprint:\n  icc_profile: press.icc\n";
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) set_mtime(entry.path(), kEdited);
  }
  std::vector<std::string> files;
  for (int build = 0; build < 2; ++build) {
    const ProcessResult result = run_process({LEAFPRESS_BINARY, "build", ".", "--lang", "en", "--format", "trifold",
                                              "--out", "out"},
                                             folder.string(), {"SOURCE_DATE_EPOCH="});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const fs::path pdf = folder / "out" / "immunotherapy.en.trifold.print.pdf";
    files.push_back(file_bytes(pdf));
    CHECK(check_press_file(pdf, true).creation_date.rfind("D:20240301093000Z", 0) == 0);
  }
  CHECK(files[0] == files[1]);
}
