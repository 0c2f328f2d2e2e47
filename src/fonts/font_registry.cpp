#include "fonts/font_registry.hpp"

#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <string_view>
#include <tuple>

#include "core/confine.hpp"
#include "core/utf8.hpp"
#include "fonts/system_fonts.hpp"

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

namespace {

/// The faces in a font file: several in a collection, one otherwise (0 when unreadable).
unsigned face_count(const fs::path& file) {
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(file.c_str());
  if (!blob) return 0;
  const unsigned count = hb_face_count(blob);
  hb_blob_destroy(blob);
  // A damaged header could claim millions: open() reports each face, so keep the list short.
  return std::min(count, 64u);
}

/// `name` without its spaces, into `out`.
void without_blanks(const char* name, std::string& out) {
  out.clear();
  for (; *name; ++name) {
    if (*name != ' ') out += *name;
  }
}

/// True when `a` and `b` are the same text once each character is case-folded (Unicode's
/// simple folding), as fontconfig's FcStrCmpIgnoreCase compares family names; done here so
/// that a run whose fontconfig answers are kept does not load fontconfig for this alone.
bool same_folded(std::string_view a, std::string_view b) {
  if (core::find_invalid_utf8(a) || core::find_invalid_utf8(b)) return a == b;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    const auto x = static_cast<UChar32>(core::next_code_point(a, i));
    const auto y = static_cast<UChar32>(core::next_code_point(b, j));
    if (x != y && u_foldCase(x, U_FOLD_CASE_DEFAULT) != u_foldCase(y, U_FOLD_CASE_DEFAULT)) return false;
  }
  return i == a.size() && j == b.size();
}

/// True when one of `face`'s family names is `family` (given without its spaces), compared as
/// fontconfig's listing compares them: blanks ignored, then case folded.
bool has_family(const SystemFace& face, const std::string& family, std::string& scratch) {
  for (const std::string& name : face.families) {
    without_blanks(name.c_str(), scratch);
    if (same_folded(scratch, family)) return true;
  }
  return false;
}

}  // namespace

FontRegistry::FontRegistry(std::vector<fs::path> font_folders, bool allow_outside)
    : system_(std::make_unique<SystemFonts>()) {
  std::vector<std::pair<fs::path, fs::path>> files;  // (file, its folder)
  for (const fs::path& folder : font_folders) {
    std::error_code ec;
    // Symlinked folders are not followed (the default); symlinked files are checked below.
    for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      std::string extension = it->path().extension().string();
      std::transform(extension.begin(), extension.end(), extension.begin(), ::tolower);
      if (extension == ".ttf" || extension == ".otf" || extension == ".ttc" || extension == ".otc") {
        files.emplace_back(it->path(), folder);
      }
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
    // A collection (.ttc, .otc) holds several faces, each listed as a font of its own.
    const unsigned faces = face_count(file);
    for (unsigned index = 0; index < std::max(faces, 1u); ++index) {
      std::string error;
      if (const Face* face = open(file, static_cast<int>(index), error)) {
        folder_fonts_.push_back({face->family(), style_of(face->metrics()), file, static_cast<int>(index)});
      } else {
        unusable_files_.push_back({file, faces > 1 ? "face " + std::to_string(index) + ": " + error : error,
                                   "replace it with a complete .ttf or .otf file, or remove it"});
      }
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
  // Every scalable face of the family, nearest style first: fontconfig's matching would
  // always answer with *some* font, and its substitution rules cost more than the search.
  // Each family is listed once for all its styles (a list costs 0.3 M instructions:
  // fontconfig matches every face of the system), and remembered across runs.
  const std::vector<SystemFace>& fonts = system_->scalable(std::string(family));
  const bool bold = style == FontStyle::bold || style == FontStyle::bold_italic;
  const bool italic = style == FontStyle::italic || style == FontStyle::bold_italic;
  struct Candidate {
    int distance;
    std::string file;
    int index;
    bool operator<(const Candidate& other) const {
      return std::tie(distance, file, index) < std::tie(other.distance, other.file, other.index);
    }
  };
  std::vector<Candidate> candidates;
  for (const SystemFace& font : fonts) {
    if ((font.slant != FC_SLANT_ROMAN) != italic) continue;
    const int wanted = bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;
    candidates.push_back({std::abs(font.weight - wanted), font.file, font.index});
  }
  std::sort(candidates.begin(), candidates.end());
  for (const Candidate& candidate : candidates) {
    // A face whose own tables say another style must not pass for this one.
    const Face* face = open(candidate.file, candidate.index);
    if (face && style_of(face->metrics()) == style) return face;
  }
  return nullptr;
}

std::optional<std::string> FontRegistry::unusable_reason(std::string_view family) {
  // Files of the font folders that cannot be used are reported by themselves (unusable_files).
  // The faces of the family without outlines (fontconfig's cache knows, without opening
  // them), bitmap ones included, unlike find_in_system. The system's faces without outlines
  // are listed once and each family looked for among those few: a list of all the system's
  // faces per family named in the fallback chains cost 10 M instructions a run, and
  // fontconfig's FcFontSetList on the few 0.1 M each (it clears a hash table per call).
  std::string family_name;
  std::string scratch;
  without_blanks(std::string(family).c_str(), family_name);
  for (const SystemFace& font : system_->without_outlines()) {
    if (!has_family(font, family_name, scratch)) continue;
    std::string error;
    if (!Face::try_open(font.file, font.index, error)) return error;
  }
  return std::nullopt;
}

bool FontRegistry::is_folder_face(const Face& face) const {
  return std::any_of(folder_fonts_.begin(), folder_fonts_.end(), [&](const FolderFont& font) {
    return font.path == face.path() && font.index == face.index();
  });
}

std::vector<std::string> FontRegistry::folder_families() const {
  std::vector<std::string> families;
  for (const FolderFont& font : folder_fonts_) {
    if (std::find(families.begin(), families.end(), font.family) == families.end()) families.push_back(font.family);
  }
  return families;
}

}  // namespace leafpress::fonts
