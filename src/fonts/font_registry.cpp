#include "fonts/font_registry.hpp"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cctype>

#include "core/confine.hpp"

namespace leafpress::fonts {
namespace fs = std::filesystem;
namespace {

bool same_family(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

FontStyle style_of(const FaceMetrics& metrics) {
  if (metrics.bold && metrics.italic) return FontStyle::bold_italic;
  if (metrics.bold) return FontStyle::bold;
  if (metrics.italic) return FontStyle::italic;
  return FontStyle::regular;
}

/// The styles to try, best first, when a family lacks the one asked for.
std::vector<FontStyle> style_preference(FontStyle wanted) {
  switch (wanted) {
    case FontStyle::bold_italic: return {FontStyle::bold_italic, FontStyle::bold, FontStyle::italic, FontStyle::regular};
    case FontStyle::bold: return {FontStyle::bold, FontStyle::regular};
    case FontStyle::italic: return {FontStyle::italic, FontStyle::regular};
    case FontStyle::regular: break;
  }
  return {FontStyle::regular};
}

}  // namespace

struct FontRegistry::Fontconfig {
  FcConfig* config = nullptr;
  ~Fontconfig() {
    if (config) FcConfigDestroy(config);
  }
};

FontRegistry::FontRegistry(std::vector<fs::path> font_folders, bool allow_outside)
    : fontconfig_(std::make_unique<Fontconfig>()) {
  std::vector<std::pair<fs::path, fs::path>> files;  // (file, its folder)
  for (const fs::path& folder : font_folders) {
    std::error_code ec;
    // Symlinked folders are not followed (the default); symlinked files are checked below.
    for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      std::string extension = it->path().extension().string();
      std::transform(extension.begin(), extension.end(), extension.begin(), ::tolower);
      if (extension == ".ttf" || extension == ".otf") files.emplace_back(it->path(), folder);
    }
  }
  std::sort(files.begin(), files.end());  // directory order differs between machines
  for (const auto& [file, folder] : files) {
    if (const auto target = core::outside_target(file, folder); target && !allow_outside) {
      unusable_files_.push_back({file, "a link to '" + target->string() + "', outside the font folder",
                                 "copy the font into the font folder, or pass --allow-outside to use it there", true});
      continue;
    }
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {  // a FIFO would block the reader forever
      unusable_files_.push_back({file, "not a regular file", "replace it with a .ttf or .otf file, or remove it"});
      continue;
    }
    std::string error;
    if (const Face* face = open(file, 0, error)) {
      folder_fonts_.push_back({face->family(), style_of(face->metrics()), file, 0});
    } else {
      unusable_files_.push_back({file, error, "replace it with a complete .ttf or .otf file, or remove it"});
    }
  }
}

FontRegistry::~FontRegistry() = default;

const Face* FontRegistry::open(const fs::path& path, int index) {
  std::string error;
  return open(path, index, error);
}

const Face* FontRegistry::open(const fs::path& path, int index, std::string& error) {
  const auto key = std::make_pair(path.string(), index);
  if (const auto it = faces_.find(key); it != faces_.end()) return it->second.get();
  auto face = Face::try_open(path, index, error);
  const Face* raw = face.get();
  faces_.emplace(key, std::move(face));
  return raw;
}

const Face* FontRegistry::find(std::string_view family, FontStyle style) {
  const auto key = std::make_pair(std::string(family), style);
  if (const auto it = found_.find(key); it != found_.end()) return it->second;
  // The exact style from the folders, then from the system; only then a nearby style.
  const Face* face = nullptr;
  for (const FontStyle candidate : style_preference(style)) {
    face = find_in_folders(family, candidate);
    if (!face) face = find_in_system(family, candidate);
    if (face) break;
  }
  found_.emplace(key, face);
  return face;
}

const Face* FontRegistry::find_in_folders(std::string_view family, FontStyle style) {
  for (const FolderFont& font : folder_fonts_) {
    if (font.style == style && same_family(font.family, family)) return open(font.path, font.index);
  }
  return nullptr;
}

const Face* FontRegistry::find_in_system(std::string_view family, FontStyle style) {
  if (!fontconfig_->config) {
    fontconfig_->config = FcInitLoadConfigAndFonts();
    if (!fontconfig_->config) return nullptr;
  }
  const std::string family_name(family);
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family_name.c_str()));
  const bool bold = style == FontStyle::bold || style == FontStyle::bold_italic;
  const bool italic = style == FontStyle::italic || style == FontStyle::bold_italic;
  FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);
  FcConfigSubstitute(fontconfig_->config, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(fontconfig_->config, pattern, &result);
  FcPatternDestroy(pattern);
  if (!match) return nullptr;

  // fontconfig always answers with *some* font; only take it if it is the family asked for.
  bool family_matches = false;
  FcChar8* matched_family = nullptr;
  for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &matched_family) == FcResultMatch; ++i) {
    if (same_family(reinterpret_cast<const char*>(matched_family), family)) family_matches = true;
  }
  FcChar8* file = nullptr;
  int index = 0;
  const Face* face = nullptr;
  if (family_matches && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
    FcPatternGetInteger(match, FC_INDEX, 0, &index);
    face = open(reinterpret_cast<const char*>(file), index);
    // fontconfig answers with the nearest style; a missing italic must not pass for one.
    if (face && style_of(face->metrics()) != style) face = nullptr;
  }
  FcPatternDestroy(match);
  return face;
}

std::vector<std::string> FontRegistry::folder_families() const {
  std::vector<std::string> families;
  for (const FolderFont& font : folder_fonts_) {
    if (std::find(families.begin(), families.end(), font.family) == families.end()) families.push_back(font.family);
  }
  return families;
}

}  // namespace leafpress::fonts
