#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fonts/face.hpp"
#include "fonts/system_fonts.hpp"

namespace leafpress::fonts {

enum class FontStyle : std::uint8_t { regular, italic, bold, bold_italic };

/// Finds faces by family and style: fonts dropped into the project's font folders win, then
/// the system's fonts through fontconfig. Each file is opened once and kept for the run.
class FontRegistry {
 public:
  /// Opens every .ttf and .otf file under `font_folders`, and every face of each .ttc and .otc
  /// collection; a file reached through a symlink
  /// that resolves outside its folder is refused (listed as unusable) unless `allow_outside`.
  explicit FontRegistry(std::vector<std::filesystem::path> font_folders, bool allow_outside = false);
  ~FontRegistry();
  FontRegistry(const FontRegistry&) = delete;
  FontRegistry& operator=(const FontRegistry&) = delete;

  /// The face of `family` in `style` (or the family's nearest style), nullptr when no font
  /// of that family is installed.
  const Face* find(std::string_view family, FontStyle style);

  /// Why `family` is installed but cannot be used, when fontconfig lists a face of it
  /// without outlines ("its glyphs are colour bitmaps (CBDT), ..."); nullopt when it is
  /// not installed or has outlines.
  std::optional<std::string> unusable_reason(std::string_view family);

  /// Whether `face` was opened from one of the project's font folders (a brand font).
  bool is_folder_face(const Face& face) const;

  /// Families of the project's font folders, for hints in "unknown font" errors.
  std::vector<std::string> folder_families() const;

  /// Files in the font folders that could not be used, with the reason and what to do.
  /// `refused`: the file may be fine but was not read (a link leading outside its folder).
  struct UnusableFile {
    std::filesystem::path path;
    std::string reason;
    std::string hint;
    bool refused = false;
  };
  const std::vector<UnusableFile>& unusable_files() const { return unusable_files_; }

  /// Writes what fontconfig answered in this run to the cache folder (SystemFonts::remember).
  void remember_system_fonts() { system_->remember(); }

 private:
  struct FolderFont {
    std::string family;
    FontStyle style;
    std::filesystem::path path;
    int index;
  };

  const Face* open(const std::filesystem::path& path, int index);
  const Face* find_in_folders(std::string_view family, FontStyle style);
  const Face* find_in_system(std::string_view family, FontStyle style);

  const Face* open(const std::filesystem::path& path, int index, std::string& error);

  std::vector<FolderFont> folder_fonts_;
  std::vector<UnusableFile> unusable_files_;
  std::map<std::pair<std::string, int>, std::unique_ptr<Face>> faces_;
  std::map<std::pair<std::string, FontStyle>, const Face*> found_;
  std::unique_ptr<SystemFonts> system_;
};

}  // namespace leafpress::fonts
