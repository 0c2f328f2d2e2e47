#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/localized_documents.hpp"
#include "load/load_leaflet.hpp"
#include "locale/localize.hpp"

using namespace leafpress;

namespace {

std::vector<std::string> messages(const core::Diagnostics& diags) {
  std::vector<std::string> found;
  for (const core::Diagnostic& d : diags.items()) found.push_back(d.message);
  return found;
}

void check_same(const document::LocalizedDocument& a, const document::LocalizedDocument& b) {
  CHECK(a.language == b.language);
  CHECK(a.title == b.title);
  CHECK(a.direction == b.direction);
  CHECK(a.names == b.names);
  CHECK(a.digits == b.digits);
  CHECK(a.blocks.size() == b.blocks.size());
}

}  // namespace

TEST_CASE("the documents of a batch that ask for one language get it localized, with its warnings, from any thread",
          "[cli]") {
  core::Diagnostics load_diags;
  auto doc = load::load_leaflet(LEAFPRESS_SOURCE_DIR "/leaflets/immunotherapy", load_diags);
  REQUIRE(doc);
  // A Spanish string missing: localizing warns, and every format of Spanish must say so.
  REQUIRE(doc->catalogs.at("es").strings.erase("cover.kicker") == 1);
  core::Diagnostics alone_diags;
  const document::LocalizedDocument alone = locale::localize(*doc, "es", alone_diags);
  REQUIRE(!messages(alone_diags).empty());

  constexpr int kDocuments = 3;
  cli::LocalizedDocuments localized;
  for (int i = 0; i < kDocuments; ++i) localized.expect(*doc, "es", nullptr);
  localized.expect(*doc, "fr", nullptr);
  std::vector<core::Diagnostics> diags(kDocuments + 1);
  std::vector<std::optional<document::LocalizedDocument>> results(kDocuments + 1);
  {
    std::vector<std::jthread> workers;
    for (int i = 0; i < kDocuments; ++i) {
      workers.emplace_back([&, i] { results[i] = localized.localize(*doc, "es", nullptr, {}, diags[i]); });
    }
  }
  // Once every expected document has taken it, it is not kept: a further one is localized again.
  results[kDocuments] = localized.localize(*doc, "es", nullptr, {}, diags[kDocuments]);
  for (int i = 0; i <= kDocuments; ++i) {
    INFO("document " << i);
    REQUIRE(results[i]);
    check_same(*results[i], alone);
    CHECK(messages(diags[i]) == messages(alone_diags));
  }
  // Other languages are their own.
  core::Diagnostics french_diags;
  const document::LocalizedDocument french = localized.localize(*doc, "fr", nullptr, {}, french_diags);
  CHECK(french.language == "fr");
  CHECK(french.title != alone.title);
  CHECK(french_diags.items().empty());
}

TEST_CASE("with --strict, the warnings of localizing are errors in every document that takes its copy", "[cli]") {
  core::Diagnostics load_diags;
  auto doc = load::load_leaflet(LEAFPRESS_SOURCE_DIR "/leaflets/immunotherapy", load_diags);
  REQUIRE(doc);
  REQUIRE(doc->catalogs.at("es").strings.erase("cover.kicker") == 1);
  cli::LocalizedDocuments localized;
  localized.expect(*doc, "es", nullptr);
  localized.expect(*doc, "es", nullptr);
  for (int i = 0; i < 2; ++i) {
    core::Diagnostics strict(true);
    localized.localize(*doc, "es", nullptr, {}, strict);
    INFO("document " << i);
    CHECK(strict.has_errors());
  }
}
