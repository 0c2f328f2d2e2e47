#pragma once

#include <deque>
#include <filesystem>
#include <map>
#include <string>

#include "core/color.hpp"
#include "core/limits.hpp"
#include "load/schema.hpp"
#include "load/yaml_file.hpp"

namespace leafpress::load {

/// One map of theme values and the reader of the file it is written in (for messages at
/// the right file). Layers apply in order, each setting only the values it holds.
struct ThemeLayer {
  YamlNode map;
  SchemaReader* reader;
};

/// The theme files a leaflet's theme stands on, kept alive while their layers are read.
class ThemeFiles {
 public:
  /// The layers `theme` (the value of leaflet.yaml's `theme:`, read by `reader`) stands
  /// for, base files first: a string names a theme file; a map with `extends:` stands on the
  /// file that names, then overrides its values. Paths are relative to the file that names
  /// them; a theme file may extend another, up to 8 deep, never in a circle. A file must be
  /// a .yaml file inside the folder holding the leaflet's folder (the leaflets' shared
  /// folder, such as leaflets/themes/) unless `limits.allow_outside`. Every problem is
  /// reported where the path is written, or in the theme file at its place.
  std::vector<ThemeLayer> layers(const YamlNode& theme, SchemaReader& reader, const std::filesystem::path& leaflet_dir,
                                 const core::Limits& limits);

 private:
  /// Appends the layers of the file `name` (written at `at` in `reader`'s file, which is in
  /// `from_dir`), its bases first.
  void add_file(const YamlNode& at, SchemaReader& reader, const std::filesystem::path& from_dir,
                const std::filesystem::path& display_dir, int depth, std::vector<ThemeLayer>& out);

  std::filesystem::path root_;
  const core::Limits* limits_ = nullptr;
  std::vector<std::filesystem::path> chain_;  // the files being read, outermost first
  std::deque<YamlFile> files_;                // the theme files read, whose nodes the layers hold
  std::deque<SchemaReader> readers_;
};

/// The theme's named colours (`palette:`), from every layer, later layers overriding.
using Palette = std::map<std::string, core::Color, std::less<>>;

/// Reads `palette:` of one layer into `palette`, reporting names that are not names and
/// values that are not colours.
void read_palette(const YamlNode& node, SchemaReader& reader, Palette& palette);

/// The colour under `key` of `map`: a palette name, or what SchemaReader::color reads
/// ("#0B6E75", "cmyk(...)"); nullopt without reporting when the key is absent.
std::optional<core::Color> read_theme_color(const YamlNode& map, std::string_view key, SchemaReader& reader,
                                            const Palette& palette);

}  // namespace leafpress::load
