#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace leafpress::fonts {

/// A face of the system's fonts as fontconfig lists it.
struct SystemFace {
  std::string file;
  int index = 0;
  int weight = 0;  // fontconfig's scale (FC_WEIGHT_REGULAR 80, FC_WEIGHT_BOLD 200)
  int slant = 0;   // fontconfig's (FC_SLANT_ROMAN 0)
  std::vector<std::string> families;  // only for faces without outlines
  bool operator==(const SystemFace&) const = default;
};

/// The system's fonts, read from fontconfig's caches of the standard font folders, and
/// fontconfig's answers remembered in the cache folder (core::cache_folder) with the
/// modification times of every font folder fontconfig read: a later run whose folders are
/// unchanged takes the answers from there without loading fontconfig (its configuration and
/// twenty-odd cache files cost 0.7 ms, more than a one-word leaflet's typesetting). A folder
/// that changed, appeared or went, a damaged entry, or a question not asked before loads
/// fontconfig and asks it. Answers are fontconfig's own in every case.
class SystemFonts {
 public:
  /// Reads the remembered answers, when they are still true.
  SystemFonts();
  /// Remembers the answers fontconfig gave in this run (remember()).
  ~SystemFonts();
  SystemFonts(const SystemFonts&) = delete;
  SystemFonts& operator=(const SystemFonts&) = delete;

  /// The scalable faces of `family`, as FcFontList lists them (family names compared as
  /// fontconfig compares them), in its order; none when fontconfig cannot be loaded.
  const std::vector<SystemFace>& scalable(const std::string& family);

  /// Every face without outlines (bitmap and colour-bitmap fonts), with its family names.
  const std::vector<SystemFace>& without_outlines();

  /// Whether fontconfig itself was loaded in this run (for tests).
  bool loaded_fontconfig() const;

  /// Writes the answers fontconfig gave since the last call, with those of the entry still
  /// true, to the cache folder (at the end of the run: one write, not one per question); a
  /// cache that cannot be written is skipped.
  void remember();

 private:
  struct Fontconfig;
  struct Remembered;

  Fontconfig& fontconfig();

  std::unique_ptr<Fontconfig> fontconfig_;
  std::unique_ptr<Remembered> remembered_;
  std::map<std::string, std::vector<SystemFace>> scalable_;
  std::optional<std::vector<SystemFace>> without_outlines_;
};

}  // namespace leafpress::fonts
