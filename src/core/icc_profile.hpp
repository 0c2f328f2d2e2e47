#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace leafpress::core {

/// An ICC colour profile (ICC.1:2010): its bytes as read, and what LittleCMS read in them.
struct IccProfile {
  std::shared_ptr<const std::string> bytes;
  std::string device_class;  // header bytes 12–15: "prtr" (output), "mntr" (display), …
  std::string color_space;   // header bytes 16–19: "CMYK", "RGB ", "GRAY", …
  int components = 0;        // channels of the colour space: 1, 3, 4; 0 when not one of those
  std::string description;   // the 'desc' tag's text (UTF-8), or empty when it has none
  int version_major = 0;     // header bytes 8–9: 2 for 2.1.0, 4 for 4.3.0
  int version_minor = 0;     // the minor version's first digit: 1 for 2.1.0, 3 for 4.3.0
  /// The profile converts colours into its space with the perceptual, relative and absolute
  /// colorimetric intents (its BToA tables or matrix), as a press profile must.
  bool converts_to_device = false;
};

/// Profiles larger than this are refused: the largest press profiles are a few MiB.
inline constexpr std::size_t kMaxIccBytes = 16 * 1024 * 1024;

/// Checks the header of an ICC profile (at least 128 bytes, the size field equal to the
/// file's size, the 'acsp' signature at byte 36), then opens it with LittleCMS, which reads
/// its tags: class, colour space, version, description, and whether it converts colours
/// into its space. On failure returns nullopt and says why in `problem`, in the words of a
/// diagnostic.
std::optional<IccProfile> try_read_icc_profile(std::string bytes, std::string& problem);

/// "an output ('prtr')", "a display ('mntr')", …: a profile class as messages name it.
std::string describe_icc_class(const std::string& device_class);

}  // namespace leafpress::core
