#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "fonts/face.hpp"

namespace leafpress::pdf {

/// A font program as a PDF embeds it: its bytes deflated (core::Deflater at its default
/// level), and how many bytes it has before (a TrueType program's /Length1).
struct DeflatedProgram {
  std::string deflated;
  std::size_t size = 0;
};

/// Font programs in their embedded form (subset, reordered, deflated), kept across runs in a
/// cache folder, so that a run showing a face's glyphs through the same codes as an earlier
/// run neither subsets nor compresses them again. An entry is found under the face file's
/// identity when it was opened (fonts::Face::identity), the face's index, HarfBuzz's and
/// libdeflate's versions and a description of the codes (what the program is made from);
/// it holds exactly what those codes give when made afresh: output never depends on the cache.
class FontProgramCache {
 public:
  /// A cache in `folder`; nullopt: none (every lookup misses, nothing is stored).
  explicit FontProgramCache(std::optional<std::filesystem::path> folder) : folder_(std::move(folder)) {}

  /// The program stored for `face` and `codes`; nullopt when there is none, or it is damaged,
  /// cut short or of another version, or the face's file cannot vouch for its bytes.
  std::optional<DeflatedProgram> find(const fonts::Face& face, std::string_view codes) const;

  /// Stores `program`, what `codes` gave for `face`; quietly skipped when the face's file is
  /// no longer the one opened or the folder cannot be written (which only costs time).
  void store(const fonts::Face& face, std::string_view codes, const DeflatedProgram& program) const;

 private:
  std::optional<std::filesystem::path> entry_path(const fonts::Face& face, std::string_view codes) const;

  std::optional<std::filesystem::path> folder_;
};

}  // namespace leafpress::pdf
