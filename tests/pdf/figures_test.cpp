#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "pdf/link_rects.hpp"
#include "pdf/pdf_probe.hpp"
#include "pdf/tag_checker.hpp"
#include "support/image_fixtures.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

// Figures and QR codes as PDF clients see them: poppler's pdfimages and pdftoppm, zbar's
// zbarimg reading the codes back from rendered pages, qpdf for the annotations, and the tag
// checker for the words that stand for them.

namespace fs = std::filesystem;
using namespace leafpress::testing;

namespace {

const fs::path kSource = LEAFPRESS_SOURCE_DIR;
const fs::path kLeaflet = kSource / "leaflets" / "immunotherapy";
const std::string kInserm = "https://www.inserm.fr/dossier/immunotherapie-cancer/";

/// Where a build writes a leaflet's PDF: the one place these tests know file names.
fs::path pdf_path(const fs::path& out, const std::string& leaflet, const std::string& language,
                  const std::string& format = "brochure") {
  return out / (leaflet + "." + language + "." + format + ".pdf");
}

struct ShippedBuild {
  ScratchDir out;
  ProcessResult result;
  ShippedBuild() {
    result = run_process({LEAFPRESS_BINARY, "build", kLeaflet.string(), "--out", out.path().string()},
                         kSource.string(), {"SOURCE_DATE_EPOCH=1700000000"});
  }
  fs::path pdf(const std::string& language, const std::string& format = "brochure") const {
    return pdf_path(out.path(), "immunotherapy", language, format);
  }
};

const ShippedBuild& shipped() {
  static const ShippedBuild build;
  return build;
}

/// One row of `pdfimages -list`.
struct ImageRow {
  int page = 0;
  std::string type;
  int width = 0;
  int height = 0;
  std::string color;
  int components = 0;
  std::string encoding;
  int object = 0;
};

std::vector<ImageRow> pdfimages_list(const fs::path& pdf) {
  const ProcessResult result = run_process({"pdfimages", "-list", pdf.string()});
  REQUIRE(result.exit_code == 0);
  std::istringstream lines(result.out);
  std::string header, rule;
  std::getline(lines, header);
  std::getline(lines, rule);
  std::vector<ImageRow> rows;
  for (std::string line; std::getline(lines, line);) {
    std::istringstream fields(line);
    ImageRow row;
    int number = 0, bits = 0;
    std::string interpolate;
    fields >> row.page >> number >> row.type >> row.width >> row.height >> row.color >> row.components >> bits >>
        row.encoding >> interpolate >> row.object;
    rows.push_back(row);
  }
  return rows;
}

/// What zbarimg reads off every page of `pdf`, rendered in grey at 150 dpi: a module of the
/// leaflet's 20 mm code is then 3.6 pixels, as a phone's camera sees it from afar.
std::vector<std::string> codes_read_from(const fs::path& pdf) {
  ScratchDir pages;
  REQUIRE(run_process({"pdftoppm", "-gray", "-r", "150", pdf.string(), (pages.path() / "page").string()})
              .exit_code == 0);
  std::vector<std::string> argv{"zbarimg", "--nodbus", "--raw", "-q"};
  for (const auto& entry : fs::directory_iterator(pages.path())) argv.push_back(entry.path().string());
  const ProcessResult result = run_process(argv);
  std::vector<std::string> codes;
  std::istringstream lines(result.out);
  for (std::string line; std::getline(lines, line);) codes.push_back(line);
  return codes;
}

/// Binary PPM (P6) pixels, as `pdfimages` writes a decoded picture.
struct Ppm {
  int width = 0;
  int height = 0;
  std::string pixels;
  std::array<int, 3> at(int x, int y) const {
    const std::size_t i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 3;
    return {static_cast<unsigned char>(pixels[i]), static_cast<unsigned char>(pixels[i + 1]),
            static_cast<unsigned char>(pixels[i + 2])};
  }
};

Ppm read_ppm(const fs::path& file) {
  const std::string bytes = file_bytes(file);
  std::istringstream in(bytes);
  std::string magic;
  int maxval = 0;
  Ppm ppm;
  in >> magic >> ppm.width >> ppm.height >> maxval;
  in.get();
  REQUIRE(magic == "P6");
  ppm.pixels = bytes.substr(static_cast<std::size_t>(in.tellg()));
  REQUIRE(ppm.pixels.size() == static_cast<std::size_t>(ppm.width * ppm.height * 3));
  return ppm;
}

Rgba halves(unsigned x, unsigned y) {
  if (x < 150) return {200, 30, 30, 255};
  return y < 50 ? Rgba{0, 0, 0, 0} : Rgba{20, 40, 200, 255};
}

Rgba gradient(unsigned x, unsigned y) {
  return {static_cast<unsigned char>(x % 256), static_cast<unsigned char>(y % 256), 120, 255};
}

/// A scratch leaflet x/ with two figures of one PNG, one of a JPEG, and a QR code.
struct ScratchLeaflet {
  ScratchDir dir;
  std::string png = make_png(300, 150, halves);
  std::string jpeg = make_jpeg(320, 200, 85, gradient);
  ScratchLeaflet() {
    dir.write("x/images/halves.png", png);
    dir.write("x/images/copy of halves.png", png);
    dir.write("x/images/photo.jpg", jpeg);
    dir.write("x/leaflet.yaml",
              "default_language: en\ntitle: t\ncontent:\n"
              "  - paragraph: p\n"
              "  - figure: images/halves.png\n    alt: a\n    caption: c\n    width: 25mm\n"
              "  - figure: images/photo.jpg\n    alt: a\n    width: 25mm\n"
              "  - figure: images/copy of halves.png\n    alt: a\n    width: 20mm\n"
              "  - qr: https://example.org/leaflet\n    alt: q\n    caption: c\n");
    dir.write("x/en.yaml",
              "t: Title\np: A paragraph.\na: A red half and a blue half.\nc: The two halves.\nq: QR code to our site\n");
  }
  ProcessResult build(const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> argv{LEAFPRESS_BINARY, "build", "x", "--out", "out"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return run_process(argv, dir.path().string(), {"SOURCE_DATE_EPOCH=1700000000"});
  }
  fs::path pdf() const { return pdf_path(dir.path() / "out", "x", "en"); }
};

}  // namespace

TEST_CASE("the shipped picture is embedded once, at its size, without a soft mask", "[pdf][figures]") {
  REQUIRE(shipped().result.exit_code == 0);
  for (const std::string language : {"fr", "en", "es", "ar"}) {
    for (const std::string format : {"brochure", "booklet", "trifold"}) {
      INFO(language << " " << format);
      const auto rows = pdfimages_list(shipped().pdf(language, format));
      REQUIRE(rows.size() == 1);
      CHECK(rows[0].type == "image");
      CHECK(rows[0].width == 1400);
      CHECK(rows[0].height == 448);
      CHECK(rows[0].color == "rgb");
      CHECK(rows[0].components == 3);
    }
  }
}

TEST_CASE("the QR code reads back as Inserm's address in every language and format", "[pdf][figures]") {
  REQUIRE(shipped().result.exit_code == 0);
  if (!have_program("zbarimg")) FAIL("zbarimg is missing: install zbar-tools (scripts/setup does)");
  for (const std::string language : {"fr", "en", "es", "ar"}) {
    for (const std::string format : {"brochure", "trifold", "booklet"}) {
      INFO(language << " " << format);
      CHECK(codes_read_from(shipped().pdf(language, format)) == std::vector<std::string>{kInserm});
    }
  }
}

TEST_CASE("the QR code is a link to its address, at the start of the line in either direction", "[pdf][figures]") {
  REQUIRE(shipped().result.exit_code == 0);
  for (const std::string language : {"en", "ar"}) {
    INFO(language);
    // Inserm's address is linked three times: in a paragraph, in the sources, and the code,
    // whose link is the only square one.
    std::vector<std::vector<double>> squares;
    for (const auto& rect : link_rects(shipped().pdf(language), kInserm)) {
      if (std::abs((rect[2] - rect[0]) - (rect[3] - rect[1])) < 0.01) squares.push_back(rect);
    }
    REQUIRE(squares.size() == 1);
    const double side = squares[0][2] - squares[0][0];
    CHECK(side == Approx(20 * 72 / 25.4).margin(0.01));  // size: 20mm
    const double middle = (squares[0][0] + squares[0][2]) / 2;
    const double page_middle = 210 * 72 / 25.4 / 2;
    // Left to right, the code starts the line at the left; mirrored for Arabic, at the right.
    CHECK((language == "ar" ? middle > page_middle : middle < page_middle));
  }
}

TEST_CASE("figures are tagged with their words in every language", "[pdf][figures][tagged]") {
  REQUIRE(shipped().result.exit_code == 0);
  const std::map<std::string, std::pair<std::string, std::string>> starts = {
      {"fr", {"Schéma en deux parties. À gauche, un lymphocyte T", "Code QR menant au dossier de l’Inserm"}},
      {"en", {"Diagram in two parts. On the left, a T-cell", "QR code leading to Inserm’s guide"}},
      {"es", {"Esquema en dos partes. A la izquierda, un linfocito T", "Código QR que lleva al dossier del Inserm"}},
      {"ar", {"رسم من جزأين. على اليسار خلية لمفاوية تائية", "رمز QR يؤدي إلى ملف Inserm"}},
  };
  for (const auto& [language, words] : starts) {
    for (const std::string format : {"brochure", "trifold", "booklet"}) {
      INFO(language << " " << format);
      const TagReport report = check_tagged_pdf(shipped().pdf(language, format));
      for (const auto& problem : report.problems) UNSCOPED_INFO(problem);
      CHECK(report.problems.empty());
      // In reading order: the picture (on the tri-fold's cover), then the code with its
      // address after its words.
      REQUIRE(report.figure_alts.size() == 2);
      CHECK(report.figure_alts[0].rfind(words.first, 0) == 0);
      const std::string& qr = report.figure_alts.back();
      CHECK(qr.rfind(words.second, 0) == 0);
      CHECK(qr.substr(qr.size() - kInserm.size() - 2) == "(" + kInserm + ")");
    }
  }
  // The structure: a Div holding the Figure and then its Caption; the code's Figure inside
  // the Link that holds its annotation.
  const auto tree = run_process({"pdfinfo", "-struct-text", shipped().pdf("en").string()}).out;
  CHECK(tree.find("  Div\n    Figure:\n") != std::string::npos);
  CHECK(tree.find("\"\n    Caption\n      \"Left: the tumour cell’s \"\n") != std::string::npos);
  CHECK(tree.find("  Div\n    Link (inline)\n      Figure:\n") != std::string::npos);
  CHECK(tree.find("    Caption\n      \"Scan this code with your phone’s camera") != std::string::npos);
}

TEST_CASE("pdftotext reads the captions where the figures are", "[pdf][figures]") {
  REQUIRE(shipped().result.exit_code == 0);
  const std::string en = letters_and_digits(pdftotext(shipped().pdf("en")));
  std::size_t from = 0;
  for (const std::string phrase :
       {"let T-cells recognise the tumour and attack it again", "Left: the tumour cell's PD-L1 (the ball)",
        "the T-cell attacks the tumour cell", "These medicines are monoclonal antibodies",
        "Institut national du cancer — Cancer Info (in French)", "Scan this code with your phone's camera",
        "Contact"}) {
    INFO(phrase);
    const auto at = en.find(letters_and_digits(phrase), from);
    CHECK(at != std::string::npos);
    if (at != std::string::npos) from = at;
  }
  const std::string fr = letters_and_digits(pdftotext(shipped().pdf("fr")));
  CHECK(fr.find(letters_and_digits("À gauche, la protéine PD-L1 de la cellule tumorale (la boule)")) !=
        std::string::npos);
}

TEST_CASE("each picture is embedded once: a PNG as pixels flattened onto white, a JPEG as it is",
          "[pdf][figures]") {
  const ScratchLeaflet leaflet;
  const ProcessResult result = leaflet.build();
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto rows = pdfimages_list(leaflet.pdf());
  REQUIRE(rows.size() == 3);  // shown three times …
  CHECK(rows[0].object == rows[2].object);  // … the PNG twice (two files, same bytes), from one object
  CHECK(rows[0].object != rows[1].object);
  CHECK(rows[0].width == 300);
  CHECK(rows[0].height == 150);
  CHECK(rows[0].encoding == "image");
  CHECK(rows[1].width == 320);
  CHECK(rows[1].height == 200);
  CHECK(rows[1].encoding == "jpeg");
  for (const ImageRow& row : rows) CHECK(row.type == "image");  // no "smask" rows

  ScratchDir extracted;
  REQUIRE(run_process({"pdfimages", "-j", leaflet.pdf().string(), (extracted.path() / "img").string()}).exit_code == 0);
  // The JPEG is the very file, passed through.
  CHECK(file_bytes(extracted.path() / "img-001.jpg") == leaflet.jpeg);
  // The PNG's transparent quarter is the paper's white; opaque pixels keep their colour.
  const Ppm png = read_ppm(extracted.path() / "img-000.ppm");
  REQUIRE(png.width == 300);
  CHECK(png.at(200, 20) == std::array<int, 3>{255, 255, 255});
  CHECK(png.at(20, 20) == std::array<int, 3>{200, 30, 30});
  CHECK(png.at(200, 100) == std::array<int, 3>{20, 40, 200});

  CHECK(check_tagged_pdf(leaflet.pdf()).figure_alts ==
        std::vector<std::string>{"A red half and a blue half.", "A red half and a blue half.",
                                 "A red half and a blue half.", "QR code to our site (https://example.org/leaflet)"});
  CHECK(codes_read_from(leaflet.pdf()) == std::vector<std::string>{"https://example.org/leaflet"});
  const std::string first = file_bytes(leaflet.pdf());
  REQUIRE(leaflet.build().exit_code == 0);
  CHECK(file_bytes(leaflet.pdf()) == first);
}

TEST_CASE("a picture under 300 ppi where it is printed is a warning saying what would do", "[pdf][figures]") {
  ScratchLeaflet leaflet;
  leaflet.dir.write("x/leaflet.yaml",
                    "default_language: en\ntitle: t\ncontent:\n  - paragraph: p\n"
                    "  - figure: images/halves.png\n    alt: a\n    width: 100mm\n");
  leaflet.dir.write("x/en.yaml", "t: Title\np: A paragraph.\na: A red half and a blue half.\n");
  const ProcessResult result = leaflet.build();
  CHECK(result.exit_code == 0);
  // 300 pixels across 100 mm (3.94 in) is 76 ppi; 300 ppi needs 1182 x 591 pixels there.
  CHECK(result.err ==
        "x/leaflet.yaml:5:5: warning: image 'images/halves.png' is 76 ppi where the brochure prints it, 100.0 x "
        "50.0 mm; print needs 300 ppi\n"
        "  hint: use a picture of at least 1182 x 591 pixels, or print this one at most 25.4 mm wide ('width: "
        "25.4mm')\n");
  CHECK(fs::exists(leaflet.pdf()));
  fs::remove(leaflet.pdf());
  const ProcessResult strict = leaflet.build({"--strict"});
  CHECK(strict.exit_code == 1);
  CHECK(strict.err.find("x/leaflet.yaml:5:5: error: image 'images/halves.png' is 76 ppi") == 0);
  CHECK_FALSE(fs::exists(leaflet.pdf()));
}

TEST_CASE("a photograph's PNG stream goes in as it is, with its predictors, whatever the cache holds",
          "[pdf][figures]") {
  // Smooth and never repeating, as a photograph is: the PNG's own filtered rows are smaller
  // than its pixels deflated, so the PDF takes the file's stream (Predictor 15) untouched.
  const PixelFunction smooth = [](unsigned x, unsigned y) {
    return Rgba{static_cast<unsigned char>((x * x / 97 + y * y / 53) % 256), static_cast<unsigned char>((x * 3 + y) % 256),
                static_cast<unsigned char>((x * y / 31) % 256), 255};
  };
  ScratchDir dir;
  const std::string rgb = make_opaque_png(240, 120, 3, smooth);
  const std::string grey = make_opaque_png(240, 120, 1, smooth);
  dir.write("x/rgb.png", rgb);
  dir.write("x/grey.png", grey);
  dir.write("x/leaflet.yaml",
            "default_language: en\ntitle: t\ncontent:\n"
            "  - figure: rgb.png\n    alt: a\n    width: 25mm\n"
            "  - figure: grey.png\n    alt: a\n    width: 25mm\n");
  dir.write("x/en.yaml", "t: Title\na: Smooth colours.\n");
  auto build = [&](const std::string& cache, const std::string& out) {
    const ProcessResult result = run_process({LEAFPRESS_BINARY, "build", "x", "--out", out}, dir.path().string(),
                                             {"SOURCE_DATE_EPOCH=1700000000", "LEAFPRESS_CACHE_DIR=" + cache});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return file_bytes(pdf_path(dir.path() / out, "x", "en"));
  };
  const std::string uncached = build("off", "off");
  const fs::path pdf = pdf_path(dir.path() / "off", "x", "en");
  CHECK(uncached.find("/Predictor 15") != std::string::npos);
  const ProcessResult check = run_process({"qpdf", "--check", pdf.string()});
  CHECK(check.exit_code == 0);
  CHECK(leafpress::testing::without_notes(check.err).empty());
  // Poppler undoes the predictors into the very pixels of the files.
  ScratchDir extracted;
  REQUIRE(run_process({"pdfimages", pdf.string(), (extracted.path() / "img").string()}).exit_code == 0);
  const Ppm colour = read_ppm(extracted.path() / "img-000.ppm");
  // pdfimages writes a grey picture as a PPM too (P6, the grey in each channel).
  const Ppm grey_ppm = read_ppm(extracted.path() / "img-001.ppm");
  CHECK(colour.width == 240);
  for (const auto& [x, y] : {std::pair{0, 0}, std::pair{239, 0}, std::pair{17, 91}, std::pair{239, 119}}) {
    const Rgba expected = smooth(static_cast<unsigned>(x), static_cast<unsigned>(y));
    CHECK(colour.at(x, y) == std::array<int, 3>{expected[0], expected[1], expected[2]});
    CHECK(grey_ppm.at(x, y) == std::array<int, 3>{expected[0], expected[0], expected[0]});
  }
  // MuPDF draws it without complaint (it only says, on any file, that it was built without ICC).
  const ProcessResult drawn = run_process({"mutool", "draw", "-o", (extracted.path() / "page.png").string(), pdf.string()});
  CHECK(drawn.exit_code == 0);
  CHECK(drawn.err.find("error") == std::string::npos);
  CHECK(drawn.err.find("flate") == std::string::npos);
  // A first run fills the cache, a second reads from it: the same bytes as without one.
  const std::string cache = (dir.path() / "cache").string();
  CHECK(build(cache, "cold") == uncached);
  CHECK(fs::exists(dir.path() / "cache"));
  CHECK(build(cache, "warm") == uncached);
  // A damaged entry is passed over, and the output is still the same.
  for (const auto& entry : fs::directory_iterator(dir.path() / "cache")) {
    if (entry.path().filename().string().rfind("picture-", 0) != 0) continue;
    std::string bytes = file_bytes(entry.path());
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 1);
    std::ofstream(entry.path(), std::ios::binary) << bytes;
  }
  CHECK(build(cache, "damaged") == uncached);
}
