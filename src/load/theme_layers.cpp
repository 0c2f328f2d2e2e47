#include "load/theme_layers.hpp"

#include <algorithm>
#include <set>

#include "core/confine.hpp"
#include "load/yaml_file.hpp"

namespace leafpress::load {
namespace fs = std::filesystem;
namespace {

/// Theme files extending theme files: a group theme, a hospital's, a department's is three.
constexpr int kMaxThemeDepth = 8;

std::string in_quotes(std::string_view text) { return "'" + std::string(text) + "'"; }

}  // namespace

std::vector<ThemeLayer> ThemeFiles::layers(const YamlNode& theme, SchemaReader& reader, const fs::path& leaflet_dir,
                                           const core::Limits& limits) {
  limits_ = &limits;
  // The folder of leaflets ("leaflets/"): where themes shared by its leaflets live.
  std::error_code ec;
  root_ = fs::weakly_canonical(fs::absolute(leaflet_dir, ec), ec).parent_path();
  chain_.clear();
  std::vector<ThemeLayer> out;
  const fs::path display_dir = fs::path(reader.file()).parent_path();
  if (theme.is_scalar()) {
    add_file(theme, reader, leaflet_dir, display_dir, 0, out);
    return out;
  }
  if (!reader.expect_map(theme, "theme")) return out;
  if (const auto extends = reader.find(theme, "extends")) add_file(*extends, reader, leaflet_dir, display_dir, 0, out);
  out.push_back({theme, &reader});
  return out;
}

void ThemeFiles::add_file(const YamlNode& at, SchemaReader& reader, const fs::path& from_dir,
                          const fs::path& display_dir, int depth, std::vector<ThemeLayer>& out) {
  const auto name = reader.string(at, "extends");
  if (!name) return;
  const fs::path relative(*name);
  if (name->empty() || relative.is_absolute() || relative.extension() != ".yaml") {
    reader.error(at, "expected the path of a theme file such as '../themes/hospital.yaml', got " + in_quotes(*name),
                 "the path is relative to the folder of " + fs::path(reader.file()).filename().string() +
                     " and names a .yaml file");
    return;
  }
  const fs::path path = from_dir / relative;
  const fs::path display_name = (display_dir / relative).lexically_normal();
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    reader.error(at, "no theme file " + in_quotes(display_name.string()),
                 "the path is relative to the folder of " + fs::path(reader.file()).filename().string() +
                     "; shared themes usually live in the leaflets' folder, as ../themes/hospital.yaml");
    return;
  }
  if (!limits_->allow_outside) {
    if (const auto target = core::outside_target(path, root_)) {
      reader.error(at, "theme file " + in_quotes(*name) + " leads outside the folder of the leaflets, to " +
                           in_quotes(target->string()),
                   "keep shared themes beside the leaflets, as leaflets/themes/hospital.yaml, or pass "
                   "--allow-outside to read it there");
      return;
    }
  }
  const fs::path real = fs::weakly_canonical(path, ec);
  if (std::find(chain_.begin(), chain_.end(), real) != chain_.end()) {
    reader.error(at, "theme file " + in_quotes(display_name.string()) + " extends itself",
                 "a theme file may extend another, but never one that extends it back");
    return;
  }
  if (depth >= kMaxThemeDepth) {
    reader.error(at, "theme files extend each other more than " + std::to_string(kMaxThemeDepth) + " deep",
                 "a group theme, a hospital's and a department's make three; join some of them");
    return;
  }
  auto file = parse_yaml_file(path, display_name.string(), reader.diags(), *limits_);
  if (!file) return;
  SchemaReader& file_reader = readers_.emplace_back(display_name.string(), reader.diags());
  const YamlNode root = files_.emplace_back(std::move(*file)).root;
  if (!file_reader.expect_map(root, "theme")) return;
  chain_.push_back(real);
  if (const auto extends = file_reader.find(root, "extends")) {
    add_file(*extends, file_reader, path.parent_path(), display_name.parent_path(), depth + 1, out);
  }
  chain_.pop_back();
  out.push_back({root, &file_reader});
}

void read_palette(const YamlNode& node, SchemaReader& reader, Palette& palette) {
  if (!reader.expect_map(node, "palette")) return;
  std::set<std::string> seen;
  for (const auto& entry : node.entries()) {
    if (!entry.key.is_scalar()) {
      reader.error(entry.key, "expected a colour name as key in 'palette', got " + describe(entry.key));
      continue;
    }
    const std::string name(entry.key.scalar());
    if (!seen.insert(name).second) {
      reader.error(entry.key, "duplicate colour " + in_quotes(name) + " in 'palette'");
      continue;
    }
    if (!is_string_key(name) || name.find('.') != std::string::npos) {
      reader.error(entry.key, "expected a colour name of letters, digits, '_' or '-', got " + in_quotes(name),
                   "name brand colours as 'hospital_blue'");
      continue;
    }
    if (const auto color = reader.color(node, name)) palette[name] = *color;
  }
}

std::optional<core::Color> read_theme_color(const YamlNode& map, std::string_view key, SchemaReader& reader,
                                            const Palette& palette) {
  const auto node = reader.find(map, key);
  if (!node) return std::nullopt;
  if (node->is_scalar()) {
    const std::string_view text = node->scalar();
    if (const auto named = palette.find(text); named != palette.end()) return named->second;
    const bool literal = !text.empty() && (text.front() == '#' || text.rfind("cmyk(", 0) == 0);
    // Without a palette a name is only a wrong colour, which SchemaReader::color explains.
    if (!literal && !palette.empty() && is_string_key(text)) {
      std::vector<std::string_view> names;
      std::string known;
      for (const auto& [name, color] : palette) {
        names.push_back(name);
        known += (known.empty() ? "" : ", ") + name;
      }
      const auto suggestion = closest_match(text, names);
      reader.error(*node, "no colour named " + in_quotes(text) + " in the theme's palette for " + in_quotes(key),
                   suggestion ? "did you mean " + in_quotes(*suggestion) + "?"
                              : "the palette's colours are " + known +
                                    "; or give the colour as '#0B6E75' or 'cmyk(100%, 0%, 35%, 45%)'");
      return std::nullopt;
    }
  }
  return reader.color(map, key);
}

}  // namespace leafpress::load
