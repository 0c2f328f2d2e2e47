#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "pdf/pdf_probe.hpp"
#include "pdf/tag_checker.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

// Press files (print: in leaflet.yaml, or --print) as a print shop's tools see them: page
// boxes, CMYK only, the output intent, no transparency, marks outside the bleed.

namespace fs = std::filesystem;
using namespace leafpress::testing;
using nlohmann::json;

namespace {

const fs::path kSource = LEAFPRESS_SOURCE_DIR;
const fs::path kLeaflet = kSource / "leaflets" / "immunotherapy";
// A CMYK output ('prtr') profile packaged by Debian (libgs-common, installed by the set-up):
// Ghostscript's SWOP-like default, whose printing condition is CGATS TR 001.
const fs::path kCmykProfile = "/usr/share/color/icc/ghostscript/default_cmyk.icc";
// A display ('mntr') RGB profile of the same package.
const fs::path kRgbProfile = "/usr/share/color/icc/ghostscript/srgb.icc";

const std::vector<std::string> kLanguages = {"fr", "en", "es", "ar"};
const std::vector<std::string> kFormats = {"brochure", "trifold", "booklet"};

constexpr double kMm = 72.0 / 25.4;
constexpr double kA4Width = 210 * kMm;
constexpr double kA4Height = 297 * kMm;
constexpr double kBleed = 3 * kMm;      // 8.503937 pt
constexpr double kMargin = 10 * kMm;    // media edge to trim: 3 mm offset + 5 mm mark + 2 mm

/// A copy of the shipped leaflet in a scratch folder, with `print` appended to leaflet.yaml
/// and the profile beside it as press.icc.
fs::path leaflet_with(const ScratchDir& dir, const std::string& print, const fs::path& profile = kCmykProfile) {
  const fs::path folder = dir.path() / "immunotherapy";
  fs::copy(kLeaflet, folder, fs::copy_options::recursive);
  if (fs::exists(profile)) fs::copy_file(profile, folder / "press.icc");
  std::ofstream(folder / "leaflet.yaml", std::ios::app) << "\n" << print;
  return folder;
}

const std::string kPrintSection =
    "print:\n"
    "  bleed: 3mm\n"
    "  crop_marks: true\n"
    "  icc_profile: press.icc\n"
    "  output_condition: CGATS TR 001\n";

struct PressBuild {
  ScratchDir dir;
  fs::path folder;
  ProcessResult result;
  PressBuild() {
    folder = leaflet_with(dir, kPrintSection);
    result = run_process({LEAFPRESS_BINARY, "build", folder.string(), "--out", (dir.path() / "out").string()},
                         kSource.string(), {"SOURCE_DATE_EPOCH=1700000000"});
  }
  fs::path pdf(const std::string& language, const std::string& format, bool print = true) const {
    return dir.path() / "out" / ("immunotherapy." + language + "." + format + (print ? ".print.pdf" : ".pdf"));
  }
};

const PressBuild& press_build() {
  static const PressBuild build;
  return build;
}

/// pdfinfo -box's boxes of page 1: "TrimBox" -> {llx, lly, urx, ury}.
std::map<std::string, std::vector<double>> pdfinfo_boxes(const fs::path& pdf) {
  const ProcessResult info = run_process({"pdfinfo", "-box", pdf.string()});
  std::map<std::string, std::vector<double>> boxes;
  std::istringstream lines(info.out);
  for (std::string line; std::getline(lines, line);) {
    const auto colon = line.find(':');
    if (colon == std::string::npos || line.find("Box") == std::string::npos) continue;
    std::istringstream numbers(line.substr(colon + 1));
    std::vector<double> box;
    for (double n = 0; numbers >> n;) box.push_back(n);
    boxes[line.substr(0, colon)] = box;
  }
  return boxes;
}

std::vector<double> numbers_of(const json& array) {
  std::vector<double> out;
  for (const json& n : array) out.push_back(n.get<double>());
  return out;
}

/// The share of dark pixels in [x0, x1) × [y0, y1).
double dark_in(const GrayImage& image, int x0, int y0, int x1, int y1) {
  std::size_t dark = 0;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) dark += image.pixels[static_cast<std::size_t>(y * image.width + x)] < 160 ? 1 : 0;
  }
  return static_cast<double>(dark) / ((x1 - x0) * (y1 - y0));
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

/// One operator of a content stream and its operands as written: {"0 0 0 0.861", "k"}.
struct Operation {
  std::string operands;
  std::string op;
};

/// The operations of a content stream in order. Enough for what leafpress writes: operands
/// are numbers, names, hex strings, arrays and dictionaries without spaces inside strings.
std::vector<Operation> operations(const std::string& content) {
  std::vector<Operation> out;
  std::istringstream tokens(content);
  std::string operands;
  for (std::string token; tokens >> token;) {
    const unsigned char first = static_cast<unsigned char>(token[0]);
    if (std::isalpha(first) || first == '\'' || first == '"') {
      out.push_back({operands, token});
      operands.clear();
    } else {
      operands += (operands.empty() ? "" : " ") + token;
    }
  }
  return out;
}

bool has_operation(const std::vector<Operation>& ops, const std::string& op, const std::string& operands = "*") {
  return std::any_of(ops.begin(), ops.end(),
                     [&](const Operation& o) { return o.op == op && (operands == "*" || o.operands == operands); });
}

}  // namespace

TEST_CASE("a print: section writes a press file beside every PDF", "[pdf][press]") {
  const PressBuild& build = press_build();
  INFO(build.result.err);
  REQUIRE(build.result.exit_code == 0);
  CHECK(leafpress::testing::without_notes(build.result.err).empty());
  std::vector<std::string> expected;
  for (const auto& language : kLanguages) {
    for (const auto& format : kFormats) {
      expected.push_back("immunotherapy." + language + "." + format + ".pdf");
      expected.push_back("immunotherapy." + language + "." + format + ".print.pdf");
    }
  }
  std::vector<std::string> written;
  for (const auto& entry : fs::directory_iterator(build.dir.path() / "out")) written.push_back(entry.path().filename());
  std::sort(expected.begin(), expected.end());
  std::sort(written.begin(), written.end());
  CHECK(written == expected);
  CHECK(contains(build.result.out, "immunotherapy.fr.brochure.print.pdf"));
  CHECK(contains(build.result.out, "24 PDFs written, 0 errors, 0 warnings"));
}

TEST_CASE("press boxes: the trim is the A4 page, the bleed 3 mm around it, the media holds the marks",
          "[pdf][press]") {
  REQUIRE(press_build().result.exit_code == 0);
  for (const auto& language : kLanguages) {
    INFO(language);
    const auto boxes = pdfinfo_boxes(press_build().pdf(language, "brochure"));
    // pdfinfo prints two decimals.
    auto check_box = [&](const std::string& name, std::vector<double> expected) {
      INFO(name);
      REQUIRE(boxes.count(name));
      REQUIRE(boxes.at(name).size() == 4);
      for (std::size_t i = 0; i < 4; ++i) CHECK(boxes.at(name)[i] == Approx(expected[i]).margin(0.006));
    };
    check_box("MediaBox", {0, 0, kA4Width + 2 * kMargin, kA4Height + 2 * kMargin});
    check_box("TrimBox", {kMargin, kMargin, kMargin + kA4Width, kMargin + kA4Height});
    check_box("BleedBox", {kMargin - kBleed, kMargin - kBleed, kMargin + kA4Width + kBleed, kMargin + kA4Height + kBleed});
    // The same boxes exactly, as written: six decimals, not libharu's float.
    const std::string bytes = unpacked_pdf_bytes(press_build().pdf(language, "brochure"));
    CHECK(contains(bytes, "/MediaBox [ 0 0 651.968504 898.582677 ]"));
    CHECK(contains(bytes, "/BleedBox [ 19.84252 19.84252 632.125984 878.740157 ]"));
    CHECK(contains(bytes, "/TrimBox [ 28.346457 28.346457 623.622047 870.23622 ]"));
  }
  // Every page of every format, through qpdf: trim 595.276 × 841.89 (A4), landscape for the
  // tri-fold, 420.945 × 595.276 (half A4) for the booklet's single pages; bleed 8.504 larger
  // on each side.
  for (const auto& format : kFormats) {
    INFO(format);
    const PdfObjects objects(press_build().pdf("en", format));
    const auto pages = objects.pages();
    REQUIRE_FALSE(pages.empty());
    for (const auto& reference : pages) {
      const json page = objects.resolve(reference);
      const auto trim = numbers_of(page["/TrimBox"]);
      const auto bleed = numbers_of(page["/BleedBox"]);
      const auto media = numbers_of(page["/MediaBox"]);
      const double width = format == "brochure" ? kA4Width : format == "trifold" ? kA4Height : kA4Height / 2;
      const double height = format == "trifold" ? kA4Width : format == "brochure" ? kA4Height : kA4Width;
      CHECK(trim[2] - trim[0] == Approx(width).margin(2e-6));
      CHECK(trim[3] - trim[1] == Approx(height).margin(2e-6));
      CHECK(trim[0] == Approx(kMargin).margin(1e-6));
      for (std::size_t i = 0; i < 2; ++i) {
        CHECK(trim[i] - bleed[i] == Approx(kBleed).margin(2e-6));
        CHECK(bleed[i + 2] - trim[i + 2] == Approx(kBleed).margin(2e-6));
        CHECK(media[i] == 0);
        CHECK(media[i + 2] - trim[i + 2] == Approx(kMargin).margin(2e-6));
      }
    }
  }
}

TEST_CASE("the press file is CMYK only: k and K, no rg; black text 100 % K overprinting", "[pdf][press]") {
  REQUIRE(press_build().result.exit_code == 0);
  for (const auto& language : kLanguages) {
    for (const auto& format : kFormats) {
      INFO(language << " " << format);
      const PdfObjects objects(press_build().pdf(language, format));
      std::string all;
      for (const auto& page : objects.pages()) all += objects.page_content(page);
      const auto ops = operations(all);
      CHECK_FALSE(has_operation(ops, "rg"));
      CHECK_FALSE(has_operation(ops, "RG"));
      CHECK(has_operation(ops, "k"));
      // #1F2328 text and #5B6770 captions are dark greys: solid black, overprinting. Text
      // sets its colour right after its font, and every solid black text is in the
      // overprinting state; nothing else is.
      std::size_t black_text = 0;
      bool overprinting = false;
      for (std::size_t i = 1; i < ops.size(); ++i) {
        if (ops[i].op == "gs") overprinting = ops[i].operands == "/GSOverprint";
        if (ops[i - 1].op == "Tf" && ops[i].op == "k") {
          const bool black = ops[i].operands == "0 0 0 1";
          black_text += black ? 1 : 0;
          CHECK(black == overprinting);
        }
        if (ops[i].op == "re" || ops[i].op == "Do") CHECK_FALSE(overprinting);
      }
      CHECK(black_text > 20);
      CHECK_FALSE(has_operation(ops, "k", "0 0 0 0.861"));
      // The accent #0B6E75 through the profile: a teal of four inks, not the formula's.
      CHECK_FALSE(has_operation(ops, "k", "0.906 0.06 0 0.541"));
      // Crop marks in registration colour, as /Page artifacts.
      CHECK(contains(all, "q\n0.25 w\n1 1 1 1 K\n"));
    }
  }
  // The screen PDF keeps the colours as given.
  const PdfObjects screen(press_build().pdf("en", "brochure", false));
  const std::string content = screen.page_content(screen.pages().front());
  CHECK(has_operation(operations(content), "rg"));
  CHECK_FALSE(has_operation(operations(content), "k"));
}

TEST_CASE("the press file names its printing condition: output intent, PDF/X-4 identification", "[pdf][press]") {
  REQUIRE(press_build().result.exit_code == 0);
  const std::string profile = file_bytes(kCmykProfile);
  for (const auto& language : kLanguages) {
    INFO(language);
    const fs::path pdf = press_build().pdf(language, "brochure");
    const PdfObjects objects(pdf);
    const json catalog = objects.catalog();
    REQUIRE(catalog.contains("/OutputIntents"));
    const json intents = objects.resolve(catalog["/OutputIntents"]);
    REQUIRE(intents.size() == 1);
    const json intent = objects.resolve(intents[0]);
    CHECK(intent["/Type"] == "/OutputIntent");
    CHECK(intent["/S"] == "/GTS_PDFX");
    CHECK(intent["/OutputConditionIdentifier"] == "u:CGATS TR 001");
    CHECK(intent["/RegistryName"] == "u:http://www.color.org");
    CHECK(intent["/Info"] == "u:Artifex CMYK SWOP Profile");
    const std::string profile_ref = intent["/DestOutputProfile"].get<std::string>();
    CHECK(objects.resolve(profile_ref)["/N"] == 4);
    CHECK(objects.stream_data(profile_ref) == profile);

    const json info = objects.resolve(objects.trailer()["/Info"]);
    CHECK(info["/GTS_PDFXVersion"] == "u:PDF/X-4");
    CHECK(info["/Trapped"] == "/False");
    const std::string xmp = objects.stream_data(catalog["/Metadata"].get<std::string>());
    CHECK(contains(xmp, "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"));
    CHECK(contains(xmp, "<pdf:Trapped>False</pdf:Trapped>"));
    CHECK(contains(xmp, "<pdfuaid:part>1</pdfuaid:part>"));
    CHECK(pdfinfo(pdf)["PDF version"] == "1.6");
  }
  // The screen PDF claims nothing of the sort.
  const PdfObjects screen(press_build().pdf("en", "brochure", false));
  CHECK_FALSE(screen.catalog().contains("/OutputIntents"));
  CHECK(pdfinfo(press_build().pdf("en", "brochure", false))["PDF version"] == "1.7");
}

TEST_CASE("nothing in a press file is transparent", "[pdf][press]") {
  REQUIRE(press_build().result.exit_code == 0);
  for (const auto& language : kLanguages) {
    for (const auto& format : kFormats) {
      INFO(language << " " << format);
      const fs::path pdf = press_build().pdf(language, format);
      const PdfObjects objects(pdf);
      const auto keys = objects.dictionary_keys();
      for (const std::string key : {"/SMask", "/CA", "/ca", "/BM", "/Group"}) {
        INFO(key);
        CHECK_FALSE(keys.count(key));
      }
      // The only graphics states are the two that switch overprinting on and off.
      for (const auto& page : objects.pages()) {
        const json states = objects.resolve(objects.resolve(objects.resolve(page)["/Resources"])["/ExtGState"]);
        REQUIRE(states.size() == 2);
        for (const auto& [name, state] : states.items()) {
          const json resolved = objects.resolve(state);
          std::set<std::string> entries;
          for (const auto& [key, value] : resolved.items()) entries.insert(key);
          CHECK(entries == std::set<std::string>{"/Type", "/OP", "/op", "/OPM"});
        }
        for (const auto& op : operations(objects.page_content(page))) {
          if (op.op == "gs") CHECK((op.operands == "/GSOverprint" || op.operands == "/GSKnockout"));
        }
      }
      // And in the expansion qpdf writes for people to read.
      ScratchDir scratch;
      const fs::path expanded = scratch.path() / "qdf.pdf";
      REQUIRE(run_process({"qpdf", "--qdf", "--object-streams=disable", pdf.string(), expanded.string()}).exit_code == 0);
      const std::string text = file_bytes(expanded);
      for (const std::string needle : {"/SMask", "/CA ", "/ca ", "/BM ", "/Transparency"}) {
        INFO(needle);
        CHECK_FALSE(contains(text, needle));
      }
    }
  }
}

TEST_CASE("press files pass qpdf, mupdf and the tag checker", "[pdf][press][tagged]") {
  REQUIRE(press_build().result.exit_code == 0);
  for (const auto& language : kLanguages) {
    for (const auto& format : kFormats) {
      INFO(language << " " << format);
      const fs::path pdf = press_build().pdf(language, format);
      const ProcessResult qpdf = run_process({"qpdf", "--check", pdf.string()});
      CHECK(qpdf.exit_code == 0);
      CHECK(contains(qpdf.out, "No syntax or stream encoding errors found"));
      CHECK(qpdf.err.empty());
      const ProcessResult mutool = run_process({"mutool", "draw", "-q", "-o", "/dev/null", pdf.string()});
      CHECK(mutool.exit_code == 0);
      std::string complaints = mutool.err;
      const std::string no_icc = "warning: ICC support is not available\n";
      while (complaints.find(no_icc) != std::string::npos) complaints.erase(complaints.find(no_icc), no_icc.size());
      CHECK(complaints.empty());

      const TagReport report = check_tagged_pdf(pdf);
      for (const auto& problem : report.problems) UNSCOPED_INFO(problem);
      CHECK(report.problems.empty());
      CHECK(report.marked_contents > 80);
      // Links stay in the screen PDF: a press file has no annotations.
      CHECK(report.links == 0);
    }
  }
}

TEST_CASE("rendered, the press page shows the band running into the bleed and marks outside it", "[pdf][press]") {
  REQUIRE(press_build().result.exit_code == 0);
  // At 72 dpi a pixel is a point: trim from 28.35, bleed from 19.84.
  const GrayImage page = render_page(press_build().pdf("en", "brochure"), 1, 72);
  REQUIRE(page.width == 652);
  REQUIRE(page.height == 899);
  CHECK(dark_in(page, 21, 21, 631, 27) > 0.95);   // the band, in the bleed above the trim
  CHECK(dark_in(page, 21, 30, 631, 52) > 0.95);   // and inside the trim
  CHECK(dark_in(page, 21, 0, 631, 19) < 0.02);    // nothing above the bleed but marks
  CHECK(dark_in(page, 0, 60, 19, 840) == 0);      // nor beside it
  // The crop marks of the top-left corner, seen at 288 dpi (4 pixels a point).
  const GrayImage fine = render_page(press_build().pdf("en", "brochure"), 1, 288);
  CHECK(dark_in(fine, 4 * 6, 4 * 28 - 1, 4 * 19, 4 * 28 + 2) > 0.2);  // horizontal, on the trim's top edge
  CHECK(dark_in(fine, 4 * 28 - 1, 4 * 6, 4 * 28 + 2, 4 * 19) > 0.2);  // vertical, on its left edge
  CHECK(dark_in(fine, 4 * 6, 4 * 6, 4 * 19, 4 * 19) == 0);             // nothing in the corner between them

  // On screen the band stops at the page's edge.
  const GrayImage screen = render_page(press_build().pdf("en", "brochure", false), 1, 72);
  REQUIRE(screen.width == 596);
  CHECK(dark_in(screen, 0, 0, screen.width, 24) > 0.95);
  CHECK(dark_in(screen, 0, 27, screen.width, 40) < 0.02);
}

TEST_CASE("the tri-fold's press sheet has fold marks above and below both folds", "[pdf][press]") {
  REQUIRE(press_build().result.exit_code == 0);
  const PdfObjects objects(press_build().pdf("en", "trifold"));
  const std::string content = objects.page_content(objects.pages().front());
  std::size_t dashed = 0;
  for (std::size_t at = content.find("[3 2] 0 d"); at != std::string::npos; at = content.find("[3 2] 0 d", at + 1)) ++dashed;
  CHECK(dashed == 4);
}

TEST_CASE("press files are byte-identical from build to build, and leave the screen PDF as it was",
          "[pdf][press][determinism]") {
  REQUIRE(press_build().result.exit_code == 0);
  ScratchDir again;
  const ProcessResult result =
      run_process({LEAFPRESS_BINARY, "build", press_build().folder.string(), "--lang", "en", "--format", "brochure",
                   "--out", again.path().string()},
                  kSource.string(), {"SOURCE_DATE_EPOCH=1700000000"});
  REQUIRE(result.exit_code == 0);
  CHECK(file_bytes(again.path() / "immunotherapy.en.brochure.print.pdf") ==
        file_bytes(press_build().pdf("en", "brochure")));

  ScratchDir plain;
  const ProcessResult screen_only = run_process(
      {LEAFPRESS_BINARY, "build", kLeaflet.string(), "--lang", "en", "--format", "brochure", "--out", plain.path().string()},
      kSource.string(), {"SOURCE_DATE_EPOCH=1700000000"});
  REQUIRE(screen_only.exit_code == 0);
  CHECK(file_bytes(plain.path() / "immunotherapy.en.brochure.pdf") == file_bytes(press_build().pdf("en", "brochure", false)));
  CHECK_FALSE(fs::exists(plain.path() / "immunotherapy.en.brochure.print.pdf"));
}

TEST_CASE("the command line asks for press files with --print, with the defaults", "[pdf][press]") {
  ScratchDir out;
  const ProcessResult result = run_process({LEAFPRESS_BINARY, "build", kLeaflet.string(), "--lang", "fr", "--format",
                                            "brochure", "--print", "--out", out.path().string()},
                                           kSource.string(), {"SOURCE_DATE_EPOCH=1700000000"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const fs::path pdf = out.path() / "immunotherapy.fr.brochure.print.pdf";
  REQUIRE(fs::exists(pdf));
  CHECK(fs::exists(out.path() / "immunotherapy.fr.brochure.pdf"));
  const auto boxes = pdfinfo_boxes(pdf);
  CHECK(boxes.at("TrimBox")[0] == Approx(kMargin).margin(0.006));
  CHECK(boxes.at("BleedBox")[0] == Approx(kMargin - kBleed).margin(0.006));
  // No profile, no output intent, no PDF/X claim.
  const PdfObjects objects(pdf);
  CHECK_FALSE(objects.catalog().contains("/OutputIntents"));
  CHECK(pdfinfo(pdf)["PDF version"] == "1.7");

  const ProcessResult check = run_process({LEAFPRESS_BINARY, "check", kLeaflet.string(), "--print"}, kSource.string());
  CHECK(check.exit_code == 2);
  CHECK(contains(check.err, "--print applies to build only"));
}

TEST_CASE("print: without crop marks makes the sheet the bleed box", "[pdf][press]") {
  ScratchDir dir;
  const fs::path folder = leaflet_with(dir, "print:\n  bleed: 5mm\n  crop_marks: false\n");
  const ProcessResult result = run_process({LEAFPRESS_BINARY, "build", folder.string(), "--lang", "en", "--format",
                                            "brochure", "--out", (dir.path() / "out").string()},
                                           kSource.string(), {"SOURCE_DATE_EPOCH=1700000000"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const fs::path pdf = dir.path() / "out" / "immunotherapy.en.brochure.print.pdf";
  const std::string bytes = unpacked_pdf_bytes(pdf);
  CHECK(contains(bytes, "/MediaBox [ 0 0 623.622047 870.23622 ]"));
  CHECK(contains(bytes, "/BleedBox [ 0 0 623.622047 870.23622 ]"));
  CHECK(contains(bytes, "/TrimBox [ 14.173228 14.173228 609.448819 856.062992 ]"));
  const PdfObjects objects(pdf);
  CHECK_FALSE(contains(objects.page_content(objects.pages().front()), " K\n"));
}

TEST_CASE("a profile that is not the press's CMYK output profile is an error at icc_profile", "[pdf][press][errors]") {
  struct Case {
    std::string what;
    std::function<void(const fs::path&)> make;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"display RGB", [](const fs::path& p) { fs::copy_file(kRgbProfile, p, fs::copy_options::overwrite_existing); },
       "error: 'press.icc' is a display ('mntr') profile for RGB; the press file's output intent needs an output "
       "('prtr') profile for CMYK"},
      {"text", [](const fs::path& p) { std::ofstream(p) << std::string(200, 'x'); },
       "error: 'press.icc' is not an ICC profile: no 'acsp' signature at byte 36"},
      {"short", [](const fs::path& p) { std::ofstream(p) << "ICC"; },
       "error: 'press.icc' is not an ICC profile: it has 3 bytes, and the header alone has 128"},
      {"truncated",
       [](const fs::path& p) {
         const std::string bytes = file_bytes(kCmykProfile);
         std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes.substr(0, 1000);
       },
       "error: 'press.icc' is a damaged ICC profile: its header says 187484 bytes, the file has 1000"},
      {"missing", [](const fs::path& p) { fs::remove(p); }, "error: no ICC profile 'press.icc' in the leaflet's folder"},
      {"ICC 4.3, newer than PDF 1.6 holds",
       [](const fs::path& p) {
         // The same profile with a version 4.3 header (ICC.1:2010 §7.2.4: bytes 8 and 9).
         std::string bytes = file_bytes(kCmykProfile);
         bytes[8] = 4;
         bytes[9] = 0x30;
         write_file(p, bytes);
       },
       "error: 'press.icc' is an ICC 4.3 profile; a PDF/X-4 file (PDF 1.6) holds profiles up to version 4.1"},
      {"outside",
       [](const fs::path& p) {
         fs::remove(p);
         fs::create_symlink(kCmykProfile, p);
       },
       "error: ICC profile 'press.icc' leads outside the leaflet folder, to '" + fs::canonical(kCmykProfile).string() +
           "'"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    ScratchDir dir;
    const fs::path folder = leaflet_with(dir, kPrintSection);
    c.make(folder / "press.icc");
    const ProcessResult result = run_process({LEAFPRESS_BINARY, "check", "immunotherapy"}, dir.path().string());
    CHECK(result.exit_code == 1);
    // The value of icc_profile: the line appended fourth from the end, after "  icc_profile: ".
    std::size_t lines = 0;
    for (const char ch : file_bytes(folder / "leaflet.yaml")) lines += ch == '\n' ? 1 : 0;
    const std::string place = "immunotherapy/leaflet.yaml:" + std::to_string(lines - 1) + ":16: ";
    CHECK(contains(result.err, place + c.message));
  }
}

TEST_CASE("output_condition must be the profile's printing condition", "[pdf][press][errors]") {
  struct Case {
    std::string condition;
    std::string message;  // empty: accepted
  };
  const std::vector<Case> cases = {
      {"FOGRA39", "error: output_condition 'FOGRA39' is not the condition of the profile, 'Artifex CMYK SWOP Profile', "
                  "which is made for CGATS TR 001"},
      {"Coated paper", "error: output_condition 'Coated paper' is neither a registered printing condition (FOGRA39, "
                       "FOGRA51, CGATS TR 001, …) nor the profile's description, 'Artifex CMYK SWOP Profile'"},
      {"cgats tr 001", ""},
      {"Artifex CMYK SWOP Profile", ""},
  };
  for (const Case& c : cases) {
    INFO(c.condition);
    ScratchDir dir;
    const fs::path folder = leaflet_with(dir, "print:\n  icc_profile: press.icc\n  output_condition: " + c.condition + "\n");
    const ProcessResult result = run_process({LEAFPRESS_BINARY, "check", folder.string()}, kSource.string());
    if (c.message.empty()) {
      CHECK(result.exit_code == 0);
      continue;
    }
    CHECK(result.exit_code == 1);
    std::size_t lines = 0;
    for (const char ch : file_bytes(dir.path() / "immunotherapy" / "leaflet.yaml")) lines += ch == '\n' ? 1 : 0;
    CHECK(contains(result.err, "leaflet.yaml:" + std::to_string(lines) + ":21: " + c.message));
  }
}

TEST_CASE("the booklet's press file: single A5 pages in reading order, bleed at the spine or not", "[pdf][press]") {
  for (const bool at_spine : {true, false}) {
    INFO("bleed_at_spine " << at_spine);
    ScratchDir dir;
    const fs::path folder =
        leaflet_with(dir, std::string("print:\n  bleed_at_spine: ") + (at_spine ? "true" : "false") + "\n");
    const ProcessResult result = run_process({LEAFPRESS_BINARY, "build", folder.string(), "--lang", "en,ar", "--format",
                                              "booklet", "--out", (dir.path() / "out").string()},
                                             kSource.string(), {"SOURCE_DATE_EPOCH=1700000000"});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    for (const std::string language : {"en", "ar"}) {
      INFO(language);
      const fs::path pdf = dir.path() / "out" / ("immunotherapy." + language + ".booklet.print.pdf");
      const PdfObjects objects(pdf);
      const auto pages = objects.pages();
      REQUIRE(pages.size() % 4 == 0);
      for (std::size_t i = 0; i < pages.size(); ++i) {
        const json page = objects.resolve(pages[i]);
        const auto trim = numbers_of(page["/TrimBox"]);
        const auto bleed = numbers_of(page["/BleedBox"]);
        // Left to right, page 1 (index 0) is a right-hand page bound on its left; right to
        // left, the other way round.
        const bool spine_left = (i % 2 == 0) == (language == "en");
        const double left = trim[0] - bleed[0];
        const double right = bleed[2] - trim[2];
        CHECK(left == Approx(!at_spine && spine_left ? 0 : kBleed).margin(2e-6));
        CHECK(right == Approx(!at_spine && !spine_left ? 0 : kBleed).margin(2e-6));
        CHECK(trim[1] - bleed[1] == Approx(kBleed).margin(2e-6));
      }
      // Reading order: page labels 1, 2, 3, … and page 1 is the cover (the leaflet's title).
      CHECK(pdfinfo(pdf)["Pages"] == std::to_string(pages.size()));
      const ProcessResult first = run_process({"pdftotext", "-f", "1", "-l", "1", pdf.string(), "-"});
      const ProcessResult second = run_process({"pdftotext", "-f", "2", "-l", "2", pdf.string(), "-"});
      if (language == "en") {
        CHECK(contains(first.out, "Immunotherapy"));
        CHECK(contains(second.out, "How does it work?"));
      }
    }
  }
}
