#include "load/load_font_config.hpp"

#include <algorithm>

#include "core/confine.hpp"

#include "load/schema.hpp"
#include "load/yaml_file.hpp"

namespace leafpress::load {
namespace {

constexpr const char* kFileName = "fallback.yaml";

document::FallbackChain read_chain(const YamlNode& node, SchemaReader& reader, const std::string& what) {
  document::FallbackChain chain{{}, reader.loc(node)};
  if (!node.is_sequence()) {
    reader.error(node, "expected a list of font families for '" + what + "', got " + describe(node));
    return chain;
  }
  for (const YamlNode& item : node.items()) {
    if (auto family = reader.string(item, what)) chain.families.push_back(std::move(*family));
  }
  return chain;
}

std::map<std::string, document::FallbackChain> read_chains(const YamlNode& node, SchemaReader& reader,
                                                           const std::string& what) {
  std::map<std::string, document::FallbackChain> chains;
  if (!reader.expect_map(node, what)) return chains;
  for (const auto& entry : node.entries()) {
    const std::string script(entry.key.scalar());
    if (!is_script_code(script)) {
      reader.error(entry.key, "expected an ISO 15924 script code such as 'Arab' or 'Hebr' in '" + what + "', got '" +
                                  script + "'");
      continue;
    }
    chains[script] = read_chain(entry.value, reader, what + "." + script);
  }
  return chains;
}

/// `languages:`, a map from a language ("ja") to its own `serif` and `sans` chains per script.
std::map<std::string, document::LanguageChains> read_languages(const YamlNode& node, SchemaReader& reader) {
  std::map<std::string, document::LanguageChains> languages;
  if (!reader.expect_map(node, "languages")) return languages;
  for (const auto& entry : node.entries()) {
    const std::string language(entry.key.scalar());
    if (!is_language_subtag(language)) {
      reader.error(entry.key, "expected a language code such as 'ja' or 'ur' in 'languages', got '" + language + "'");
      continue;
    }
    const std::string what = "languages." + language;
    if (!reader.expect_map(entry.value, what)) continue;
    reader.check_keys(entry.value, what, {"serif", "sans"});
    document::LanguageChains& chains = languages[language];
    if (const auto serif = reader.find(entry.value, "serif"))
      chains.serif = read_chains(*serif, reader, what + ".serif");
    if (const auto sans = reader.find(entry.value, "sans")) chains.sans = read_chains(*sans, reader, what + ".sans");
  }
  return languages;
}

}  // namespace

bool is_language_subtag(std::string_view text) {
  if (text.size() < 2 || text.size() > 3) return false;
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool is_script_code(std::string_view text) {
  if (text.size() != 4 || text[0] < 'A' || text[0] > 'Z') return false;
  for (std::size_t i = 1; i < 4; ++i) {
    if (text[i] < 'a' || text[i] > 'z') return false;
  }
  return true;
}

document::FontConfig load_font_config(const std::filesystem::path& font_folder, core::Diagnostics& diags,
                                      const core::Limits& limits) {
  document::FontConfig config;
  const std::filesystem::path path = font_folder / kFileName;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return config;
  config.file = path.string();
  if (const auto target = core::outside_target(path, font_folder); target && !limits.allow_outside) {
    diags.error({path.string(), 0, 0}, "a link to '" + target->string() + "', outside the font folder",
                "copy the file into the font folder, or pass --allow-outside to read it there");
    return config;
  }
  const auto file = parse_yaml_file(path, path.string(), diags, limits);
  if (!file) return config;
  SchemaReader reader(file->name, diags);
  if (!reader.expect_map(file->root, kFileName)) return config;
  reader.check_keys(file->root, kFileName, {"serif", "sans", "languages", "any"});
  if (const auto node = reader.find(file->root, "serif")) config.serif = read_chains(*node, reader, "serif");
  if (const auto node = reader.find(file->root, "sans")) config.sans = read_chains(*node, reader, "sans");
  if (const auto node = reader.find(file->root, "languages")) config.languages = read_languages(*node, reader);
  if (const auto node = reader.find(file->root, "any")) config.any = read_chain(*node, reader, "any");
  return config;
}

}  // namespace leafpress::load
