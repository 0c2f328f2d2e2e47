#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

#include "support/image_fixtures.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

// Hostile input (issue "Robustness, security and speed, measured", items 3 and 4). Every
// case is generated into a scratch project and built; it must end with exactly its message,
// exit code 1 (never a crash, never 3), within a time bound, and with no file in the output
// folder. The limits are core::Limits; leaflets/README.md documents them.

namespace fs = std::filesystem;
using namespace leafpress::testing;

namespace {

const fs::path kNotoSans = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";

// The time bounds catch hangs and runaway work (a million-item list once took 85 s), not
// speed, which bench/ measures: they allow for a busy machine, and more under the sanitizers.
#ifdef LEAFPRESS_CHECKED_BUILD
constexpr double kSlowdown = 40;  // AddressSanitizer and UndefinedBehaviorSanitizer
#else
constexpr double kSlowdown = 6;
#endif

constexpr const char* kLeaflet = "default_language: fr\ntitle: t\ncontent:\n  - paragraph: p\n";
constexpr const char* kStrings = "t: Titre\np: Un paragraphe.\n";

std::string file_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// A scratch project, built from inside: leaflet x/ (leaflet.yaml, fr.yaml), an empty fonts/
/// folder, and out/ for the PDFs.
class Project {
 public:
  Project() {
    write("x/leaflet.yaml", kLeaflet);
    write("x/fr.yaml", kStrings);
    fs::create_directories(dir_.path() / "fonts");
  }

  const fs::path& root() const { return dir_.path(); }
  fs::path path(const std::string& relative) const { return dir_.path() / relative; }
  fs::path write(const std::string& relative, const std::string& content) const { return dir_.write(relative, content); }

  /// Writes `head`, then `count` copies of `repeated`, then `tail`, without holding it all.
  void write_big(const std::string& relative, const std::string& head, const std::string& repeated, std::size_t count,
                 const std::string& tail = "") const {
    std::ofstream out(path(relative), std::ios::binary);
    out << head;
    const std::size_t per_chunk = std::max<std::size_t>(1, (1 << 20) / repeated.size());
    std::string chunk;
    for (std::size_t i = 0; i < per_chunk; ++i) chunk += repeated;
    for (std::size_t done = 0; done < count; done += per_chunk) {
      out.write(chunk.data(), static_cast<std::streamsize>(repeated.size() * std::min(per_chunk, count - done)));
    }
    out << tail;
  }

  ProcessResult build(const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> args{LEAFPRESS_BINARY, "build", "x", "--out", "out", "--fonts", "fonts"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_process(args, root().string(), {"SOURCE_DATE_EPOCH=1700000000"});
  }

  std::vector<std::string> output_files() const {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(path("out"), ec)) names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  ScratchDir dir_;
};

/// What every hostile case must end with: exactly `expected` on stderr, exit code 1, within
/// `seconds` (more under the sanitizers), and nothing in the output folder.
void check_refused(const Project& project, const ProcessResult& result, const std::vector<std::string>& expected,
                   double seconds) {
  INFO(result.err);
  CHECK(lines_of(result.err) == expected);
  CHECK(result.exit_code == 1);
  CHECK(result.seconds < seconds * kSlowdown);
  CHECK(project.output_files().empty());
}

const std::string kNestingHint =
    "  hint: a leaflet needs a few levels; raise the limit with --max-nesting if this file needs more";

/// The table records of an OpenType file: tag, offset, length (OpenType "Organization of an
/// OpenType font": numTables at byte 4, 16-byte records from byte 12).
struct TableRecord {
  std::string tag;
  std::uint32_t offset;
  std::uint32_t length;
};

std::vector<TableRecord> table_records(const std::string& font) {
  const auto u32 = [&](std::size_t at) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(font[at + i]);
    return value;
  };
  const std::size_t count = (static_cast<unsigned char>(font[4]) << 8) | static_cast<unsigned char>(font[5]);
  std::vector<TableRecord> records;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t record = 12 + 16 * i;
    records.push_back({font.substr(record, 4), u32(record + 8), u32(record + 12)});
  }
  return records;
}

}  // namespace

TEST_CASE("a billion laughs: aliases are refused before yaml-cpp expands anything", "[hostile]") {
  Project project;
  // Nine anchors, each a list of nine aliases of the one before: 9^9 "lol"s once expanded.
  std::string strings = std::string(kStrings) + "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int level = 1; level <= 9; ++level) {
    const std::string previous = "*l" + std::to_string(level - 1);
    strings += "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [" + previous;
    for (int i = 1; i < 9; ++i) strings += ", " + previous;
    strings += "]\n";
  }
  project.write("x/fr.yaml", strings);
  check_refused(project, project.build(),
                {"x/fr.yaml:4:10: error: YAML aliases are not allowed in leaflet files, found '*l0'",
                 "  hint: write the value out in full; to start a string with '*', put the string in quotes"},
                5);
}

TEST_CASE("20,000 levels of nesting are refused where the limit is crossed", "[hostile]") {
  Project project;
  const std::string head = std::string(kStrings);
  SECTION("flow lists") {
    project.write_big("x/fr.yaml", head + "x: ", "[", 20000, std::string(20000, ']') + "\n");
    check_refused(project, project.build(), {"x/fr.yaml:3:67: error: maps and lists nested deeper than 64 levels", kNestingHint}, 5);
  }
  SECTION("block lists") {
    project.write_big("x/fr.yaml", head + "x:\n", "- ", 20000, "a\n");
    check_refused(project, project.build(), {"x/fr.yaml:4:127: error: maps and lists nested deeper than 64 levels", kNestingHint}, 5);
  }
  SECTION("flow maps") {
    project.write_big("x/fr.yaml", head + "x: ", "{a: ", 20000, "b" + std::string(20000, '}') + "\n");
    check_refused(project, project.build(), {"x/fr.yaml:3:256: error: maps and lists nested deeper than 64 levels", kNestingHint}, 5);
  }
  SECTION("in leaflet.yaml too, and the limit is a setting") {
    project.write_big("x/leaflet.yaml", std::string(kLeaflet) + "x: ", "[", 20000, std::string(20000, ']') + "\n");
    check_refused(project, project.build({"--max-nesting", "8"}),
                  {"x/leaflet.yaml:5:11: error: maps and lists nested deeper than 8 levels",
                   "  hint: a leaflet needs a few levels; raise the limit with --max-nesting if this file needs more"},
                  5);
  }
}

TEST_CASE("a 100 MiB string is refused: by the file size limit, or by the string limit when that is raised",
          "[hostile]") {
  Project project;
  project.write_big("x/fr.yaml", "t: Titre\np: ", "a", 100 << 20, "\n");
  const std::string file_hint =
      "  hint: leaflet files are small; raise the limit with --max-file-bytes if this one must be this big";
  check_refused(project, project.build(), {"x/fr.yaml: error: file is 100.0 MiB, over the limit of 4 MiB", file_hint}, 5);
  // Without the pre-scan, yaml-cpp took 4.5 minutes and 23 GB for this string.
  check_refused(project, project.build({"--max-file-bytes", std::to_string(200 << 20)}),
                {"x/fr.yaml:2:4: error: string longer than the limit of 64 KiB",
                 "  hint: split it into shorter strings, or raise the limit with --max-string-bytes"},
                10);
}

TEST_CASE("a 200 MiB leaflet.yaml is refused without being read", "[hostile]") {
  Project project;
  const std::string line = "# padding\n";
  const std::size_t size = std::size_t{200} << 20;
  const std::string head = kLeaflet;
  const std::size_t count = (size - head.size()) / line.size();
  project.write_big("x/leaflet.yaml", head, line, count, std::string(size - head.size() - count * line.size(), '\n'));
  REQUIRE(fs::file_size(project.path("x/leaflet.yaml")) == size);
  check_refused(project, project.build(),
                {"x/leaflet.yaml: error: file is 200 MiB, over the limit of 4 MiB",
                 "  hint: leaflet files are small; raise the limit with --max-file-bytes if this one must be this big"},
                5);
}

TEST_CASE("damaged fonts in the font folder are named with what is wrong, and never crash", "[hostile]") {
  Project project;
  const std::string noto = file_bytes(kNotoSans);
  REQUIRE(noto.size() > 100000);
  const std::string brand_theme =
      "default_language: fr\ntitle: t\ntheme:\n  fonts:\n    body: Brand Sans\n    heading: Brand Sans\n"
      "content:\n  - paragraph: p\n";
  const std::vector<std::string> unknown_brand{
      "x/leaflet.yaml:5:11: error: unknown font 'Brand Sans'",
      "  hint: install it on the system, or put its .ttf/.otf files in the fonts/ folder",
      "x/leaflet.yaml:6:14: error: unknown font 'Brand Sans'",
      "  hint: install it on the system, or put its .ttf/.otf files in the fonts/ folder"};
  const std::string replace_hint = "  hint: replace it with a complete .ttf or .otf file, or remove it";

  SECTION("not a font at all") {
    project.write("x/leaflet.yaml", brand_theme);
    project.write("fonts/Brand.ttf", "not a font at all\n");
    std::vector<std::string> expected{
        "fonts/Brand.ttf: warning: not an OpenType or TrueType font (no sfnt header); this file is ignored",
        replace_hint};
    expected.insert(expected.end(), unknown_brand.begin(), unknown_brand.end());
    check_refused(project, project.build(), expected, 5);
  }
  SECTION("truncated") {
    project.write("x/leaflet.yaml", brand_theme);
    project.write("fonts/Brand.ttf", noto.substr(0, 50000));
    // The first table, in directory order, that the cut leaves incomplete.
    const auto records = table_records(noto);
    const auto cut = std::find_if(records.begin(), records.end(),
                                  [](const TableRecord& r) { return std::uint64_t{r.offset} + r.length > 50000; });
    REQUIRE(cut != records.end());
    std::vector<std::string> expected{"fonts/Brand.ttf: warning: truncated: its '" + cut->tag + "' table ends at byte " +
                                          std::to_string(std::uint64_t{cut->offset} + cut->length) +
                                          ", past the end of the file (50000 bytes); this file is ignored",
                                      replace_hint};
    expected.insert(expected.end(), unknown_brand.begin(), unknown_brand.end());
    check_refused(project, project.build(), expected, 5);
  }
  SECTION("a damaged table the PDF never carries does not matter") {
    // A 'post' table of 0xFF bytes: FreeType and HarfBuzz open the font, shaping never
    // reads the table, and the subset drops it (a CIDFontType2 program is read by glyph id).
    std::string damaged = noto;
    const auto records = table_records(noto);
    const auto post = std::find_if(records.begin(), records.end(), [](const TableRecord& r) { return r.tag == "post"; });
    REQUIRE(post != records.end());
    std::fill_n(damaged.begin() + post->offset, post->length, '\xFF');
    project.write("fonts/Brand.ttf", damaged);
    project.write("x/leaflet.yaml",
                  "default_language: fr\ntitle: t\ntheme:\n  fonts:\n    body: Noto Sans\n    heading: Noto Sans\n"
                  "content:\n  - paragraph: p\n");
    const auto result = project.build();
    INFO(result.err);
    CHECK(result.exit_code == 0);
    CHECK(project.output_files() == std::vector<std::string>{"x.fr.brochure.pdf"});
  }
}

TEST_CASE("files that are links leading outside their folder are refused unless --allow-outside", "[hostile]") {
  Project project;
  const std::string real_root = fs::canonical(project.root()).string();
  SECTION("a strings file") {
    project.write("elsewhere/fr.yaml", kStrings);
    fs::remove(project.path("x/fr.yaml"));
    fs::create_symlink("../elsewhere/fr.yaml", project.path("x/fr.yaml"));
    check_refused(project, project.build(),
                  {"x/fr.yaml: error: a link to '" + real_root + "/elsewhere/fr.yaml', outside the leaflet folder",
                   "  hint: copy the file into the leaflet folder, or pass --allow-outside to read it there"},
                  5);
    const auto allowed = project.build({"--allow-outside"});
    INFO(allowed.err);
    CHECK(allowed.exit_code == 0);
    CHECK(project.output_files() == std::vector<std::string>{"x.fr.brochure.pdf"});
  }
  SECTION("leaflet.yaml") {
    project.write("elsewhere/leaflet.yaml", kLeaflet);
    fs::remove(project.path("x/leaflet.yaml"));
    fs::create_symlink(project.path("elsewhere/leaflet.yaml"), project.path("x/leaflet.yaml"));
    check_refused(project, project.build(),
                  {"x/leaflet.yaml: error: a link to '" + real_root + "/elsewhere/leaflet.yaml', outside the leaflet "
                   "folder",
                   "  hint: copy the file into the leaflet folder, or pass --allow-outside to read it there"},
                  5);
  }
  SECTION("a font file: the build stops before any PDF") {
    fs::create_symlink(kNotoSans, project.path("fonts/Brand.ttf"));
    check_refused(project, project.build(),
                  {"fonts/Brand.ttf: error: a link to '" + fs::canonical(kNotoSans).string() +
                       "', outside the font folder",
                   "  hint: copy the font into the font folder, or pass --allow-outside to use it there"},
                  5);
    const auto allowed = project.build({"--allow-outside"});
    INFO(allowed.err);
    CHECK(allowed.exit_code == 0);
  }
  SECTION("a link inside the folder is fine") {
    project.write("x/strings/fr.yaml", kStrings);
    fs::remove(project.path("x/fr.yaml"));
    fs::create_symlink("strings/fr.yaml", project.path("x/fr.yaml"));
    const auto result = project.build();
    INFO(result.err);
    CHECK(result.exit_code == 0);
  }
}

TEST_CASE("a leaflet that would make 10,000 pages stops at the page limit, at the block that crosses it",
          "[hostile]") {
  Project project;
  // 10,000 paragraphs of about a page each, all the same 3 KB string (the spaces between them
  // shrink where that keeps a paragraph from moving on, so a few more fit on 500 pages).
  std::string paragraph = "p: ";
  for (int i = 0; i < 40; ++i) paragraph += "Immunotherapy helps your own immune system find cancer cells and destroy them. ";
  project.write("x/fr.yaml", "t: Titre\n" + paragraph + "\n");
  project.write_big("x/leaflet.yaml", "default_language: fr\ntitle: t\ncontent:\n", "  - paragraph: p\n", 10000);
  // The text limit (4 MiB by default) raised, so that pages alone stop it.
  check_refused(project, project.build({"--max-text-bytes", "1073741824"}),
                {"x/leaflet.yaml:642:5: error: this block would start page 501, past the limit of 500 pages",
                 "  hint: split the leaflet into smaller ones, or raise the limit with --max-pages"},
                30);
  // 20 pages allow 2.5 MiB of text, which the 833rd paragraph's 3 KB crosses (30 MiB in all).
  check_refused(project, project.build({"--max-pages", "20"}),
                {"x/leaflet.yaml:29:5: error: this block would start page 21, past the limit of 20 pages",
                 "  hint: split the leaflet into smaller ones, or raise the limit with --max-pages",
                 "x/leaflet.yaml:833:16: error: the leaflet's text comes to more than 2.5 MiB here, more than 20 "
                 "pages can hold",
                 "  hint: each use of a string counts its text again; use long strings fewer times, or raise the "
                 "limit with --max-pages"},
                5);
}

TEST_CASE("a 60 KB string used 100,000 times stops at the text limit, at the use that crosses it", "[hostile]") {
  Project project;
  // 6 GB of text from 360 KB of files: it was all localized before the page limit was met.
  std::string words;
  while (words.size() < 60000) words += "immunotherapy ";
  project.write("x/fr.yaml", "t: Titre\np: " + words + "\n");
  project.write_big("x/leaflet.yaml", "default_language: fr\ntitle: t\ncontent:\n  - list: [p", ", p", 100000, "]\n");
  // Within the limit, the first uses still make more pages than allowed: both are said.
  const std::string text_hint =
      "  hint: each use of a string counts its text again; use long strings fewer times, or raise the limit with "
      "--max-pages";
  const std::string pages_hint = "  hint: split the leaflet into smaller ones, or raise the limit with --max-pages";
  // By default the 70th use (at column 12 + 3 * 69) crosses the 4 MiB of one document; the
  // uses before it already make more than 500 pages.
  check_refused(project, project.build(),
                {"x/leaflet.yaml:4:5: error: this block would start page 501, past the limit of 500 pages", pages_hint,
                 "x/leaflet.yaml:4:219: error: the leaflet's text comes to more than 4 MiB here, over the limit of "
                 "one document",
                 "  hint: each use of a string counts its text again; use long strings fewer times, or raise the "
                 "limit with --max-text-bytes"},
                10);
  // With that limit raised, the 1093rd use (at column 12 + 3 * 1092) crosses 62.5 MiB: 500
  // pages of 128 KiB.
  check_refused(project, project.build({"--max-text-bytes", "1073741824"}),
                {"x/leaflet.yaml:4:5: error: this block would start page 501, past the limit of 500 pages", pages_hint,
                 "x/leaflet.yaml:4:3288: error: the leaflet's text comes to more than 62.5 MiB here, more than 500 "
                 "pages can hold",
                 text_hint},
                10);
  check_refused(project, project.build({"--max-pages", "20"}),
                {"x/leaflet.yaml:4:5: error: this block would start page 21, past the limit of 20 pages", pages_hint,
                 "x/leaflet.yaml:4:141: error: the leaflet's text comes to more than 2.5 MiB here, more than 20 pages "
                 "can hold",
                 text_hint},
                5);
}

namespace {

/// A leaflet x/ in French and English that takes a while to build: 10,000 short paragraphs,
/// a few hundred pages per language, under the page limit.
void write_long_leaflet(const Project& project) {
  project.write("x/fr.yaml", "t: Titre\np: Un paragraphe court, mais il y en a dix mille.\n");
  project.write("x/en.yaml", "t: Title\np: A short paragraph, but there are ten thousand of them.\n");
  project.write_big("x/leaflet.yaml", "default_language: fr\nlanguages: [fr, en]\ntitle: t\ncontent:\n",
                    "  - paragraph: p\n", 10000);
}

/// Builds a French leaflet x/ of 2,000 paragraphs, then changes its translation so that the
/// next build writes the PDF anew; returns the PDF the first build wrote.
std::string build_then_change_translation(const Project& project) {
  write_long_leaflet(project);
  project.write_big("x/leaflet.yaml", "default_language: fr\nlanguages: [fr]\ntitle: t\ncontent:\n",
                    "  - paragraph: p\n", 2000);
  REQUIRE(project.build().exit_code == 0);
  std::string earlier = file_bytes(project.path("out/x.fr.brochure.pdf"));
  project.write("x/fr.yaml", "t: Titre\np: Un paragraphe court, changé, mais il y en a deux mille.\n");
  return earlier;
}

/// The temporary files write_file_atomically makes beside out/x.<lang>.brochure.pdf.
std::vector<std::string> temporaries(const Project& project) {
  std::vector<std::string> names;
  for (const std::string& name : project.output_files()) {
    if (name.rfind(".x.", 0) == 0) names.push_back(name);
  }
  return names;
}

bool wait_for(const std::function<bool()>& condition, double seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

ino_t inode_of(const fs::path& file) {
  struct stat info {};
  return ::stat(file.c_str(), &info) == 0 ? info.st_ino : 0;
}

}  // namespace

TEST_CASE("a build killed mid-way leaves the earlier PDF byte for byte and no temporary file", "[hostile][kill]") {
  Project project;
  write_long_leaflet(project);
  REQUIRE(project.build().exit_code == 0);
  const std::string earlier_fr = file_bytes(project.path("out/x.fr.brochure.pdf"));
  const std::string earlier_en = file_bytes(project.path("out/x.en.brochure.pdf"));
  const ino_t earlier_fr_inode = inode_of(project.path("out/x.fr.brochure.pdf"));

  // Change the words, so a new PDF would differ; then kill the build once French is renamed
  // into place (a new inode), while English is being set. One job at a time, so that English
  // starts only after French: two at once, English could finish first on a busy machine.
  project.write("x/en.yaml", "t: Title\np: A short paragraph, changed, and there are ten thousand of them.\n");
  RunningProcess build = start_process({LEAFPRESS_BINARY, "build", "x", "--out", "out", "--fonts", "fonts", "-j", "1"},
                                       {project.root().string(), {"SOURCE_DATE_EPOCH=1700000000"}, std::nullopt});
  const bool french_written =
      wait_for([&] { return inode_of(project.path("out/x.fr.brochure.pdf")) != earlier_fr_inode || !is_running(build); },
               60 * kSlowdown);
  const bool still_running = is_running(build);
  send_signal(build, SIGKILL);
  const ProcessResult killed = finish_process(build);
  REQUIRE(french_written);
  REQUIRE(still_running);  // else the kill came too late to mean anything
  CHECK(killed.exit_code == 128 + SIGKILL);

  CHECK(file_bytes(project.path("out/x.en.brochure.pdf")) == earlier_en);
  CHECK(file_bytes(project.path("out/x.fr.brochure.pdf")) == earlier_fr);  // same words, same bytes
  CHECK(temporaries(project).empty());
}

TEST_CASE("a build killed while writing its PDF leaves a temporary file that the next build removes",
          "[hostile][kill]") {
  // A SIGKILL lands between mkstemp and rename only by luck: that window is a single write.
  // A file size limit kills the process inside that write every time (SIGXFSZ, whose default
  // action ends the process at once, like SIGKILL: no destructor, no unlink runs). The
  // temporary file stays behind, and it is the next build of the same PDF that removes it.
  Project project;
  const std::string earlier = build_then_change_translation(project);
  REQUIRE(earlier.size() > 32 * 1024);
  RunningProcess build = start_process({LEAFPRESS_BINARY, "build", "x", "--out", "out", "--fonts", "fonts"},
                                       {project.root().string(), {"SOURCE_DATE_EPOCH=1700000000"}, 16 * 1024});
  const ProcessResult killed = finish_process(build);
  INFO(killed.err);
  CHECK(killed.exit_code == 128 + SIGXFSZ);
  CHECK(file_bytes(project.path("out/x.fr.brochure.pdf")) == earlier);
  const auto left = temporaries(project);
  REQUIRE(left.size() == 1);
  CHECK(left[0].rfind(".x.fr.brochure.pdf.", 0) == 0);
  CHECK(fs::file_size(project.path("out/" + left[0])) == 16 * 1024);

  const auto next = project.build();
  INFO(next.err);
  CHECK(next.exit_code == 0);
  CHECK(temporaries(project).empty());
  CHECK(file_bytes(project.path("out/x.fr.brochure.pdf")) != earlier);
}

namespace {

/// A leaflet x/ whose one figure shows `path`: the path's value is at 5:13 of leaflet.yaml.
void write_figure_leaflet(const Project& project, const std::string& path) {
  project.write("x/leaflet.yaml", "default_language: fr\ntitle: t\ncontent:\n  - paragraph: p\n  - figure: " + path +
                                      "\n    alt: a\n    width: 20mm\n");
  project.write("x/fr.yaml", std::string(kStrings) + "a: Un dessin.\n");
}

leafpress::testing::Rgba stripes(unsigned x, unsigned) {
  const auto v = static_cast<unsigned char>(x % 2 ? 40 : 220);
  return {v, 90, 160, 255};
}

const std::string kExportAgain = "  hint: export the picture again from the program that made it";

/// Where the first chunk of `type` starts and how long its data is.
std::pair<std::size_t, std::size_t> chunk_of(const std::string& png, const std::string& type) {
  std::size_t at = 8;
  for (;;) {
    std::size_t length = 0;
    for (std::size_t i = 0; i < 4; ++i) length = (length << 8) | static_cast<unsigned char>(png[at + i]);
    if (png.compare(at + 4, 4, type) == 0) return {at, length};
    at += 12 + length;
  }
}

}  // namespace

TEST_CASE("figures whose pictures are missing, not pictures, truncated or damaged are refused with what is wrong",
          "[hostile][images]") {
  Project project;
  const std::string png = leafpress::testing::make_png(400, 300, stripes);
  SECTION("missing") {
    write_figure_leaflet(project, "images/missing.png");
    check_refused(project, project.build(),
                  {"x/leaflet.yaml:5:13: error: no image 'images/missing.png' in the leaflet folder",
                   "  hint: the path is relative to the folder of leaflet.yaml"},
                  5);
  }
  SECTION("not a picture") {
    write_figure_leaflet(project, "images/notes.png");
    project.write("x/images/notes.png", "These are notes, not a picture.\n");
    check_refused(project, project.build(),
                  {"x/leaflet.yaml:5:13: error: image 'images/notes.png' is not a PNG or JPEG picture",
                   "  hint: leafpress places PNG and JPEG pictures; export it as one of them"},
                  5);
    project.write("x/images/notes.png", std::string("GIF89a\x02\x00\x02\x00", 10));
    check_refused(project, project.build(),
                  {"x/leaflet.yaml:5:13: error: image 'images/notes.png' is not a PNG or JPEG picture: it is a GIF "
                   "image",
                   "  hint: leafpress places PNG and JPEG pictures; export it as one of them"},
                  5);
  }
  SECTION("a truncated PNG") {
    write_figure_leaflet(project, "images/cut.png");
    const auto [idat, length] = chunk_of(png, "IDAT");
    project.write("x/images/cut.png", png.substr(0, idat + 20));
    check_refused(project, project.build(),
                  {"x/leaflet.yaml:5:13: error: image 'images/cut.png' is truncated: its 'IDAT' chunk ends at byte " +
                       std::to_string(idat + 12 + length) + ", past the end of the file (" + std::to_string(idat + 20) +
                       " bytes)",
                   kExportAgain},
                  5);
  }
  SECTION("a PNG whose data does not match its checksum") {
    write_figure_leaflet(project, "images/damaged.png");
    const auto [idat, length] = chunk_of(png, "IDAT");
    std::string damaged = png;
    damaged[idat + 8 + length / 2] ^= '\x55';
    project.write("x/images/damaged.png", damaged);
    check_refused(project, project.build(),
                  {"x/leaflet.yaml:5:13: error: image 'images/damaged.png' is damaged: the 'IDAT' chunk at byte " +
                       std::to_string(idat) + " does not match its checksum",
                   kExportAgain},
                  5);
  }
  SECTION("a truncated JPEG, whatever its name says") {
    write_figure_leaflet(project, "images/photo.png");
    const std::string jpeg = leafpress::testing::make_jpeg(400, 300, 90, stripes);
    project.write("x/images/photo.png", jpeg.substr(0, 2000));
    check_refused(project, project.build(),
                  {"x/leaflet.yaml:5:13: error: image 'images/photo.png' is truncated: the file ends after 2000 bytes, "
                   "before the picture is complete",
                   kExportAgain},
                  5);
  }
}

TEST_CASE("a PNG declaring 100,000 x 100,000 pixels is refused from its header, before any memory is taken",
          "[hostile][images]") {
  Project project;
  write_figure_leaflet(project, "images/huge.png");
  // A few hundred bytes whose header promises 10 billion pixels: 30 GB once decoded.
  project.write("x/images/huge.png",
                leafpress::testing::with_png_size(leafpress::testing::make_png(8, 8, stripes), 100000, 100000));
  const std::string hint =
      "  hint: a full A4 page at 600 ppi is 35 million pixels; scale the picture down, or raise the limit with "
      "--max-image-pixels";
  check_refused(project, project.build(),
                {"x/leaflet.yaml:5:13: error: image 'images/huge.png' is 100,000 x 100,000 pixels (10,000,000,000), "
                 "over the limit of 40,000,000",
                 hint},
                5);
  // The limit is a setting, and a picture within the default is refused under a lower one.
  project.write("x/images/huge.png", leafpress::testing::make_png(400, 300, stripes));
  check_refused(project, project.build({"--max-image-pixels", "100000"}),
                {"x/leaflet.yaml:5:13: error: image 'images/huge.png' is 400 x 300 pixels (120,000), over the limit of "
                 "100,000",
                 hint},
                5);
  const auto fits = project.build({"--max-image-pixels", "120000"});
  INFO(fits.err);
  CHECK(fits.exit_code == 0);
}

TEST_CASE("a figure's path leading outside the leaflet folder is refused unless --allow-outside", "[hostile][images]") {
  Project project;
  const std::string png = leafpress::testing::make_png(400, 300, stripes);
  const std::string hint = "  hint: copy the picture into the leaflet folder, or pass --allow-outside to read it there";
  project.write("elsewhere/a.png", png);
  SECTION("through '..', whether the file is there or not") {
    write_figure_leaflet(project, "../elsewhere/a.png");
    check_refused(project, project.build(),
                  {"x/leaflet.yaml:5:13: error: image '../elsewhere/a.png' is outside the leaflet folder", hint}, 5);
    write_figure_leaflet(project, "../elsewhere/nothing.png");
    check_refused(project, project.build(),
                  {"x/leaflet.yaml:5:13: error: image '../elsewhere/nothing.png' is outside the leaflet folder", hint},
                  5);
    write_figure_leaflet(project, "../elsewhere/a.png");
    const auto allowed = project.build({"--allow-outside"});
    INFO(allowed.err);
    CHECK(allowed.exit_code == 0);
    CHECK(project.output_files() == std::vector<std::string>{"x.fr.brochure.pdf"});
  }
  SECTION("an absolute path") {
    write_figure_leaflet(project, project.path("elsewhere/a.png").string());
    check_refused(project, project.build(),
                  {"x/leaflet.yaml:5:13: error: image '" + project.path("elsewhere/a.png").string() +
                       "' is outside the leaflet folder",
                   hint},
                  5);
  }
  SECTION("through a link") {
    write_figure_leaflet(project, "images/a.png");
    fs::create_directories(project.path("x/images"));
    fs::create_symlink("../../elsewhere/a.png", project.path("x/images/a.png"));
    check_refused(project, project.build(),
                  {"x/leaflet.yaml:5:13: error: image 'images/a.png' is outside the leaflet folder ('" +
                       fs::canonical(project.path("elsewhere/a.png")).string() + "')",
                   hint},
                  5);
  }
}

TEST_CASE("an output that cannot be written is exit code 4, leaving the earlier PDF and no temporary file",
          "[hostile][output]") {
  Project project;
  const std::string earlier = build_then_change_translation(project);
  // A full disk: with SIGXFSZ ignored (an ignored signal stays ignored across exec), a write
  // past the file size limit fails with EFBIG, as one past the disk's end fails with ENOSPC.
  const auto previous = ::signal(SIGXFSZ, SIG_IGN);
  RunningProcess build = start_process({LEAFPRESS_BINARY, "build", "x", "--out", "out", "--fonts", "fonts"},
                                       {project.root().string(), {"SOURCE_DATE_EPOCH=1700000000"}, 16 * 1024});
  ::signal(SIGXFSZ, previous);
  const ProcessResult full = finish_process(build);
  INFO(full.err);
  CHECK(full.exit_code == 4);
  CHECK(full.err.find("cannot write 'out/x.fr.brochure.pdf': write: File too large") != std::string::npos);
  CHECK(file_bytes(project.path("out/x.fr.brochure.pdf")) == earlier);
  CHECK(temporaries(project).empty());

  // An output folder that cannot be made is exit code 4 too.
  project.write("not-a-folder", "");
  const auto no_folder = run_process({LEAFPRESS_BINARY, "build", "x", "--out", "not-a-folder/out"},
                                     project.root().string());
  CHECK(no_folder.exit_code == 4);
  CHECK(no_folder.err.starts_with("leafpress: cannot create output folder 'not-a-folder/out'"));
}

TEST_CASE("a PDF and its press file are replaced together or not at all", "[hostile][output]") {
  Project project;
  project.write("x/leaflet.yaml", std::string(kLeaflet) + "print:\n  bleed: 3mm\n");
  REQUIRE(project.build().exit_code == 0);
  const std::string earlier = file_bytes(project.path("out/x.fr.brochure.pdf"));
  REQUIRE(fs::exists(project.path("out/x.fr.brochure.print.pdf")));
  // The press file cannot replace what is now a folder: the new PDF must not go in either.
  fs::remove(project.path("out/x.fr.brochure.print.pdf"));
  fs::create_directories(project.path("out/x.fr.brochure.print.pdf/in-the-way"));
  project.write("x/fr.yaml", std::string(kStrings) + "extra: Une phrase de plus.\n");
  project.write("x/leaflet.yaml", std::string(kLeaflet) + "  - paragraph: extra\nprint:\n  bleed: 3mm\n");
  const auto result = project.build();
  INFO(result.err);
  CHECK(result.exit_code == 4);
  CHECK(result.out.find("0 PDFs written") != std::string::npos);
  CHECK(file_bytes(project.path("out/x.fr.brochure.pdf")) == earlier);
  CHECK(temporaries(project).empty());
}

TEST_CASE("SIGTERM and SIGINT while a PDF is written remove its temporary file", "[hostile][output]") {
  Project project;
  write_long_leaflet(project);
  project.write_big("x/leaflet.yaml", "default_language: fr\nlanguages: [fr, en]\ntitle: t\ncontent:\n",
                    "  - paragraph: p\n", 4000);
  // The signal must land while a temporary file exists: watch for one and signal at once. A
  // try that finds none (the write was too quick) says nothing and is repeated.
  std::size_t caught = 0;
  for (int attempt = 0; attempt < 6 && caught < 2; ++attempt) {
    const int signal = attempt % 2 == 0 ? SIGTERM : SIGINT;
    fs::remove_all(project.path("out"));
    RunningProcess build = start_process({LEAFPRESS_BINARY, "build", "x", "--out", "out", "--fonts", "fonts", "-j", "1"},
                                         {project.root().string(), {"SOURCE_DATE_EPOCH=1700000000"}});
    bool seen = false;
    while (is_running(build) && !seen) seen = !temporaries(project).empty();
    if (seen) send_signal(build, signal);
    const ProcessResult ended = finish_process(build);
    if (!seen || ended.exit_code != 128 + signal) continue;
    ++caught;
    INFO("signal " << signal);
    CHECK(temporaries(project).empty());
  }
  WARN("signals caught while a temporary file existed: " << caught << " of up to 2");
}

TEST_CASE("hyphenation dictionaries follow the font folder's rules: a size limit, no links out", "[hostile]") {
  Project project;
  fs::create_directories(project.path("fonts/hyphenation"));
  // 20 MB of patterns took libhyphen 119 s: over 4 MiB a dictionary is not read.
  project.write_big("fonts/hyphenation/hyph_fr.dic", "UTF-8\n", "abcdefgh1ij\n", 500000, "");
  project.write("elsewhere/hyph_en.dic", "UTF-8\n1ba\n");
  fs::create_symlink(project.path("elsewhere/hyph_en.dic"), project.path("fonts/hyphenation/hyph_en.dic"));
  const auto result = project.build();
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.seconds < 30);
  CHECK(result.err.find("fonts/hyphenation/hyph_fr.dic: warning: hyphenation dictionary of 5.7 MiB, over the limit of "
                        "4 MiB; this file is ignored") != std::string::npos);
  CHECK(result.err.find("fonts/hyphenation/hyph_en.dic: warning: a link to '" +
                        fs::weakly_canonical(project.path("elsewhere/hyph_en.dic")).string() +
                        "', outside the font folder; this file is ignored") != std::string::npos);
}
