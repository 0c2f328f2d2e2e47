#include "cli/font_config_cache.hpp"

#include <charconv>
#include <exception>
#include <map>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/atomic_file.hpp"
#include "core/cache_folder.hpp"
#include "core/confine.hpp"
#include "core/hash.hpp"
#include "core/read_file.hpp"
#include "load/load_font_config.hpp"

namespace leafpress::cli {
namespace {

namespace fs = std::filesystem;

// The entry's first line; a change to the format or to what load_font_config reads changes it.
constexpr std::string_view kMagic = "leafpress font configuration 1\n";

/// Writes and reads an entry: lines of fields, each field its length in bytes, ':' and its
/// bytes, so that no family name can be mistaken for a separator.
///   chain <serif|sans|any> <script> <place> <family>...
///   lang <language> <serif|sans> <script> <place> <family>...
///   lang <language>                         (a language named with no chains)
/// where <place> is the chain's line, column, end line and end column.
void put(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
}

void put_chain(std::string& out, std::string_view head, const document::FallbackChain& chain) {
  out += head;
  for (const int at : {chain.loc.line, chain.loc.column, chain.loc.end_line, chain.loc.end_column}) {
    put(out, std::to_string(at));
  }
  for (const std::string& family : chain.families) put(out, family);
  out += '\n';
}

std::string serialized(const document::FontConfig& config) {
  std::string out(kMagic);
  std::string head;
  const auto chains = [&](std::string_view set, const std::map<std::string, document::FallbackChain>& of) {
    for (const auto& [script, chain] : of) {
      head.clear();
      put(head, "chain");
      put(head, set);
      put(head, script);
      put_chain(out, head, chain);
    }
  };
  chains("serif", config.serif);
  chains("sans", config.sans);
  head.clear();
  put(head, "chain");
  put(head, "any");
  put(head, "");
  put_chain(out, head, config.any);
  for (const auto& [language, sets] : config.languages) {
    for (const auto& [set, of] : {std::pair{"serif", &sets.serif}, std::pair{"sans", &sets.sans}}) {
      for (const auto& [script, chain] : *of) {
        head.clear();
        put(head, "lang");
        put(head, language);
        put(head, set);
        put(head, script);
        put_chain(out, head, chain);
      }
    }
    // A language named with no chains at all is kept too.
    if (sets.serif.empty() && sets.sans.empty()) {
      head.clear();
      put(head, "lang");
      put(head, language);
      out += head + '\n';
    }
  }
  return out;
}

/// The fields of one line, or nullopt when it is not made of fields.
std::optional<std::vector<std::string_view>> fields(std::string_view line) {
  std::vector<std::string_view> out;
  while (!line.empty()) {
    std::size_t length = 0;
    const auto [end, error] = std::from_chars(line.data(), line.data() + line.size(), length);
    if (error != std::errc() || end == line.data() + line.size() || *end != ':') return std::nullopt;
    const std::size_t start = static_cast<std::size_t>(end - line.data()) + 1;
    if (length > line.size() - start) return std::nullopt;
    out.push_back(line.substr(start, length));
    line.remove_prefix(start + length);
  }
  return out;
}

std::optional<int> number(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

/// A chain from `rest` (its place: line, column, end line, end column; then its families), or nullopt.
std::optional<document::FallbackChain> chain_of(std::span<const std::string_view> rest, const std::string& file) {
  if (rest.size() < 4) return std::nullopt;
  const auto line = number(rest[0]);
  const auto column = number(rest[1]);
  const auto end_line = number(rest[2]);
  const auto end_column = number(rest[3]);
  if (!line || !column || !end_line || !end_column) return std::nullopt;
  document::FallbackChain chain;
  chain.loc = {file, *line, *column, *end_line, *end_column};
  for (std::size_t i = 4; i < rest.size(); ++i) chain.families.emplace_back(rest[i]);
  return chain;
}

std::optional<document::FontConfig> parsed(std::string_view entry, const std::string& file) {
  if (!entry.starts_with(kMagic)) return std::nullopt;
  entry.remove_prefix(kMagic.size());
  document::FontConfig config;
  config.file = file;
  bool any = false;
  while (!entry.empty()) {
    const std::size_t newline = entry.find('\n');
    if (newline == std::string_view::npos) return std::nullopt;  // cut short
    const auto line = fields(entry.substr(0, newline));
    entry.remove_prefix(newline + 1);
    if (!line || line->empty()) return std::nullopt;
    const std::span<const std::string_view> f(*line);
    if (f[0] == "chain" && f.size() >= 3) {
      auto chain = chain_of(f.subspan(3), file);
      if (!chain) return std::nullopt;
      if (f[1] == "serif") config.serif[std::string(f[2])] = std::move(*chain);
      else if (f[1] == "sans") config.sans[std::string(f[2])] = std::move(*chain);
      else if (f[1] == "any" && !any) config.any = std::move(*chain), any = true;
      else return std::nullopt;
    } else if (f[0] == "lang" && f.size() == 2) {
      config.languages[std::string(f[1])];
    } else if (f[0] == "lang" && f.size() >= 4) {
      auto chain = chain_of(f.subspan(4), file);
      if (!chain) return std::nullopt;
      document::LanguageChains& sets = config.languages[std::string(f[1])];
      if (f[2] == "serif") sets.serif[std::string(f[3])] = std::move(*chain);
      else if (f[2] == "sans") sets.sans[std::string(f[3])] = std::move(*chain);
      else return std::nullopt;
    } else {
      return std::nullopt;
    }
  }
  if (!any) return std::nullopt;
  return config;
}

}  // namespace

document::FontConfig cached_font_config(const fs::path& font_folder, core::Diagnostics& diags,
                                        const core::Limits& limits) {
  const fs::path path = font_folder / "fallback.yaml";
  const auto folder = core::cache_folder();
  std::error_code ec;
  // A link out of the font folder, or no file at all, is load_font_config's to report.
  if (!folder || !fs::is_regular_file(path, ec) || core::outside_target(path, font_folder)) {
    return load::load_font_config(font_folder, diags, limits);
  }
  const auto bytes = core::try_read_file(path, limits.max_file_bytes);
  if (!bytes) return load::load_font_config(font_folder, diags, limits);
  // The limits that decide whether the file is read at all are part of the key.
  const std::string key = std::string(kMagic) + std::to_string(limits.max_string_bytes) + ',' +
                          std::to_string(limits.max_nesting) + '\n' + *bytes;
  const fs::path entry = *folder / ("fonts-" + core::content_hash(key) + ".txt");
  if (const auto kept = core::try_read_file(entry, 1 << 20)) {
    if (auto config = parsed(*kept, path.string())) return std::move(*config);
  }
  const std::size_t problems = diags.items().size();
  document::FontConfig config = load::load_font_config(font_folder, diags, limits);
  if (diags.items().size() == problems) {
    try {
      fs::create_directories(*folder, ec);
      if (!ec) core::write_file_atomically(entry, serialized(config));
    } catch (const std::exception&) {
      // A cache that cannot be written only costs time.
    }
  }
  return config;
}

}  // namespace leafpress::cli
