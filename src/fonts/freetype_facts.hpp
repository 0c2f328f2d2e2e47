#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "fonts/face.hpp"

namespace leafpress::fonts {

/// What FreeType reads of a face that opens: its names and metrics. Opening a face through
/// FreeType (its library and modules started, the face's tables read) was 65 k instructions a
/// face, and a leaflet's theme opens eight: so the facts of a face that opened are kept in
/// the cache folder (core::cache_folder) under the file's core::settled_identity, its index
/// and FreeType's version, and a later run that opens the same file reads them instead.
/// Output never depends on whether they were there.
struct FreeTypeFacts {
  std::string family;
  std::string style_name;
  std::string postscript_name;  // sanitized for a PDF name
  FaceMetrics metrics;

  bool operator==(const FreeTypeFacts&) const = default;
};

/// Where the facts of face `index` of the file with `identity` are kept; nullopt when they
/// are not to be kept (no cache folder).
std::optional<std::filesystem::path> freetype_facts_file(std::string_view identity, int index);

/// The facts kept at `file`; nullopt when there are none, or when the entry is not exactly
/// what keep_freetype_facts writes.
std::optional<FreeTypeFacts> read_freetype_facts(const std::filesystem::path& file);

/// Keeps `facts` at `file` (quietly not, when it cannot be written).
void keep_freetype_facts(const std::filesystem::path& file, const FreeTypeFacts& facts);

}  // namespace leafpress::fonts
