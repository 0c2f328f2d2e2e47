#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "pdf/pdf_probe.hpp"
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

ProcessResult run_leafpress(std::vector<std::string> args, const fs::path& cwd) {
  return run_in(LEAFPRESS_BINARY, std::move(args), cwd);
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
  dir.write("leaflets/numbers/ar.yaml", "t: Immunotherapy\np: PD-1\n");
  const auto result = run_leafpress({"check", (dir.path() / "leaflets/numbers").string(), "--format", "brochure"}, "/");
  INFO(result.err);
  CHECK(result.err.find("leaflet.yaml:3:12: error: no font covers U+0661 '\u0661'") != std::string::npos);
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
