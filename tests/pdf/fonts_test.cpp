#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "pdf/pdf_probe.hpp"
#include "pdf/run_leafpress.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

// Fonts and their configuration as a user meets them: found from any folder, and what the
// user is told when a character has no font.

namespace fs = std::filesystem;
using namespace leafpress::testing;

namespace {

const fs::path kSource = LEAFPRESS_SOURCE_DIR;

ProcessResult run_in(const fs::path& binary, std::vector<std::string> args, const fs::path& cwd) {
  args.insert(args.begin(), binary.string());
  return run_process(args, cwd.string(), {"SOURCE_DATE_EPOCH=1700000000"});
}

std::vector<fs::path> shipped_leaflets() {
  std::vector<fs::path> leaflets;
  for (const auto& entry : fs::directory_iterator(kSource / "leaflets")) {
    if (fs::exists(entry.path() / "leaflet.yaml")) leaflets.push_back(entry.path());
  }
  std::sort(leaflets.begin(), leaflets.end());
  return leaflets;
}

/// Every PDF of `folder` has the same bytes as the one of the same name in `reference`.
void check_same_pdfs(const fs::path& folder, const fs::path& reference) {
  const auto names = names_in(reference);
  REQUIRE(!names.empty());
  CHECK(names_in(folder) == names);
  for (const std::string& name : names) {
    INFO(name);
    CHECK(file_bytes(folder / name) == file_bytes(reference / name));
  }
}

}  // namespace

TEST_CASE("every shipped leaflet builds the same from /tmp as from the project's folder", "[fonts]") {
  // The font configuration once came from ./fonts: from any other folder every Arabic or
  // Hebrew string failed.
  for (const fs::path& leaflet : shipped_leaflets()) {
    INFO(leaflet);
    ScratchDir from_root;
    ScratchDir from_tmp;
    const auto root = run_leafpress({"build", fs::relative(leaflet, kSource).string(), "--out", from_root.path().string()},
                                    kSource);
    REQUIRE(root.exit_code == 0);
    const auto tmp = run_leafpress({"build", leaflet.string(), "--out", from_tmp.path().string()}, "/tmp");
    INFO(tmp.err);
    REQUIRE(tmp.exit_code == 0);
    CHECK(tmp.err.find("warning") == std::string::npos);
    check_same_pdfs(from_tmp.path(), from_root.path());
  }
}

TEST_CASE("a leaflet kept outside the project finds the default fallback chains from any folder", "[fonts]") {
  ScratchDir home;
  const fs::path leaflet = home.path() / "leaflets-of-mine" / "immunotherapy";
  fs::create_directories(leaflet.parent_path());
  fs::copy(kSource / "leaflets" / "immunotherapy", leaflet, fs::copy_options::recursive);
  ScratchDir elsewhere;
  ScratchDir out;
  const auto result = run_leafpress({"build", leaflet.string(), "--lang", "ar", "--format", "brochure", "--out",
                                     out.path().string()},
                                    elsewhere.path());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.err.find("warning") == std::string::npos);
  const auto fonts = pdffonts(out.path() / "immunotherapy.ar.brochure.pdf");
  CHECK(std::any_of(fonts.begin(), fonts.end(),
                    [](const FontRow& row) { return row.name.find("NotoNaskhArabic") != std::string::npos; }));

  ScratchDir reference;
  REQUIRE(run_leafpress({"build", "leaflets/immunotherapy", "--lang", "ar", "--format", "brochure", "--out",
                         reference.path().string()},
                        kSource)
              .exit_code == 0);
  check_same_pdfs(out.path(), reference.path());
}

TEST_CASE("a leaflet's own project fonts/ is found by walking up from its folder", "[fonts]") {
  // <project>/fonts/fallback.yaml names a chain for Hebrew that the default one does not:
  // the project's wins, from whatever folder and however deep the leaflet lies.
  ScratchDir project;
  project.write("fonts/fallback.yaml", "sans:\n  Hebr: [Noto Serif Hebrew]\nserif:\n  Hebr: [Noto Serif Hebrew]\n");
  project.write("campaigns/2026/hebrew/leaflet.yaml",
                "default_language: he\nlanguages: [he]\ntitle: t\ncontent:\n  - title: t\n  - paragraph: p\n");
  project.write("campaigns/2026/hebrew/he.yaml", "t: \u05E9\u05DC\u05D5\u05DD\np: \u05E9\u05DC\u05D5\u05DD\n");
  ScratchDir out;
  const auto result = run_leafpress(
      {"build", (project.path() / "campaigns/2026/hebrew").string(), "--format", "brochure", "--out", out.path().string()},
      "/");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto fonts = pdffonts(out.path() / "hebrew.he.brochure.pdf");
  CHECK(std::any_of(fonts.begin(), fonts.end(),
                    [](const FontRow& row) { return row.name.find("NotoSerifHebrew") != std::string::npos; }));
  CHECK(std::none_of(fonts.begin(), fonts.end(),
                     [](const FontRow& row) { return row.name.find("NotoSansHebrew") != std::string::npos; }));
}

TEST_CASE("a binary with no font configuration anywhere says so and where it looked", "[fonts]") {
  // A copy of the binary outside its build folder and any prefix finds no installed data.
  ScratchDir dir;
  const fs::path binary = dir.path() / "bin" / "leafpress";
  fs::create_directories(binary.parent_path());
  fs::copy_file(LEAFPRESS_BINARY, binary);
  const fs::path leaflet = dir.path() / "leaflet";
  fs::copy(kSource / "leaflets" / "immunotherapy", leaflet, fs::copy_options::recursive);
  const auto result = run_in(binary, {"check", leaflet.string(), "--lang", "en"}, kSource);
  INFO(result.err);
  CHECK(result.err.find("warning: no font configuration found") != std::string::npos);
  // Where it looked: the leaflet's folder and above, and the data beside the binary; not the
  // working folder, whose fonts/ holds a configuration.
  CHECK(result.err.find((leaflet / "fonts" / "fallback.yaml").string()) != std::string::npos);
  CHECK(result.err.find((dir.path() / "share" / "leafpress" / "fonts" / "fallback.yaml").string()) != std::string::npos);
  CHECK(result.err.find((kSource / "fonts").string()) == std::string::npos);
}

TEST_CASE("every language of the fixture that Debian hyphenates finds its dictionary, and only Turkish is told of none",
          "[fonts]") {
  // The set-up installs hyphen-el, -ru, -uk, -pl, -ro, -hi, -bn, -ta besides the first six;
  // Vietnamese, Thai, Chinese, Japanese and Korean are not hyphenated, so need none.
  const auto result = run_leafpress({"check", "tests/engines/languages", "--format", "brochure"}, kSource);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  std::vector<std::string> warned;
  const std::string marker = "no hyphenation dictionary for '";
  for (auto at = result.err.find(marker); at != std::string::npos; at = result.err.find(marker, at + 1)) {
    const auto begin = at + marker.size();
    warned.push_back(result.err.substr(begin, result.err.find('\'', begin) - begin));
  }
  CHECK(warned == std::vector<std::string>{"tr"});
  CHECK(result.err.find("Debian has no hyphenation package for 'tr'") != std::string::npos);
  CHECK(result.err.find("hyphen-tr") == std::string::npos);
}

TEST_CASE("a character no font covers is said with its own script, not its neighbour's", "[fonts]") {
  // The danda U+0964 after "PD-1" was reported "for script 'Latn'". With no Bengali font in
  // the fallback chains, the letters are Bengali and the danda is used with 20 scripts.
  ScratchDir dir;
  dir.write("fonts/fallback.yaml", "any: [Noto Sans]\n");
  dir.write("fonts/README", "a project whose fallback has no Bengali font\n");
  dir.write("leaflets/danda/leaflet.yaml",
            "default_language: bn\nlanguages: [bn]\ntitle: t\ncontent:\n  - title: t\n  - paragraph: p\n");
  dir.write("leaflets/danda/bn.yaml", "t: Immunotherapy\np: \u098F\u09B0 PD-1\u0964\n");
  const auto result = run_leafpress({"check", (dir.path() / "leaflets/danda").string(), "--format", "brochure"}, "/");
  INFO(result.err);
  CHECK(result.err.find("bn.yaml:2:4: error: no font covers U+098F '\u098F', U+09B0 '\u09B0'\n"
                        "  hint: 'Noto Serif' has no glyph for them, nor has any fallback font for script 'Beng';") !=
        std::string::npos);
  CHECK(result.err.find("bn.yaml:2:4: error: no font covers U+0964 '\u0964'\n"
                        "  hint: 'Noto Serif' has no glyph for it, nor has any fallback font for scripts 'Beng', "
                        "'Deva', ") != std::string::npos);
  CHECK(result.err.find(" or 17 more;") != std::string::npos);
  CHECK(result.err.find("'Latn'") == std::string::npos);
}

TEST_CASE("page-number digits no font covers are reported at the leaflet's languages", "[fonts]") {
  // Arabic pages are numbered in Arabic-Indic digits; with no Arabic font they once gave an
  // error with no place at all.
  ScratchDir dir;
  dir.write("fonts/fallback.yaml", "any: [Noto Sans]\n");
  dir.write("leaflets/numbers/leaflet.yaml",
            "default_language: ar\ntitle: t\nlanguages: [ar]\ncontent:\n  - title: t\n  - paragraph: p\n");
  // Long enough for a second page: the first, a cover, carries no number.
  std::string long_text;
  for (int i = 0; i < 1500; ++i) long_text += "PD-1 ";
  dir.write("leaflets/numbers/ar.yaml", "t: Immunotherapy\np: " + long_text + "\n");
  const auto result = run_leafpress({"check", (dir.path() / "leaflets/numbers").string(), "--format", "brochure"}, "/");
  INFO(result.err);
  CHECK(result.err.find("leaflet.yaml:3:12: error: no font covers U+0662 '\u0662'") != std::string::npos);
  CHECK(result.err.find("\nleafpress: error: no font covers") == std::string::npos);
  CHECK(result.err.find("\nerror: no font covers") == std::string::npos);
  CHECK(result.err.rfind("error: no font covers", 0) == std::string::npos);
}

namespace {

/// A one-language leaflet at `dir`/leaflets/`name` whose title and paragraph are `title`, `text`.
fs::path small_leaflet(const ScratchDir& dir, const std::string& name, const std::string& language,
                       const std::string& title, const std::string& text, const std::string& extra = "") {
  dir.write("leaflets/" + name + "/leaflet.yaml", "default_language: " + language + "\nlanguages: [" + language +
                                                      "]\ntitle: t\ncontent:\n  - title: t\n  - paragraph: p\n" + extra);
  dir.write("leaflets/" + name + "/" + language + ".yaml", "t: \"" + title + "\"\np: \"" + text + "\"\n");
  return dir.path() / "leaflets" / name;
}

bool has_font(const std::vector<FontRow>& fonts, const std::string& name) {
  return std::any_of(fonts.begin(), fonts.end(), [&](const FontRow& row) { return row.name.find(name) != std::string::npos; });
}

}  // namespace

TEST_CASE("emoji are drawn in one colour from Symbola, the default fallback's last font", "[fonts]") {
  ScratchDir dir;
  const fs::path leaflet = small_leaflet(dir, "emoji", "en", "Vaccines \U0001F489",
                                         "Bring your card \U0001F489 and smile \U0001F600 \u2764\uFE0F thanks.");
  ScratchDir out;
  const auto result = run_leafpress({"build", leaflet.string(), "--format", "brochure", "--out", out.path().string()}, "/");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.err.find("no font covers") == std::string::npos);
  const fs::path pdf = out.path() / "emoji.en.brochure.pdf";
  CHECK(has_font(pdffonts(pdf), "Symbola"));
  const std::string text = pdftotext(pdf);
  CHECK(text.find("Vaccines \U0001F489") != std::string::npos);
  CHECK(text.find("card \U0001F489 and smile \U0001F600 \u2764") != std::string::npos);
}

TEST_CASE("a colour emoji font named for fallback or in the theme is refused, saying why", "[fonts]") {
  // Noto Color Emoji holds colour bitmaps (CBDT), no outlines: it once shaped, embedded and
  // showed nothing, silently.
  if (run_process({"fc-list", "Noto Color Emoji", "file"}).out.empty()) {
    WARN("Noto Color Emoji is not installed (scripts/setup installs fonts-noto-color-emoji for the tests)");
    return;
  }
  ScratchDir dir;
  dir.write("fonts/fallback.yaml", "any: [Noto Color Emoji, Noto Sans]\n");
  const fs::path leaflet = small_leaflet(dir, "emoji", "en", "Vaccines", "Bring your card \U0001F489.");
  const auto fallback = run_leafpress({"check", leaflet.string(), "--format", "brochure"}, "/");
  INFO(fallback.err);
  CHECK(fallback.err.find("fonts/fallback.yaml:1:6: warning: fallback font 'Noto Color Emoji' cannot be used: its glyphs "
                          "are colour bitmaps (CBDT), not the TrueType or CFF outlines a PDF font holds\n"
                          "  hint: name a font with outlines instead; for emoji, Symbola (Debian's fonts-symbola)") !=
        std::string::npos);
  CHECK(fallback.err.find("en.yaml:2:4: error: no font covers U+1F489 '\U0001F489'\n"
                          "  hint: 'Noto Serif' has no glyph for it, nor has any fallback font for emoji; add one that "
                          "does to 'any' in fonts/fallback.yaml: Symbola") != std::string::npos);

  ScratchDir themed;
  const fs::path in_theme = small_leaflet(themed, "emoji", "en", "Vaccines", "Bring your card.",
                                          "theme:\n  fonts:\n    body: Noto Color Emoji\n");
  const auto theme = run_leafpress({"check", in_theme.string(), "--format", "brochure"}, "/");
  INFO(theme.err);
  CHECK(theme.exit_code == 1);
  CHECK(theme.err.find("leaflet.yaml:9:11: error: font 'Noto Color Emoji' cannot be used: its glyphs are colour "
                       "bitmaps (CBDT)") != std::string::npos);
}

TEST_CASE("Japanese is set in the JP face of Noto CJK only, Korean in the KR one", "[fonts]") {
  // Kanji are Han (Hani) like Chinese hanzi: the script's chain alone gave them the SC face,
  // mixing two designs of the same characters on one line.
  ScratchDir out;
  const auto result = run_leafpress(
      {"build", "tests/engines/languages", "--lang", "ja,ko", "--format", "brochure", "--out", out.path().string()},
      kSource);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  for (const std::string language : {"ja", "ko"}) {
    const std::string face = language == "ja" ? "CJKjp" : "CJKkr";
    const auto fonts = pdffonts(out.path() / ("languages." + language + ".brochure.pdf"));
    INFO(language);
    CHECK(has_font(fonts, "NotoSerif" + face));
    CHECK(has_font(fonts, "NotoSans" + face));
    for (const std::string other : {"CJKsc", "CJKtc", "CJKhk", language == "ja" ? "CJKkr" : "CJKjp"}) {
      CHECK_FALSE(has_font(fonts, other));
    }
  }
}

TEST_CASE("fallback.yaml's per-language chains are checked like the others", "[fonts]") {
  ScratchDir dir;
  dir.write("fonts/fallback.yaml", "languages:\n  Japanese:\n    serif: {Hani: [Noto Serif CJK JP]}\n"
                                   "  ko:\n    mono: {Hang: [Noto Sans CJK KR]}\n    sans: {hangul: [Noto Sans CJK KR]}\n");
  const fs::path leaflet = small_leaflet(dir, "plain", "en", "Title", "Text.");
  const auto result = run_leafpress({"check", leaflet.string(), "--format", "brochure"}, "/");
  INFO(result.err);
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("fallback.yaml:2:3: error: expected a language code such as 'ja' or 'ur' in 'languages', got "
                        "'Japanese'") != std::string::npos);
  CHECK(result.err.find("fallback.yaml:5:5: error: unknown key 'mono' in 'languages.ko'") != std::string::npos);
  CHECK(result.err.find("fallback.yaml:6:12: error: expected an ISO 15924 script code such as 'Arab' or 'Hebr' in "
                        "'languages.ko.sans', got 'hangul'") != std::string::npos);
}

TEST_CASE("Urdu set in Nastaliq by a project's languages chain spreads its lines so that no line's ink meets the next's",
          "[fonts]") {
  // Noto Nastaliq Urdu reaches 1.9 em above the baseline and 0.6 em below; at the body's
  // pitch of 1.45 em its lines ran into each other.
  ScratchDir project;
  project.write("fonts/fallback.yaml",
                "languages:\n  ur:\n    serif: {Arab: [Noto Nastaliq Urdu]}\n    sans: {Arab: [Noto Nastaliq Urdu]}\n");
  const fs::path leaflet = project.path() / "leaflets" / "languages";
  fs::create_directories(leaflet);
  fs::copy_file(kSource / "tests/engines/languages/leaflet.yaml", leaflet / "leaflet.yaml");
  for (const std::string language : {"en", "ur"}) {
    fs::copy_file(kSource / "tests/engines/languages" / (language + ".yaml"), leaflet / (language + ".yaml"));
  }
  ScratchDir out;
  const auto build =
      run_leafpress({"build", leaflet.string(), "--lang", "ur", "--format", "brochure", "--out", out.path().string()}, "/");
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  const fs::path pdf = out.path() / "languages.ur.brochure.pdf";
  const auto fonts = pdffonts(pdf);
  CHECK(has_font(fonts, "NotoNastaliqUrdu-Regular"));
  CHECK_FALSE(has_font(fonts, "NotoNaskhArabic"));

  const auto dump = run_leafpress({"dump", leaflet.string(), "--lang", "ur", "--format", "brochure"}, "/");
  REQUIRE(dump.exit_code == 0);
  std::set<double> baselines;  // of the body's lines, in points from the top
  std::istringstream rows(dump.out);
  for (std::string row; std::getline(rows, row);) {
    std::istringstream fields(row);
    std::string kind, font;
    double x = 0, y = 0, size = 0;
    if (fields >> kind >> x >> y >> font >> size && kind == "text" && font == "NotoNastaliqUrdu-Regular") {
      baselines.insert(y);
    }
  }
  REQUIRE(baselines.size() >= 6);
  constexpr int kDpi = 150;
  const GrayImage page = render_page(pdf, 1, kDpi);
  int pairs = 0;
  for (auto it = baselines.begin(); std::next(it) != baselines.end(); ++it) {
    const double above = *it;
    const double below = *std::next(it);
    if (below - above > 40) continue;  // another paragraph
    ++pairs;
    // Between two baselines of one paragraph, a row of the page with no ink at all.
    bool blank_row = false;
    for (int row = static_cast<int>(above * kDpi / 72) + 1; row < static_cast<int>(below * kDpi / 72); ++row) {
      blank_row = blank_row || page.dark_fraction(row, row + 1) == 0;
    }
    INFO("lines at " << above << " and " << below << " pt");
    CHECK(blank_row);
  }
  CHECK(pairs >= 3);
}

TEST_CASE("a font of the font folder lacking letters is named with them, and their words are set whole in one face",
          "[fonts]") {
  // A project's Noto Serif cut down to Latin-1 has no 'ệ': "Liệu" was set with that one
  // letter in Noto Sans, silently.
  if (!have_program("hb-subset")) {
    WARN("no hb-subset (libharfbuzz-bin): the cut-down font cannot be made");
    return;
  }
  const std::string system_serif = run_process({"fc-match", "-f", "%{file}", "Noto Serif:style=Regular"}).out;
  REQUIRE(!system_serif.empty());
  ScratchDir project;
  fs::create_directories(project.path() / "fonts");
  REQUIRE(run_process({"hb-subset", "--unicodes=20-7E,A0-FF", "--output-file=" +
                           (project.path() / "fonts" / "NotoSerif-Regular.ttf").string(), system_serif})
              .exit_code == 0);
  project.write("fonts/fallback.yaml", "serif:\n  Latn: [Noto Serif]\nsans:\n  Latn: [Noto Sans]\n");
  const fs::path leaflet = small_leaflet(project, "vi", "vi", "Tiêu đề", "Liệu pháp miễn dịch");
  const auto check = run_leafpress({"check", leaflet.string(), "--format", "brochure"}, "/");
  INFO(check.err);
  CHECK(check.exit_code == 0);
  CHECK(check.err.find("vi.yaml:2:4: warning: 'Noto Serif' (NotoSerif-Regular.ttf in the font folder) has no glyph for "
                       "U+1EC7 '\u1EC7', U+1EC5 '\u1EC5', U+1ECB '\u1ECB'; they are set in 'Noto Sans'") != std::string::npos);
  const auto dump = run_leafpress({"dump", leaflet.string(), "--format", "brochure"}, "/");
  REQUIRE(dump.exit_code == 0);
  // Each word lacking a letter is one run of Noto Sans; the others stay in the project's serif.
  CHECK(dump.out.find("NotoSans-Regular 10.5 #1F2429 \"Li\u1EC7u\"") != std::string::npos);
  CHECK(dump.out.find("NotoSans-Regular 10.5 #1F2429 \"mi\u1EC5n\"") != std::string::npos);
  CHECK(dump.out.find("NotoSerif-Regular 10.5 #1F2429 \" ph\u00E1p \"") != std::string::npos);
  CHECK(dump.out.find("\"\u1EC7\"") == std::string::npos);
}

TEST_CASE("a theme names faces per language: Urdu in Nastaliq, the other languages in the theme's own", "[fonts]") {
  ScratchDir dir;
  const std::string theme = "theme:\n  fonts:\n    body: Noto Serif\n    languages:\n"
                            "      ur: {body: Noto Nastaliq Urdu, heading: Noto Nastaliq Urdu}\n";
  dir.write("leaflets/two/leaflet.yaml",
            "default_language: en\nlanguages: [en, ur]\ntitle: t\ncontent:\n  - title: t\n  - paragraph: p\n" + theme);
  dir.write("leaflets/two/en.yaml", "t: Immunotherapy\np: This leaflet explains immunotherapy.\n");
  dir.write("leaflets/two/ur.yaml", "t: \u0627\u0645\u06CC\u0648\u0646\u0648\u062A\u06BE\u0631\u0627\u067E\u06CC\n"
                                    "p: \u06CC\u06C1 \u06A9\u062A\u0627\u0628\u0686\u06C1\n");
  ScratchDir out;
  const auto result = run_leafpress(
      {"build", (dir.path() / "leaflets/two").string(), "--format", "brochure", "--out", out.path().string()}, "/");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto urdu = pdffonts(out.path() / "two.ur.brochure.pdf");
  CHECK(has_font(urdu, "NotoNastaliqUrdu-Regular"));
  CHECK(has_font(urdu, "NotoNastaliqUrdu-Bold"));
  CHECK_FALSE(has_font(urdu, "NotoNaskhArabic"));
  const auto english = pdffonts(out.path() / "two.en.brochure.pdf");
  CHECK(has_font(english, "NotoSerif-Regular"));
  CHECK_FALSE(has_font(english, "Nastaliq"));

  ScratchDir bad;
  bad.write("leaflets/bad/leaflet.yaml",
            "default_language: en\nlanguages: [en]\ntitle: t\ncontent:\n  - title: t\ntheme:\n  fonts:\n    languages:\n"
            "      Urdu: {body: Noto Nastaliq Urdu}\n      ur: {body: Noto Nastaliq, italic: Noto Sans}\n");
  bad.write("leaflets/bad/en.yaml", "t: Title\n");
  const auto check = run_leafpress({"check", (bad.path() / "leaflets/bad").string(), "--lang", "en"}, "/");
  INFO(check.err);
  CHECK(check.exit_code == 1);
  CHECK(check.err.find("leaflet.yaml:9:7: error: expected a language code such as 'ur' or 'ja' in 'fonts.languages', "
                       "got 'Urdu'") != std::string::npos);
  CHECK(check.err.find("leaflet.yaml:10:33: error: unknown key 'italic' in 'fonts.languages.ur'") != std::string::npos);
}

TEST_CASE("font programs kept in the cache folder give the same bytes as made afresh, and a damaged one is passed over",
          "[fonts]") {
  // TrueType (French, Noto Serif; Arabic, whose marks are placed composites) and CID-keyed
  // CFF (Japanese, Noto Serif CJK) programs.
  ScratchDir dir;
  dir.write("x/leaflet.yaml", "default_language: fr\ntitle: t\ncontent:\n  - paragraph: p\n  - paragraph: j\n"
                              "  - paragraph: a\n");
  dir.write("x/fr.yaml", "t: Titre\np: Une phrase française, avec des accents.\nj: 日本語の文章です。\n"
                         "a: بٌ كِتَابٌ\n");
  auto build = [&](const std::string& cache, const std::string& out) {
    const ProcessResult result = run_process({LEAFPRESS_BINARY, "build", "x", "--out", out}, dir.path().string(),
                                             {"SOURCE_DATE_EPOCH=1700000000", "LEAFPRESS_CACHE_DIR=" + cache});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return file_bytes(dir.path() / out / "x.fr.brochure.pdf");
  };
  const fs::path cache = dir.path() / "cache";
  auto entries = [&] {
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(cache)) {
      if (entry.path().filename().string().rfind("font-", 0) == 0) found.push_back(entry.path());
    }
    std::sort(found.begin(), found.end());
    return found;
  };
  const std::string uncached = build("off", "off");
  CHECK(build(cache.string(), "cold") == uncached);
  const std::vector<fs::path> kept = entries();
  CHECK(kept.size() >= 3);
  CHECK(build(cache.string(), "warm") == uncached);
  // The entries are what a warm run embeds: two of them swapped give another file.
  REQUIRE(kept.size() >= 2);
  const std::string first = file_bytes(kept[0]);
  const std::string second = file_bytes(kept[1]);
  std::ofstream(kept[0], std::ios::binary) << second;
  std::ofstream(kept[1], std::ios::binary) << first;
  CHECK(build(cache.string(), "swapped") != uncached);
  // A damaged or cut entry is passed over, and the output is the same again.
  std::ofstream(kept[0], std::ios::binary) << first.substr(0, first.size() / 2);
  std::string flipped = second;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 1);
  std::ofstream(kept[1], std::ios::binary) << flipped;
  CHECK(build(cache.string(), "damaged") == uncached);
}
