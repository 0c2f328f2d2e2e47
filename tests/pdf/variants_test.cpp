#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "pdf/pdf_probe.hpp"
#include "pdf/run_leafpress.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

// Variants (data merge): one leaflet, a variants file, one set of PDFs per row; --variant,
// --shard; placeholders held in translations by our loader, our importer and gettext itself.

namespace fs = std::filesystem;
using namespace leafpress::testing;

namespace {

const fs::path kSource = LEAFPRESS_SOURCE_DIR;

/// The project's fonts, wherever the leaflet is copied.
ProcessResult run_with_fonts(std::vector<std::string> args, const fs::path& cwd) {
  args.push_back("--fonts");
  args.push_back((kSource / "fonts").string());
  return run_leafpress(std::move(args), cwd);
}

/// A leaflet "camp" in `dir` with two variants, French and English, brochure and tri-fold.
void write_campaign(const ScratchDir& dir) {
  dir.write("camp/leaflet.yaml",
            "default_language: fr\ntitle: a.title\nlanguages: [fr, en]\nformat: [brochure, trifold]\n"
            "variables:\n  hospital.name:\n  hospital.phone:\n  hospital.web: https://example.org/\n"
            "variants: hospitals.csv\n"
            "content:\n  - paragraph: a.p\n  - contact: [a.line1, a.line2]\n    title: a.contact\n");
  dir.write("camp/fr.yaml",
            "a:\n  title: Immunothérapie — {hospital.name}\n"
            "  p: Appelez le **{hospital.phone}** ou voyez [notre site]({hospital.web}).\n"
            "  contact: Nous joindre\n  line1: \"{hospital.name}\"\n  line2: \"Téléphone : {hospital.phone}\"\n");
  dir.write("camp/en.yaml",
            "a:\n  title: Immunotherapy — {hospital.name}\n"
            "  p: Call **{hospital.phone}** or see [our site]({hospital.web}).\n"
            "  contact: Contact us\n  line1: \"{hospital.name}\"\n  line2: \"Phone: {hospital.phone}\"\n");
  dir.write("camp/hospitals.csv",
            "variant,hospital.name,hospital.phone,hospital.web\n"
            "nord,Hôpital Nord,01 23 45 67 89,https://nord.example.org/\n"
            "sud,\"Hôpital Sud, Marseille\",04 11 22 33 44,\n");
}

std::set<std::string> pdfs_in(const fs::path& folder) {
  std::set<std::string> names;
  if (!fs::exists(folder)) return names;
  for (const auto& entry : fs::directory_iterator(folder)) names.insert(entry.path().filename().string());
  return names;
}

}  // namespace

TEST_CASE("a variants file builds one set of PDFs per variant, each with its values", "[variants]") {
  const ScratchDir dir;
  write_campaign(dir);
  const auto result = run_with_fonts({"build", "camp", "--out", "out", "-j", "2"}, dir.path());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(pdfs_in(dir.path() / "out") ==
        std::set<std::string>{"camp.nord.en.brochure.pdf", "camp.nord.en.trifold.pdf", "camp.nord.fr.brochure.pdf",
                              "camp.nord.fr.trifold.pdf", "camp.sud.en.brochure.pdf", "camp.sud.en.trifold.pdf",
                              "camp.sud.fr.brochure.pdf", "camp.sud.fr.trifold.pdf"});
  const std::string sud = pdftotext(dir.path() / "out" / "camp.sud.fr.brochure.pdf");
  CHECK(sud.find("Hôpital Sud, Marseille") != std::string::npos);
  CHECK(sud.find("Nord") == std::string::npos);
  const std::string nord = pdftotext(dir.path() / "out" / "camp.nord.en.trifold.pdf");
  CHECK(nord.find("Phone: 01 23 45 67 89") != std::string::npos);
  // The title (PDF metadata) is filled in too; the link takes the row's address, or the default.
  const auto info = run_process({"pdfinfo", (dir.path() / "out" / "camp.nord.en.trifold.pdf").string()});
  CHECK(info.out.find("Immunotherapy — Hôpital Nord") != std::string::npos);
  const auto qdf = run_process({"qpdf", "--qdf", "--object-streams=disable",
                                (dir.path() / "out" / "camp.sud.fr.brochure.pdf").string(), "-"});
  CHECK(qdf.out.find("/URI (https://example.org/)") != std::string::npos);
  const auto qdf_nord = run_process({"qpdf", "--qdf", "--object-streams=disable",
                                     (dir.path() / "out" / "camp.nord.fr.brochure.pdf").string(), "-"});
  CHECK(qdf_nord.out.find("/URI (https://nord.example.org/)") != std::string::npos);

  // The same bytes on one worker.
  const auto again = run_with_fonts({"build", "camp", "--out", "again", "-j", "1"}, dir.path());
  REQUIRE(again.exit_code == 0);
  for (const std::string& name : pdfs_in(dir.path() / "out")) {
    CHECK(file_bytes(dir.path() / "out" / name) == file_bytes(dir.path() / "again" / name));
  }
}

TEST_CASE("the variants --variant names are built, and an unknown one is an error", "[variants]") {
  const ScratchDir dir;
  write_campaign(dir);
  const auto one = run_with_fonts({"build", "camp", "--out", "out", "--variant", "sud", "--lang", "en"}, dir.path());
  INFO(one.err);
  REQUIRE(one.exit_code == 0);
  CHECK(pdfs_in(dir.path() / "out") == std::set<std::string>{"camp.sud.en.brochure.pdf", "camp.sud.en.trifold.pdf"});
  const auto unknown = run_with_fonts({"build", "camp", "--out", "out2", "--variant", "sued"}, dir.path());
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err.find("camp/hospitals.csv:2:1: error: --variant: the variants file has no variant 'sued'") !=
        std::string::npos);
  CHECK(pdfs_in(dir.path() / "out2").empty());
}

TEST_CASE("shards (--shard K/N) split the documents into N disjoint parts that make the whole", "[variants]") {
  const ScratchDir dir;
  write_campaign(dir);
  std::set<std::string> all;
  std::size_t smallest = 99;
  std::size_t largest = 0;
  for (int k = 1; k <= 3; ++k) {
    const std::string out = "shard" + std::to_string(k);
    const auto result = run_with_fonts({"build", "camp", "--out", out, "--shard", std::to_string(k) + "/3"}, dir.path());
    REQUIRE(result.exit_code == 0);
    const auto part = pdfs_in(dir.path() / out);
    smallest = std::min(smallest, part.size());
    largest = std::max(largest, part.size());
    for (const auto& name : part) CHECK(all.insert(name).second);  // in no other shard
    // The same shard again is the same documents.
    const auto again = run_with_fonts({"build", "camp", "--out", out + "b", "--shard", std::to_string(k) + "/3"}, dir.path());
    CHECK(pdfs_in(dir.path() / (out + "b")) == part);
  }
  CHECK(all.size() == 8);
  CHECK(largest - smallest <= 1);
  CHECK(run_with_fonts({"build", "camp", "--shard", "4/3"}, dir.path()).exit_code == 2);
  CHECK(run_with_fonts({"build", "camp", "--shard", "1"}, dir.path()).exit_code == 2);
}

TEST_CASE("a translation that renames a placeholder is refused by msgfmt, strings import and the loader",
          "[variants]") {
  const ScratchDir dir;
  write_campaign(dir);
  const auto exported = run_process({LEAFPRESS_BINARY, "strings", "export", "camp", "--lang", "en", "--out", "en.po"},
                                    dir.path().string());
  REQUIRE(exported.exit_code == 0);
  const std::string po = file_bytes(dir.path() / "en.po");
  CHECK(po.find("#, python-brace-format\nmsgctxt \"a.p\"") != std::string::npos);
  CHECK(po.find("msgid \"Appelez le **{hospital.phone}** ou voyez [notre site]({hospital.web}).\"") != std::string::npos);
  CHECK(run_process({"msgfmt", "--check", "-o", "/dev/null", (dir.path() / "en.po").string()}).exit_code == 0);

  std::string renamed = po;
  const std::string good = "msgstr \"Call **{hospital.phone}**";
  REQUIRE(renamed.find(good) != std::string::npos);
  renamed.replace(renamed.find(good), good.size(), "msgstr \"Call **{hospital.fone}**");
  std::ofstream(dir.path() / "bad.po", std::ios::binary) << renamed;
  CHECK(run_process({"msgfmt", "--check", "-o", "/dev/null", (dir.path() / "bad.po").string()}).exit_code != 0);
  const auto imported =
      run_process({LEAFPRESS_BINARY, "strings", "import", "bad.po", "--into", "camp"}, dir.path().string());
  CHECK(imported.exit_code == 1);
  CHECK(imported.err.find("error: the translation of 'a.p' has the placeholders {hospital.fone}, {hospital.web} "
                          "where the source has {hospital.phone}, {hospital.web}") != std::string::npos);

  dir.write("camp/en.yaml", "a:\n  title: Immunotherapy\n  p: Call **{hospital.phone}** or see [our site]({hospital.web}).\n"
                            "  contact: Contact us\n  line1: \"{hospital.name}\"\n  line2: \"Phone: {hospital.phone}\"\n");
  const auto checked = run_with_fonts({"check", "camp"}, dir.path());
  CHECK(checked.exit_code == 1);
  CHECK(checked.err.find("camp/en.yaml:2:10: error: the translation of 'a.title' has the placeholders none where "
                         "the 'fr' text has {hospital.name}") != std::string::npos);
}

TEST_CASE("watch rebuilds the variants when the variants file is saved", "[variants][watch]") {
  const ScratchDir dir;
  write_campaign(dir);
  const fs::path out = dir.path() / "out";
  BackgroundProcess watcher({LEAFPRESS_BINARY, "build", "camp", "--watch", "-j", "1", "--out", out.string(), "--fonts",
                             (kSource / "fonts").string()},
                            dir.path().string(), (dir.path() / "watch.out").string(),
                            (dir.path() / "watch.err").string());
  const auto text_of = [](const fs::path& file) { return fs::exists(file) ? file_bytes(file) : std::string(); };
  REQUIRE(wait_until([&] { return text_of(dir.path() / "watch.err").find("watching") != std::string::npos; }, 60));
  // Saved the way a spreadsheet does: a new file renamed over the old one.
  std::ofstream(dir.path() / "camp" / "hospitals.csv.new", std::ios::binary)
      << "variant,hospital.name,hospital.phone,hospital.web\n"
         "nord,Hôpital Nord,01 99 99 99 99,https://nord.example.org/\n"
         "sud,\"Hôpital Sud, Marseille\",04 11 22 33 44,\n";
  fs::rename(dir.path() / "camp" / "hospitals.csv.new", dir.path() / "camp" / "hospitals.csv");
  const fs::path pdf = out / "camp.nord.en.brochure.pdf";
  CHECK(wait_until([&] { return fs::exists(pdf) && pdftotext(pdf).find("01 99 99 99 99") != std::string::npos; }, 60));
  CHECK(watcher.stop() == 128 + 15);
}
