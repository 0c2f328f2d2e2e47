#include "cli/toolbox.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "core/limits.hpp"
#include "support/scoped_env.hpp"
#include "support/scratch_dir.hpp"
#include "text/set_paragraph.hpp"

using namespace leafpress;
namespace fs = std::filesystem;

namespace {

/// The cache folder's entries, each with its inode: a rewritten entry is a new file renamed
/// into place, so its inode changes.
std::map<std::string, ino_t> entries_of(const fs::path& folder) {
  std::map<std::string, ino_t> found;
  for (const auto& entry : fs::directory_iterator(folder)) {
    struct stat status {};
    REQUIRE(::stat(entry.path().c_str(), &status) == 0);
    found[entry.path().filename().string()] = status.st_ino;
  }
  return found;
}

bool has_entry(const std::map<std::string, ino_t>& entries, const std::string& prefix) {
  for (const auto& [name, inode] : entries) {
    if (name.starts_with(prefix)) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a toolbox writes what it keeps across runs when asked, once, and not again when destroyed", "[cli]") {
  testing::ScratchDir dir;
  const fs::path cache = dir.path() / "cache";
  testing::ScopedEnv cache_env("LEAFPRESS_CACHE_DIR", cache.string());
  core::Diagnostics diags;
  auto tools = std::make_unique<cli::Toolbox>(fs::path(LEAFPRESS_SOURCE_DIR "/fonts"), core::Limits{}, diags);
  const fonts::Face* serif = tools->registry().find("Noto Serif", fonts::FontStyle::regular);
  REQUIRE(serif);
  text::StyledParagraph paragraph;
  paragraph.language = "fr";
  paragraph.append(
      "L\u2019immunoth\u00E9rapie aide le syst\u00E8me immunitaire \u00E0 reconna\u00EEtre les cellules "
      "canc\u00E9reuses, et ses effets ind\u00E9sirables se soignent mieux quand on les signale t\u00F4t.",
      {serif, 11, {}, {}});
  text::set_paragraph(paragraph, {150, text::Align::justify, true, 0}, tools->context(), diags);

  tools->write_remembered();
  const auto written = entries_of(cache);
  CHECK(has_entry(written, "paragraphs-"));
  CHECK(has_entry(written, "words-"));
  CHECK(has_entry(written, "line-breaks-"));
  CHECK(has_entry(written, "hyphenation-points-"));

  tools->write_remembered();
  CHECK(entries_of(cache) == written);
  tools.reset();
  CHECK(entries_of(cache) == written);
}
