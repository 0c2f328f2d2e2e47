#include <catch2/catch.hpp>

#include <filesystem>

#include "pdf/pdf_probe.hpp"
#include "pdf/run_leafpress.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

// Help for people writing leaflets in an editor: `leafpress new`, checked against the JSON Schemas.

namespace fs = std::filesystem;
using namespace leafpress::testing;

namespace {

const fs::path kSource = LEAFPRESS_SOURCE_DIR;

}  // namespace

TEST_CASE("leafpress new writes a small leaflet that builds in its languages and formats", "[editor]") {
  const ScratchDir dir;
  const auto made = run_leafpress({"new", "leaflets/campaign", "--lang", "fr,ar,de", "--format", "brochure,trifold"},
                                  dir.path());
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  CHECK(made.out.find("wrote leaflets/campaign/leaflet.yaml") != std::string::npos);
  for (const char* file : {"leaflet.yaml", "fr.yaml", "ar.yaml", "de.yaml"}) {
    CHECK(fs::is_regular_file(dir.path() / "leaflets" / "campaign" / file));
  }
  const auto built = run_leafpress({"build", "leaflets/campaign", "--strict", "--out", "out", "--fonts",
                                    (kSource / "fonts").string()},
                                   dir.path());
  INFO(built.err);
  REQUIRE(built.exit_code == 0);
  for (const char* language : {"fr", "ar", "de"}) {
    for (const char* format : {"brochure", "trifold"}) {
      CHECK(fs::is_regular_file(dir.path() / "out" / ("campaign." + std::string(language) + "." + format + ".pdf")));
    }
  }
  CHECK(pdftotext(dir.path() / "out" / "campaign.fr.brochure.pdf").find("Titre du dépliant") != std::string::npos);
  CHECK(pdftotext(dir.path() / "out" / "campaign.ar.trifold.pdf").find("للتواصل") != std::string::npos);

  // An editor holding files to the JSON Schemas finds nothing to say about them.
  const std::string validate =
      "import json, sys, yaml, jsonschema\n"
      "schemas = [json.load(open(sys.argv[1] + '/docs/schema/' + n)) for n in ('leaflet.schema.json', "
      "'strings.schema.json')]\n"
      "bad = [e.message for i, f in enumerate(sys.argv[2:]) "
      "for e in jsonschema.Draft7Validator(schemas[min(i, 1)]).iter_errors(yaml.safe_load(open(f)))]\n"
      "print(bad)\nsys.exit(1 if bad else 0)\n";
  const fs::path folder = dir.path() / "leaflets" / "campaign";
  const auto valid = run_process({"python3", "-c", validate, kSource.string(), (folder / "leaflet.yaml").string(),
                                  (folder / "fr.yaml").string(), (folder / "ar.yaml").string(),
                                  (folder / "de.yaml").string()});
  CHECK(valid.out == "[]\n");
  CHECK(valid.exit_code == 0);

  // It never writes over a folder, and refuses names PDFs cannot be named after.
  const auto again = run_leafpress({"new", "leaflets/campaign"}, dir.path());
  CHECK(again.exit_code == 2);
  CHECK(again.err.find("exists already") != std::string::npos);
  CHECK(run_leafpress({"new", "bad name"}, dir.path()).exit_code == 2);
  CHECK(run_leafpress({"new", "x", "--lang", "fr,fr"}, dir.path()).exit_code == 2);
  CHECK(run_leafpress({"new"}, dir.path()).exit_code == 2);
  CHECK_FALSE(fs::exists(dir.path() / "x"));
}
