#include "fonts/system_fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <set>
#include <string_view>

#include "core/atomic_file.hpp"
#include "core/cache_folder.hpp"
#include "core/hash.hpp"
#include "core/read_file.hpp"
#include "fonts/fontconfig_functions.hpp"

namespace leafpress::fonts {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kMagic = "leafpress-system-fonts-1";
constexpr std::size_t kMaxRemembered = 4 << 20;  // bytes of the cache entry
constexpr std::size_t kMaxFamilies = 512;       // questions remembered
// A folder changed this recently could change again within the same timestamp: answers read
// from it are not remembered (the "racy timestamp" rule of git's index).
constexpr auto kSettled = std::chrono::seconds(2);

/// The standard font folders of load_fontconfig's configuration, as fontconfig expands them;
/// nullopt when the environment makes that uncertain (FONTCONFIG_FILE or FONTCONFIG_PATH,
/// a relative HOME or XDG_DATA_HOME) or /etc/fonts/local.conf adds its own: then every run
/// asks fontconfig.
std::optional<std::vector<std::string>> standard_roots() {
  if (std::getenv("FONTCONFIG_FILE") || std::getenv("FONTCONFIG_PATH")) return std::nullopt;
  std::error_code ec;
  if (fs::exists("/etc/fonts/local.conf", ec) || ec) return std::nullopt;
  std::vector<std::string> roots = {"/usr/share/fonts", "/usr/local/share/fonts"};
  const char* home = std::getenv("HOME");
  if (home && *home != '/') return std::nullopt;
  if (const char* data = std::getenv("XDG_DATA_HOME")) {
    if (*data != '/') return std::nullopt;
    roots.push_back(std::string(data) + "/fonts");
  } else if (home) {
    roots.push_back(std::string(home) + "/.local/share/fonts");
  }
  if (home) roots.push_back(std::string(home) + "/.fonts");
  return roots;
}

/// One line per folder: "dir <seconds> <nanoseconds> <path>" or "absent <path>"; nullopt
/// when a folder cannot be looked at or its name cannot be written on a line. `settled` is
/// set false when a folder changed within kSettled.
std::optional<std::string> folder_lines(const std::set<std::string>& folders, bool& settled) {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  std::string lines;
  for (const std::string& folder : folders) {
    if (folder.find_first_of("\t\n") != std::string::npos) return std::nullopt;
    struct stat status {};
    if (::stat(folder.c_str(), &status) != 0) {
      if (errno != ENOENT && errno != ENOTDIR) return std::nullopt;
      lines += "absent\t" + folder + "\n";
      continue;
    }
    const auto changed = std::chrono::seconds(status.st_mtim.tv_sec) + std::chrono::nanoseconds(status.st_mtim.tv_nsec);
    if (changed + kSettled > now) settled = false;
    lines += "dir\t" + std::to_string(status.st_mtim.tv_sec) + "\t" + std::to_string(status.st_mtim.tv_nsec) + "\t" +
             folder + "\n";
  }
  return lines;
}

/// The system's fonts: see FontRegistry. The full configuration (dozens of XML files of
/// aliases and substitutions, which leafpress never uses: it asks for families by name)
/// costs more to parse than a leaflet to set; FONTCONFIG_FILE or FONTCONFIG_PATH in the
/// environment ask for it all the same.
FcConfig* load_fontconfig() {
  if (std::getenv("FONTCONFIG_FILE") || std::getenv("FONTCONFIG_PATH"))
    return libfontconfig().FcInitLoadConfigAndFonts();
  FcConfig* config = libfontconfig().FcConfigCreate();
  if (!config) return nullptr;
  static constexpr const char* kStandardFolders =
      "<?xml version=\"1.0\"?><fontconfig>"
      "<dir>/usr/share/fonts</dir><dir>/usr/local/share/fonts</dir>"
      "<dir prefix=\"xdg\">fonts</dir><dir>~/.fonts</dir>"
      "<cachedir>/var/cache/fontconfig</cachedir><cachedir prefix=\"xdg\">fontconfig</cachedir>"
      "<include ignore_missing=\"yes\">/etc/fonts/local.conf</include>"
      "</fontconfig>";
  if (!libfontconfig().FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(kStandardFolders),
                                                      FcFalse) ||
      !libfontconfig().FcConfigBuildFonts(config)) {
    libfontconfig().FcConfigDestroy(config);
    return libfontconfig().FcInitLoadConfigAndFonts();
  }
  return config;
}

/// Splits `line` at tabs into exactly `count` fields; false otherwise.
bool split(std::string_view line, std::size_t count, std::vector<std::string_view>& fields) {
  fields.clear();
  for (std::size_t start = 0;;) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields.size() == count;
}

bool to_int(std::string_view text, int& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

bool writable(std::string_view field) { return field.find_first_of("\t\n") == std::string_view::npos; }

void write_face(const SystemFace& face, std::string& out) {
  out += "face\t" + std::to_string(face.weight) + "\t" + std::to_string(face.slant) + "\t" +
         std::to_string(face.index) + "\t" + face.file + "\n";
  for (const std::string& family : face.families) out += "name\t" + family + "\n";
}

bool writable(const SystemFace& face) {
  return writable(face.file) && std::all_of(face.families.begin(), face.families.end(),
                                            [](const std::string& family) { return writable(family); });
}

}  // namespace

struct SystemFonts::Fontconfig {
  FcConfig* config = nullptr;
  std::optional<std::string> folders;  // folder_lines of the folders it read; nullopt: not to be remembered
  ~Fontconfig() {
    if (config) libfontconfig().FcConfigDestroy(config);
  }
};

/// The cache entry: where it is, the folders it was made from, and which answers came from
/// it and which from fontconfig in this run.
struct SystemFonts::Remembered {
  fs::path file;
  std::vector<std::string> roots;
  std::optional<std::string> folders;  // folder_lines of the entry read, when it was valid
  std::set<std::string> from_entry, from_fontconfig;  // families answered
  bool outlineless_from_entry = false, outlineless_from_fontconfig = false;

  /// Reads the entry into `scalable` and `without_outlines` when it is whole and every
  /// folder it names is as it was; leaves them empty otherwise.
  void read(std::map<std::string, std::vector<SystemFace>>& scalable,
            std::optional<std::vector<SystemFace>>& without_outlines);
};

void SystemFonts::Remembered::read(std::map<std::string, std::vector<SystemFace>>& scalable,
                                   std::optional<std::vector<SystemFace>>& without_outlines) {
  const auto bytes = core::try_read_file(file, kMaxRemembered);
  if (!bytes || bytes->size() > kMaxRemembered) return;
  std::string_view text = *bytes;
  if (!text.starts_with(std::string(kMagic) + "\n")) return;
  text.remove_prefix(kMagic.size() + 1);
  std::string recorded;  // the folder lines, which come first
  std::set<std::string> folder_names;
  std::map<std::string, std::vector<SystemFace>> families;
  std::optional<std::vector<SystemFace>> outlineless;
  std::vector<SystemFace>* faces = nullptr;  // the list being read
  std::vector<std::string_view> fields;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    if (end == std::string_view::npos) return;  // cut short
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(end + 1);
    const bool folder_line = line.starts_with("dir\t") || line.starts_with("absent\t");
    if (folder_line && !faces && split(line, line.starts_with("dir\t") ? 4 : 2, fields)) {
      folder_names.emplace(fields.back());
      recorded.append(line).append(1, '\n');
    } else if (line.starts_with("family\t") && split(line, 2, fields)) {
      faces = &families[std::string(fields[1])];
    } else if (line == "outlineless" && !outlineless) {
      faces = &outlineless.emplace();
    } else if (line.starts_with("face\t") && split(line, 5, fields) && faces) {
      SystemFace face;
      if (!to_int(fields[1], face.weight) || !to_int(fields[2], face.slant) || !to_int(fields[3], face.index)) return;
      face.file = fields[4];
      faces->push_back(std::move(face));
    } else if (line.starts_with("name\t") && split(line, 2, fields) && faces && !faces->empty()) {
      faces->back().families.emplace_back(fields[1]);
    } else {
      return;
    }
  }
  // Every standard folder must have been looked at, and every folder be as it was.
  for (const std::string& root : roots) {
    if (!folder_names.contains(root)) return;
  }
  bool settled = true;
  if (folder_lines(folder_names, settled) != recorded) return;
  folders = std::move(recorded);
  for (const auto& [family, _] : families) from_entry.insert(family);
  outlineless_from_entry = outlineless.has_value();
  scalable = std::move(families);
  without_outlines = std::move(outlineless);
}

SystemFonts::SystemFonts() {
  const auto folder = core::cache_folder();
  const auto roots = standard_roots();
  if (!folder || !roots) return;
  remembered_ = std::make_unique<Remembered>();
  remembered_->roots = *roots;
  std::string joined;
  for (const std::string& root : *roots) joined += root + "\n";
  remembered_->file = *folder / ("system-fonts-" + core::text_hash(joined) + ".txt");
  remembered_->read(scalable_, without_outlines_);
}

SystemFonts::~SystemFonts() { remember(); }

bool SystemFonts::loaded_fontconfig() const { return fontconfig_ != nullptr; }

SystemFonts::Fontconfig& SystemFonts::fontconfig() {
  if (fontconfig_) return *fontconfig_;
  fontconfig_ = std::make_unique<Fontconfig>();
  fontconfig_->config = load_fontconfig();
  if (!remembered_ || !fontconfig_->config) return *fontconfig_;
  // The folders fontconfig read, with the standard ones it skipped for being absent. Each
  // must lie in a standard folder: otherwise its configuration is not the one expected, and
  // nothing is remembered.
  std::set<std::string> folders(remembered_->roots.begin(), remembered_->roots.end());
  FcStrList* dirs = libfontconfig().FcConfigGetFontDirs(fontconfig_->config);
  bool expected = dirs != nullptr;
  while (FcChar8* dir = dirs ? libfontconfig().FcStrListNext(dirs) : nullptr) {
    const std::string name(reinterpret_cast<const char*>(dir));
    expected = expected && std::any_of(remembered_->roots.begin(), remembered_->roots.end(), [&](const std::string& root) {
                 return name == root || name.starts_with(root + "/");
               });
    folders.insert(name);
  }
  if (dirs) libfontconfig().FcStrListDone(dirs);
  bool settled = true;
  if (expected) fontconfig_->folders = folder_lines(folders, settled);
  if (!settled) fontconfig_->folders.reset();
  return *fontconfig_;
}

const std::vector<SystemFace>& SystemFonts::scalable(const std::string& family) {
  if (const auto known = scalable_.find(family); known != scalable_.end()) return known->second;
  std::vector<SystemFace>& faces = scalable_[family];
  if (FcConfig* config = fontconfig().config) {
    FcPattern* pattern = libfontconfig().FcPatternCreate();
    libfontconfig().FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    libfontconfig().FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);
    FcObjectSet* objects = libfontconfig().FcObjectSetBuild(FC_FILE, FC_INDEX, FC_WEIGHT, FC_SLANT, nullptr);
    if (FcFontSet* fonts = libfontconfig().FcFontList(config, pattern, objects)) {
      for (int i = 0; i < fonts->nfont; ++i) {
        SystemFace face;
        face.weight = FC_WEIGHT_REGULAR;
        face.slant = FC_SLANT_ROMAN;
        FcChar8* file = nullptr;
        if (libfontconfig().FcPatternGetString(fonts->fonts[i], FC_FILE, 0, &file) != FcResultMatch) continue;
        face.file = reinterpret_cast<const char*>(file);
        libfontconfig().FcPatternGetInteger(fonts->fonts[i], FC_INDEX, 0, &face.index);
        libfontconfig().FcPatternGetInteger(fonts->fonts[i], FC_WEIGHT, 0, &face.weight);
        libfontconfig().FcPatternGetInteger(fonts->fonts[i], FC_SLANT, 0, &face.slant);
        faces.push_back(std::move(face));
      }
      libfontconfig().FcFontSetDestroy(fonts);
      if (remembered_) remembered_->from_fontconfig.insert(family);
    }
    libfontconfig().FcObjectSetDestroy(objects);
    libfontconfig().FcPatternDestroy(pattern);
  }
  return faces;
}

const std::vector<SystemFace>& SystemFonts::without_outlines() {
  if (without_outlines_) return *without_outlines_;
  std::vector<SystemFace>& faces = without_outlines_.emplace();
  if (FcConfig* config = fontconfig().config) {
    // fontconfig's cache knows which faces have outlines, without opening them.
    FcPattern* all = libfontconfig().FcPatternCreate();
    libfontconfig().FcPatternAddBool(all, FC_OUTLINE, FcFalse);
    FcObjectSet* listed = libfontconfig().FcObjectSetBuild(FC_FAMILY, FC_FILE, FC_INDEX, nullptr);
    if (FcFontSet* fonts = libfontconfig().FcFontList(config, all, listed)) {
      for (int i = 0; i < fonts->nfont; ++i) {
        SystemFace face;
        FcChar8* file = nullptr;
        if (libfontconfig().FcPatternGetString(fonts->fonts[i], FC_FILE, 0, &file) != FcResultMatch) continue;
        face.file = reinterpret_cast<const char*>(file);
        libfontconfig().FcPatternGetInteger(fonts->fonts[i], FC_INDEX, 0, &face.index);
        FcChar8* name = nullptr;
        for (int n = 0; libfontconfig().FcPatternGetString(fonts->fonts[i], FC_FAMILY, n, &name) == FcResultMatch;
             ++n) {
          face.families.emplace_back(reinterpret_cast<const char*>(name));
        }
        faces.push_back(std::move(face));
      }
      libfontconfig().FcFontSetDestroy(fonts);
      if (remembered_) remembered_->outlineless_from_fontconfig = true;
    }
    libfontconfig().FcObjectSetDestroy(listed);
    libfontconfig().FcPatternDestroy(all);
  }
  return faces;
}

void SystemFonts::remember() {
  if (!remembered_ || !fontconfig_ || !fontconfig_->folders) return;
  Remembered& entry = *remembered_;
  if (entry.from_fontconfig.empty() && !entry.outlineless_from_fontconfig) return;  // nothing new
  // Answers read from the entry are kept only when fontconfig read the same folders.
  const bool same_folders = entry.folders == fontconfig_->folders;
  const auto keep = [&](const std::string& family) {
    return entry.from_fontconfig.contains(family) || (same_folders && entry.from_entry.contains(family));
  };
  std::string out = std::string(kMagic) + "\n" + *fontconfig_->folders;
  std::set<std::string> written;
  for (const auto& [family, faces] : scalable_) {
    if (!keep(family) || !writable(family) ||
        !std::all_of(faces.begin(), faces.end(), [](const SystemFace& face) { return writable(face); })) {
      continue;
    }
    if (written.size() >= kMaxFamilies) break;
    written.insert(family);
    out += "family\t" + family + "\n";
    for (const SystemFace& face : faces) write_face(face, out);
  }
  const bool outlineless = without_outlines_ &&
                           (entry.outlineless_from_fontconfig || (same_folders && entry.outlineless_from_entry)) &&
                           std::all_of(without_outlines_->begin(), without_outlines_->end(),
                                       [](const SystemFace& face) { return writable(face); });
  if (outlineless) {
    out += "outlineless\n";
    for (const SystemFace& face : *without_outlines_) write_face(face, out);
  }
  if (out.size() > kMaxRemembered) return;
  core::store_cache_entry(entry.file, out);
  // The entry now holds these answers, for fontconfig's folders: a later call writes them
  // again with any new ones.
  entry.folders = fontconfig_->folders;
  entry.from_entry = std::move(written);
  entry.outlineless_from_entry = outlineless;
  entry.from_fontconfig.clear();
  entry.outlineless_from_fontconfig = false;
}

}  // namespace leafpress::fonts
