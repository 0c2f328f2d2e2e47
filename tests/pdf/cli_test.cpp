#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "pdf/pdf_probe.hpp"
#include "pdf/run_leafpress.hpp"
#include "support/process.hpp"
#include "support/scoped_env.hpp"
#include "support/scratch_dir.hpp"

// The command line as a user and a CI pipeline meet it: exit codes, what is written where,
// and what happens to earlier output when the input breaks.

namespace fs = std::filesystem;
using namespace leafpress::testing;

namespace {

const fs::path kSource = LEAFPRESS_SOURCE_DIR;
const fs::path kLeaflet = kSource / "leaflets" / "immunotherapy";


std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

/// A copy of the shipped leaflet at `dir/name`, to break at will.
fs::path copy_leaflet(const ScratchDir& dir, const std::string& name) {
  const fs::path copy = dir.path() / name;
  fs::copy(kLeaflet, copy, fs::copy_options::recursive);
  return copy;
}

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

void append(const fs::path& file, const std::string& text) {
  std::string content = file_bytes(file) + text;
  std::ofstream(file, std::ios::binary) << content;
}

}  // namespace

TEST_CASE("version and help answer and exit 0", "[cli]") {
  const auto version = run_leafpress({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.rfind("leafpress ", 0) == 0);

  const auto help = run_leafpress({"--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("leafpress build [LEAFLET_DIR...]") != std::string::npos);
  CHECK(help.out.find("leafpress check LEAFLET_DIR...") != std::string::npos);
}

TEST_CASE("usage errors exit 2 and say what was wrong", "[cli]") {
  const auto unknown = run_leafpress({"frobnicate"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("frobnicate") != std::string::npos);

  const auto no_value = run_leafpress({"build", "--lang"});
  CHECK(no_value.exit_code == 2);
  CHECK(no_value.err.find("--lang") != std::string::npos);

  const auto unknown_option = run_leafpress({"build", "--colour"});
  CHECK(unknown_option.exit_code == 2);
  CHECK(unknown_option.err.find("--colour") != std::string::npos);

  const auto bad_limit = run_leafpress({"build", "--max-pages", "0"});
  CHECK(bad_limit.exit_code == 2);
  CHECK(first_line(bad_limit.err) == "leafpress: --max-pages needs a whole number of at least 1, got '0'");
  CHECK(run_leafpress({"check", kLeaflet.string(), "--max-file-bytes", "4MB"}).exit_code == 2);
  CHECK(first_line(run_leafpress({"check", kLeaflet.string(), "--max-image-pixels", "-1"}).err) ==
        "leafpress: --max-image-pixels needs a whole number of at least 1, got '-1'");
}

TEST_CASE("the limits are on the command line, with their defaults in --help", "[cli]") {
  const auto help = run_leafpress({"--help"});
  for (const char* line : {"  --max-pages N           pages of one PDF (default: 500)",
                           "  --max-file-bytes N      size of one YAML file (default: 4194304, 4 MiB)",
                           "  --max-string-bytes N    bytes one string takes in its file (default: 65536, 64 KiB)",
                           "  --max-nesting N         maps and lists inside each other in a YAML file (default: 64)",
                           "  --max-image-pixels N    width x height of one figure's picture (default: 40000000)",
                           "  --max-decoded-pixels N  pixels of all the pictures of a leaflet (default: 100000000)",
                           "  --max-text-bytes N      text of one document, each use of a string counted (default: 4194304,",
                           "  --allow-outside         read files that are symlinks leading outside the leaflet's folder or the"}) {
    CHECK(help.out.find(line) != std::string::npos);
  }
  // The shipped leaflet fits well inside every default, and inside tighter limits too.
  ScratchDir out;
  const auto tight = run_leafpress({"build", kLeaflet.string(), "--lang", "en", "--out", out.path().string(),
                                    "--max-pages", "8", "--max-file-bytes", "65536", "--max-string-bytes", "4096",
                                    "--max-nesting", "8", "--max-image-pixels", "700000"});
  INFO(tight.err);
  CHECK(tight.exit_code == 0);
}

TEST_CASE("each option is accepted by the commands it serves only, its value after a space or '='", "[cli]") {
  const std::string leaflet = kLeaflet.string();
  struct Refusal {
    std::vector<std::string> args;
    std::string error;
  };
  for (const Refusal& refusal : std::vector<Refusal>{
           {{"check", leaflet, "--out", "x"}, "leafpress: --out applies to build and strings export only"},
           {{"check", leaflet, "--print"}, "leafpress: --print applies to build only"},
           {{"dump", leaflet, "--watch"}, "leafpress: --watch applies to build only"},
           {{"strings", "status", "--fonts", "fonts"}, "leafpress: --fonts applies to build, check and dump only"},
           {{"strings", "import", "x.po", "--lang", "de"},
            "leafpress: --lang applies to build, check, dump, strings export, strings status, strings "
            "mark-current and new only"},
           {{"build", "--into", "x"}, "leafpress: --into applies to strings import only"},
           {{"check", leaflet, "--strict=yes"}, "leafpress: --strict takes no value"},
           {{"check", leaflet, "--lang="}, "leafpress: --lang needs a value"},
           {{"check", leaflet, "--colour"}, "leafpress: unknown option '--colour'"},
       }) {
    const auto result = run_leafpress(refusal.args);
    INFO(result.err);
    CHECK(result.exit_code == 2);
    CHECK(first_line(result.err) == refusal.error);
  }
  const auto attached = run_leafpress({"check", leaflet, "--lang=en", "--format=trifold", "--max-pages=8", "-j", "1",
                                       "--diagnostics=json"});
  INFO(attached.err);
  CHECK(attached.exit_code == 0);
  CHECK(attached.out.find("\"format\": \"trifold\"") != std::string::npos);
  CHECK(attached.out.find("\"format\": \"brochure\"") == std::string::npos);
}

TEST_CASE("check validates and writes nothing", "[cli]") {
  ScratchDir cwd;
  const auto result = run_leafpress({"check", kLeaflet.string()}, cwd.path());
  CHECK(result.exit_code == 0);
  CHECK(names_in(cwd.path()).empty());
}

TEST_CASE("a language list builds only the languages asked for", "[cli]") {
  ScratchDir out;
  const auto result = run_leafpress({"build", kLeaflet.string(), "--lang", "en", "--out", out.path().string()});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(names_in(out.path()) == std::vector<std::string>{"immunotherapy.en.booklet.pdf", "immunotherapy.en.brochure.pdf",
                                                         "immunotherapy.en.trifold.pdf"});
}

TEST_CASE("asking for a language the leaflet does not define is an error", "[cli]") {
  ScratchDir out;
  const auto result = run_leafpress({"build", kLeaflet.string(), "--lang", "xx", "--out", out.path().string()});
  CHECK(result.exit_code == 1);
  CHECK(first_line(result.err).find("leaflet.yaml") != std::string::npos);
  CHECK(first_line(result.err).find("error: the leaflet has no language 'xx'") != std::string::npos);
  CHECK(names_in(out.path()).empty());
}

TEST_CASE("broken strings keep the earlier PDF intact and leave no partial file", "[cli]") {
  ScratchDir dir;
  const fs::path leaflet = copy_leaflet(dir, "immunotherapy");
  const fs::path out = dir.path() / "out";
  REQUIRE(run_leafpress({"build", leaflet.string(), "--out", out.string()}).exit_code == 0);
  const std::string before = file_bytes(out / "immunotherapy.fr.brochure.pdf");

  append(leaflet / "fr.yaml", "broken: [unclosed\n");
  const auto result = run_leafpress({"build", leaflet.string(), "--out", out.string()});
  CHECK(result.exit_code == 1);
  CHECK(first_line(result.err).find("fr.yaml:") != std::string::npos);
  CHECK(first_line(result.err).find(": error: malformed YAML") != std::string::npos);
  CHECK(file_bytes(out / "immunotherapy.fr.brochure.pdf") == before);
  for (const auto& name : names_in(out)) CHECK(name.rfind("immunotherapy.", 0) == 0);  // no temporary files
}

TEST_CASE("one broken leaflet does not stop the others", "[cli]") {
  ScratchDir dir;
  const fs::path good = copy_leaflet(dir, "good");
  const fs::path bad = copy_leaflet(dir, "bad");
  append(bad / "leaflet.yaml", "  - frobnicate: what.p1\n");
  const fs::path out = dir.path() / "out";
  const auto result = run_leafpress({"build", bad.string(), good.string(), "--lang", "en", "--out", out.string()});
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("bad/leaflet.yaml:") != std::string::npos);
  CHECK(result.err.find("unknown block kind 'frobnicate'") != std::string::npos);
  CHECK(names_in(out) == std::vector<std::string>{"good.en.booklet.pdf", "good.en.brochure.pdf", "good.en.trifold.pdf"});
}

namespace {

/// A copy of the shipped leaflet with one string nobody uses: a warning, not an error.
fs::path leaflet_with_unused_string(const ScratchDir& dir) {
  const fs::path leaflet = copy_leaflet(dir, "immunotherapy");
  append(leaflet / "en.yaml", "leftover: An old sentence nobody uses.\n");
  return leaflet;
}

/// "en.yaml:<line>:11" (its value) for the string leaflet_with_unused_string added.
std::string leftover_place(const fs::path& leaflet) {
  const std::string text = file_bytes(leaflet / "en.yaml");
  return "en.yaml:" + std::to_string(std::count(text.begin(), text.end(), '\n')) + ":11";
}

}  // namespace

TEST_CASE("a string no block uses is a warning at its place", "[cli]") {
  ScratchDir dir;
  const fs::path leaflet = leaflet_with_unused_string(dir);
  const auto result = run_leafpress({"check", leaflet.string()});
  CHECK(result.exit_code == 0);
  CHECK(result.err.find(leftover_place(leaflet) + ": warning: string 'leftover' is not used by the leaflet\n"
                        "  hint: remove it from ") != std::string::npos);
}

TEST_CASE("strict mode turns warnings into errors and writes nothing for them", "[cli]") {
  ScratchDir dir;
  const fs::path leaflet = leaflet_with_unused_string(dir);
  const fs::path out = dir.path() / "out";
  const auto result = run_leafpress({"build", leaflet.string(), "--strict", "--out", out.string()});
  CHECK(result.exit_code == 1);
  CHECK(result.err.find(leftover_place(leaflet) + ": error: string 'leftover' is not used by the leaflet") !=
        std::string::npos);
  CHECK(names_in(out).empty());
}

TEST_CASE("parallel builds write the same bytes as one job, and report in a stable order", "[cli]") {
  ScratchDir one, two;
  const auto serial = run_leafpress({"build", kLeaflet.string(), "-j", "1", "--out", one.path().string()});
  const auto parallel = run_leafpress({"build", kLeaflet.string(), "-j", "2", "--out", two.path().string()});
  REQUIRE(serial.exit_code == 0);
  REQUIRE(parallel.exit_code == 0);
  REQUIRE(names_in(one.path()) == names_in(two.path()));
  CHECK(names_in(one.path()).size() == 12);  // 4 languages x 3 formats
  for (const auto& name : names_in(one.path())) {
    CHECK(file_bytes(one.path() / name) == file_bytes(two.path() / name));
  }
  // The summary lists the files in the leaflet's language order, with no progress line
  // (standard error is not a terminal here).
  const auto fr = parallel.out.find("immunotherapy.fr.brochure.pdf");
  const auto ar = parallel.out.find("immunotherapy.ar.brochure.pdf");
  CHECK(fr < ar);
  CHECK(parallel.out.find("12 PDFs written, 0 errors, 0 warnings") != std::string::npos);
  CHECK(parallel.err.find('\r') == std::string::npos);
  CHECK(run_leafpress({"build", "-j", "0"}).exit_code == 2);
}

TEST_CASE("previews are PNG thumbnails of every page, and say what drew them", "[cli]") {
  ScratchDir out;
  const auto result =
      run_leafpress({"build", kLeaflet.string(), "--lang", "en", "--format", "brochure", "--preview", "--out",
                     out.path().string()});
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find("6 PNG previews rendered by pdftoppm\n") != std::string::npos);
  for (int page = 1; page <= 6; ++page) {
    const std::string png = file_bytes(out.path() / ("immunotherapy.en.brochure-" + std::to_string(page) + ".png"));
    REQUIRE(png.size() > 1000);
    CHECK(png.compare(0, 8, "\x89PNG\r\n\x1A\n") == 0);
    // IHDR width, big-endian, at byte 16.
    const auto width = (static_cast<unsigned char>(png[18]) << 8) | static_cast<unsigned char>(png[19]);
    CHECK(width == 400);
  }

  ScratchDir none;
  const auto without = run_process(
      {LEAFPRESS_BINARY, "build", kLeaflet.string(), "--lang", "en", "--format", "brochure", "--preview", "--out",
       none.path().string()},
      kSource.string(), {"PATH=/nonexistent"});
  CHECK(without.exit_code == 0);
  CHECK(without.err.find("leafpress: warning: --preview: no PNG previews are made\n"
                         "  hint: install poppler-utils (pdftoppm) or mupdf-tools (mutool)") != std::string::npos);
  CHECK(names_in(none.path()) == std::vector<std::string>{"immunotherapy.en.brochure.pdf"});
}

namespace {

/// The file's text, or nothing while it does not exist yet.
std::string text_if_any(const fs::path& file) { return fs::exists(file) ? file_bytes(file) : std::string(); }

/// The file's inode: a PDF rewritten atomically gets a new one.
ino_t inode_of(const fs::path& file) {
  struct stat info {};
  return ::stat(file.c_str(), &info) == 0 ? info.st_ino : 0;
}

}  // namespace

TEST_CASE("watch rebuilds only the language whose strings changed", "[cli][watch]") {
  ScratchDir dir;
  const fs::path leaflet = copy_leaflet(dir, "immunotherapy");
  const fs::path out = dir.path() / "out";
  BackgroundProcess watcher({LEAFPRESS_BINARY, "build", leaflet.string(), "--watch", "-j", "1", "--out", out.string()},
                            kSource.string(), (dir.path() / "watch.out").string(), (dir.path() / "watch.err").string());
  REQUIRE(wait_until([&] { return text_if_any(dir.path() / "watch.err").find("watching") != std::string::npos; }, 60));
  const std::vector<std::string> languages = {"fr", "en", "es", "ar"};
  std::map<std::string, ino_t> before;
  for (const auto& language : languages) before[language] = inode_of(out / ("immunotherapy." + language + ".brochure.pdf"));

  // Saved the way editors do: a new file renamed over the old one.
  const std::string en = file_bytes(leaflet / "en.yaml");
  std::ofstream(leaflet / "en.yaml.new", std::ios::binary)
      << replace_once(en, "Has your doctor mentioned", "Has your doctor ever mentioned");
  fs::rename(leaflet / "en.yaml.new", leaflet / "en.yaml");

  // Its three formats are rebuilt, nothing else.
  const fs::path en_pdf = out / "immunotherapy.en.brochure.pdf";
  REQUIRE(wait_until([&] { return inode_of(en_pdf) != before["en"]; }, 30));
  REQUIRE(wait_until([&] { return text_if_any(dir.path() / "watch.out").find("3 PDFs written") != std::string::npos; }, 30));
  CHECK(pdftotext(en_pdf).find("ever mentioned") != std::string::npos);
  for (const auto& language : {"fr", "es", "ar"}) {
    INFO(language);
    CHECK(inode_of(out / ("immunotherapy." + std::string(language) + ".brochure.pdf")) == before[language]);
  }

  // The structure changes every language.
  const ino_t fr_before = inode_of(out / "immunotherapy.fr.brochure.pdf");
  append(leaflet / "leaflet.yaml", "\n");
  CHECK(wait_until([&] { return inode_of(out / "immunotherapy.fr.brochure.pdf") != fr_before; }, 30));

  // So does a picture, in its images/ folder (once that rebuild is over: the first build and
  // this one each write 12 PDFs).
  const auto rebuilt_all = [&] {
    const std::string report = text_if_any(dir.path() / "watch.out");
    const auto first = report.find("12 PDFs written");
    return first != std::string::npos && report.find("12 PDFs written", first + 1) != std::string::npos;
  };
  REQUIRE(wait_until(rebuilt_all, 30));
  const ino_t ar_before = inode_of(out / "immunotherapy.ar.booklet.pdf");
  const std::string picture = file_bytes(leaflet / "images" / "checkpoint.png");
  std::ofstream(leaflet / "images" / "checkpoint.png.new", std::ios::binary) << picture;
  fs::rename(leaflet / "images" / "checkpoint.png.new", leaflet / "images" / "checkpoint.png");
  CHECK(wait_until([&] { return inode_of(out / "immunotherapy.ar.booklet.pdf") != ar_before; }, 30));
  CHECK(watcher.stop() == 128 + 15);
}

TEST_CASE("watch ignores its own outputs in the leaflet folder and follows a folder that is recreated",
          "[cli][watch]") {
  ScratchDir dir;
  const fs::path leaflet = copy_leaflet(dir, "immunotherapy");
  // PDFs and previews written into the leaflet's own folder: they must not start a rebuild.
  BackgroundProcess watcher({LEAFPRESS_BINARY, "build", leaflet.string(), "--watch", "--lang", "en", "--format",
                             "brochure", "--preview", "--out", leaflet.string()},
                            kSource.string(), (dir.path() / "watch.out").string(), (dir.path() / "watch.err").string());
  REQUIRE(wait_until([&] { return text_if_any(dir.path() / "watch.err").find("watching") != std::string::npos; }, 60));
  const auto builds = [&] {
    const std::string report = text_if_any(dir.path() / "watch.out");
    std::size_t count = 0;
    for (auto at = report.find(" written, "); at != std::string::npos; at = report.find(" written, ", at + 1)) ++count;
    return count;
  };
  std::this_thread::sleep_for(std::chrono::seconds(2));
  CHECK(builds() == 1);
  CHECK(fs::exists(leaflet / "immunotherapy.en.brochure-1.png"));

  // The folder deleted and made again, as a checkout or a sync tool does: watched again.
  const std::string en = file_bytes(leaflet / "en.yaml");
  const fs::path saved = dir.path() / "saved";
  fs::copy(leaflet, saved, fs::copy_options::recursive);
  fs::remove_all(leaflet);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  fs::copy(saved, leaflet, fs::copy_options::recursive);
  std::ofstream(leaflet / "en.yaml", std::ios::binary)
      << replace_once(en, "Has your doctor mentioned", "Has your doctor ever mentioned");
  REQUIRE(wait_until([&] { return builds() >= 2; }, 30));
  CHECK(wait_until([&] { return pdftotext(leaflet / "immunotherapy.en.brochure.pdf").find("ever mentioned") !=
                                std::string::npos; }, 30));
  std::this_thread::sleep_for(std::chrono::seconds(2));
  CHECK(builds() == 2);
  // Still English only, as --lang asked.
  CHECK_FALSE(fs::exists(leaflet / "immunotherapy.fr.brochure.pdf"));
  CHECK(watcher.stop() == 128 + 15);
}

TEST_CASE("on a terminal a progress line counts the documents, then clears itself", "[cli]") {
  if (!have_program("script")) return;  // util-linux's script gives the build a terminal
  ScratchDir out;
  const std::string command = std::string(LEAFPRESS_BINARY) + " build " + kLeaflet.string() + " -j 1 --out " +
                              out.path().string();
  const auto result = run_process({"script", "-qec", command, "/dev/null"}, kSource.string());
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find("\r\033[K[1/12] immunotherapy fr brochure") != std::string::npos);
  CHECK(result.out.find("\r\033[K[12/12] immunotherapy ar booklet\r\033[K") != std::string::npos);
}

TEST_CASE("a danda after a Latin term is set in the Bengali font, whatever the number of its scripts", "[cli]") {
  // U+0964 is used with 20 scripts (Script_Extensions); looking only at the first 16 found no
  // font for it after "PD-1".
  ScratchDir dir;
  const fs::path leaflet = dir.path() / "danda";
  fs::create_directories(leaflet);
  std::ofstream(leaflet / "leaflet.yaml") << "default_language: bn\nlanguages: [bn]\ntitle: t\ncontent:\n  - title: t\n"
                                             "  - paragraph: p\n";
  std::ofstream(leaflet / "bn.yaml") << "t: \u0987\u09AE\u09BF\u0989\u09A8\u09CB\u09A5\u09C7\u09B0\u09BE\u09AA\u09BF\n"
                                        "p: \u098F\u09B0 \u09A8\u09BE\u09AE PD-1\u0964\n";
  const auto result = run_leafpress({"check", leaflet.string()});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.err.find("no font covers") == std::string::npos);
}

TEST_CASE(
    "a build loads the libraries of translation files, press colour, QR codes and locale data only when it "
    "needs them",
    "[cli]") {
  // The dynamic linker's own account (LD_DEBUG=files) of every library the process loaded.
  const auto loaded = [](const std::vector<std::string>& args) {
    const ScopedEnv debug("LD_DEBUG", "files");
    const auto result = run_leafpress(args);
    REQUIRE(result.exit_code == 0);
    REQUIRE(result.err.find("file=libc.so.6") != std::string::npos);
    return result.err;
  };
  ScratchDir out;
  const ScopedEnv cache("LEAFPRESS_CACHE_DIR", (out.path() / "cache").string());
  const std::vector<std::string> two_pages = {"build", (kSource / "bench" / "peers" / "leafpress").string(), "--out",
                                              (out.path() / "plain").string()};
  // ICU's locale data is asked once; its answers are kept in the cache folder.
  CHECK(loaded(two_pages).find("file=libicui18n.so") != std::string::npos);
  const std::string plain = loaded(two_pages);
  for (const char* soname : {"libxml2.so", "libgettextpo.so", "liblcms2.so", "libqrencode.so", "libjpeg.so",
                             "libfontconfig.so", "libicui18n.so"}) {
    INFO(soname);
    CHECK(plain.find(std::string("file=") + soname) == std::string::npos);
  }
  // The shipped leaflet has a QR code: libqrencode is loaded for it, by the build itself.
  const std::string with_qr = loaded(
      {"build", kLeaflet.string(), "--lang", "fr", "--format", "brochure", "--out", (out.path() / "qr").string()});
  CHECK(with_qr.find("file=libqrencode.so.4 [0];  dynamically loaded by") != std::string::npos);
}

TEST_CASE("a build flushes its PDFs to disk only when asked with --sync", "[cli]") {
  // strace's account of every fsync the process and its threads made, and on which file.
  ScratchDir out;
  const ScopedEnv cache("LEAFPRESS_CACHE_DIR", (out.path() / "cache").string());
  const auto flushed = [&](const std::string& folder, bool sync) {
    const fs::path trace = out.path() / (folder + ".strace");
    std::vector<std::string> argv = {"strace", "-f", "-e", "trace=fsync", "-y", "-o", trace.string()};
    argv.insert(argv.end(), {LEAFPRESS_BINARY, "build", (kSource / "bench" / "peers" / "leafpress").string()});
    argv.insert(argv.end(), {"--out", (out.path() / folder).string()});
    if (sync) argv.push_back("--sync");
    // LeakSanitizer (in the sanitizer build) stops the process's threads with ptrace at exit,
    // which strace already holds: leaks are left to the other tests.
    const char* asan = std::getenv("ASAN_OPTIONS");
    const std::string no_leak_check = "ASAN_OPTIONS=" + std::string(asan ? asan : "") + ":detect_leaks=0";
    const auto result = run_process(argv, kSource.string(), {"SOURCE_DATE_EPOCH=1700000000", no_leak_check});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    REQUIRE(fs::exists(out.path() / folder / "leafpress.fr.brochure.pdf"));
    std::vector<std::string> files;
    std::ifstream lines(trace);
    for (std::string line; std::getline(lines, line);) {
      if (line.find("fsync(") != std::string::npos) files.push_back(line);
    }
    return files;
  };
  flushed("cold", false);  // fills the cache folder, so that the runs below write their PDF alone
  CHECK(flushed("plain", false).empty());
  const auto with_sync = flushed("synced", true);
  REQUIRE(with_sync.size() == 1);
  CHECK(with_sync.front().find("/synced/.leafpress.fr.brochure.pdf.") != std::string::npos);
}

TEST_CASE("each format of a language reports the warnings of localizing it when its formats are built together",
          "[cli]") {
  // A worker localizes a language once for all its formats: the warnings it gave must still
  // count in every document, as when each format is built alone.
  ScratchDir dir;
  const fs::path leaflet = copy_leaflet(dir, "immunotherapy");
  const std::string spanish = file_bytes(leaflet / "es.yaml");
  const auto kicker = spanish.find("\n  kicker: ");
  REQUIRE(kicker != std::string::npos);
  std::ofstream(leaflet / "es.yaml", std::ios::binary)
      << spanish.substr(0, kicker) + spanish.substr(spanish.find('\n', kicker + 1));
  // The warnings column of the report's line for `pdf`.
  const auto warnings_of = [](const std::string& report, const std::string& pdf) {
    const auto at = report.find(pdf);
    REQUIRE(at != std::string::npos);
    const std::string line = report.substr(at, report.find('\n', at) - at);
    return line.substr(line.find_last_of(' ') + 1);
  };
  for (const char* jobs : {"1", "2"}) {
    const auto all =
        run_leafpress({"build", leaflet.string(), "--lang", "es", "-j", jobs, "--out", (dir.path() / "all").string()});
    INFO(all.err);
    REQUIRE(all.exit_code == 0);
    CHECK(all.err.find("string 'cover.kicker' is missing from") != std::string::npos);
    for (const char* format : {"brochure", "trifold", "booklet"}) {
      const std::string pdf = std::string("immunotherapy.es.") + format + ".pdf";
      const auto alone = run_leafpress(
          {"build", leaflet.string(), "--lang", "es", "--format", format, "--out", (dir.path() / "alone").string()});
      REQUIRE(alone.exit_code == 0);
      CHECK(warnings_of(alone.out, pdf) == "1");
      CHECK(warnings_of(all.out, pdf) == warnings_of(alone.out, pdf));
      CHECK(file_bytes(dir.path() / "all" / pdf) == file_bytes(dir.path() / "alone" / pdf));
    }
  }
}
