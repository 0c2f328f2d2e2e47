#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli/font_config_cache.hpp"
#include "core/read_file.hpp"
#include "load/load_font_config.hpp"
#include "support/scratch_dir.hpp"

using namespace leafpress;

namespace {

bool same_chain(const document::FallbackChain& a, const document::FallbackChain& b) {
  return a.families == b.families && a.loc.file == b.loc.file && a.loc.line == b.loc.line &&
         a.loc.column == b.loc.column && a.loc.end_line == b.loc.end_line && a.loc.end_column == b.loc.end_column;
}

bool same_chains(const std::map<std::string, document::FallbackChain>& a,
                 const std::map<std::string, document::FallbackChain>& b) {
  if (a.size() != b.size()) return false;
  for (const auto& [script, chain] : a) {
    const auto other = b.find(script);
    if (other == b.end() || !same_chain(chain, other->second)) return false;
  }
  return true;
}

bool same_config(const document::FontConfig& a, const document::FontConfig& b) {
  if (a.file != b.file || !same_chains(a.serif, b.serif) || !same_chains(a.sans, b.sans) || !same_chain(a.any, b.any) ||
      a.languages.size() != b.languages.size()) {
    return false;
  }
  for (const auto& [language, sets] : a.languages) {
    const auto other = b.languages.find(language);
    if (other == b.languages.end() || !same_chains(sets.serif, other->second.serif) ||
        !same_chains(sets.sans, other->second.sans)) {
      return false;
    }
  }
  return true;
}

std::filesystem::path only_entry(const std::filesystem::path& cache) {
  std::filesystem::path found;
  for (const auto& entry : std::filesystem::directory_iterator(cache)) {
    if (entry.path().filename().string().starts_with("fonts-")) found = entry.path();
  }
  return found;
}

}  // namespace

TEST_CASE("the font configuration cache gives what the YAML file says, and is passed over when damaged", "[fonts]") {
  const testing::ScratchDir dir;
  const std::filesystem::path fonts = dir.path() / "fonts";
  std::filesystem::create_directories(fonts);
  std::filesystem::copy_file(LEAFPRESS_SOURCE_DIR "/fonts/fallback.yaml", fonts / "fallback.yaml");
  // A language with chains of its own, and a family name with a colon and digits in it.
  std::ofstream(fonts / "fallback.yaml", std::ios::app) << "  ja:\n    serif: {Hani: [\"Noto 12: Serif\", Noto Serif CJK JP]}\n";
  ::setenv("LEAFPRESS_CACHE_DIR", (dir.path() / "cache").c_str(), 1);

  core::Diagnostics read_diags;
  const document::FontConfig read = load::load_font_config(fonts, read_diags, core::Limits{});
  REQUIRE(read_diags.items().empty());
  REQUIRE(read.languages.count("ja") == 1);

  core::Diagnostics first_diags;
  const document::FontConfig first = cli::cached_font_config(fonts, first_diags, core::Limits{});
  CHECK(first_diags.items().empty());
  CHECK(same_config(first, read));
  const std::filesystem::path entry = only_entry(dir.path() / "cache");
  REQUIRE(!entry.empty());

  core::Diagnostics second_diags;
  CHECK(same_config(cli::cached_font_config(fonts, second_diags, core::Limits{}), read));  // from the entry
  CHECK(second_diags.items().empty());

  // A damaged entry (cut short, or a field's length past the line) is read past: the file is read again.
  const std::string kept = *core::try_read_file(entry);
  for (const std::string& damaged : {kept.substr(0, kept.size() / 2), kept.substr(0, kept.find('\n') + 1) + "99:x\n"}) {
    std::ofstream(entry, std::ios::trunc) << damaged;
    core::Diagnostics diags;
    CHECK(same_config(cli::cached_font_config(fonts, diags, core::Limits{}), read));
  }

  // A file with a problem is reported on every run, never cached.
  std::filesystem::remove_all(dir.path() / "cache");
  std::ofstream(fonts / "fallback.yaml", std::ios::trunc) << "serif:\n  Latin: [Noto Serif]\nany: [Noto Sans]\n";
  for (int run = 0; run < 2; ++run) {
    core::Diagnostics diags;
    cli::cached_font_config(fonts, diags, core::Limits{});
    CHECK(diags.has_errors());
  }
  CHECK((!std::filesystem::exists(dir.path() / "cache") || only_entry(dir.path() / "cache").empty()));
  ::unsetenv("LEAFPRESS_CACHE_DIR");
}
