#include "core/icc_profile.hpp"

#include <lcms2.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/c_handle.hpp"
#include "core/lcms2_functions.hpp"
#include "core/utf8.hpp"

namespace leafpress::core {
namespace {

constexpr std::size_t kHeaderSize = 128;  // ICC.1:2010 §7.2

using Profile = CHandle<void, [](void* profile) { liblcms2().cmsCloseProfile(profile); }>;

std::uint32_t big_endian32(std::string_view bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

/// A four-character signature as a message shows it: printable ASCII, else "?".
std::string signature(std::string_view bytes, std::size_t at) {
  std::string text(bytes.substr(at, 4));
  for (char& c : text) {
    if (c < 0x20 || c > 0x7E) c = '?';
  }
  return text;
}

/// The 'desc' tag as LittleCMS reads it (textDescriptionType or 'mluc'), in UTF-8.
std::string description(cmsHPROFILE profile) {
  const cmsUInt32Number size = liblcms2().cmsGetProfileInfo(profile, cmsInfoDescription, "en", "US", nullptr, 0);
  if (size < sizeof(wchar_t)) return {};
  std::vector<wchar_t> text(size / sizeof(wchar_t) + 1, L'\0');
  liblcms2().cmsGetProfileInfo(profile, cmsInfoDescription, "en", "US", text.data(), size);
  std::string out;
  for (const wchar_t c : text) {
    if (c == L'\0') break;
    const auto code = static_cast<char32_t>(c);
    append_utf8(out, code < 0x110000 && (code < 0xD800 || code > 0xDFFF) ? code : U'\uFFFD');
  }
  return out;
}

int components_of(const std::string& color_space) {
  if (color_space == "GRAY") return 1;
  if (color_space == "RGB ") return 3;
  if (color_space == "CMYK") return 4;
  return 0;
}

}  // namespace

std::optional<IccProfile> try_read_icc_profile(std::string bytes, std::string& problem) {
  problem.clear();
  if (bytes.size() < kHeaderSize) {
    problem = "not an ICC profile: it has " + std::to_string(bytes.size()) + " bytes, and the header alone has 128";
    return std::nullopt;
  }
  // ICC.1:2010 §7.2.1: the profile file signature 'acsp' at byte 36.
  if (std::string_view(bytes).substr(36, 4) != "acsp") {
    problem = "not an ICC profile: no 'acsp' signature at byte 36";
    return std::nullopt;
  }
  const std::size_t declared = big_endian32(bytes, 0);
  if (declared != bytes.size()) {
    problem = "a damaged ICC profile: its header says " + std::to_string(declared) + " bytes, the file has " +
              std::to_string(bytes.size());
    return std::nullopt;
  }
  const Profile opened(liblcms2().cmsOpenProfileFromMem(bytes.data(), static_cast<cmsUInt32Number>(bytes.size())));
  if (!opened) {
    problem = "a damaged ICC profile: LittleCMS cannot read its tag table";
    return std::nullopt;
  }
  IccProfile profile;
  profile.device_class = signature(bytes, 12);
  profile.color_space = signature(bytes, 16);
  profile.components = components_of(profile.color_space);
  profile.description = description(opened.get());
  // ICC.1:2010 §7.2.4: major version in byte 8, minor and bug-fix digits in byte 9.
  const cmsUInt32Number version = liblcms2().cmsGetEncodedICCversion(opened.get());
  profile.version_major = static_cast<int>(version >> 24);
  profile.version_minor = static_cast<int>((version >> 20) & 0x0F);
  profile.converts_to_device = true;
  for (const cmsUInt32Number intent : {INTENT_PERCEPTUAL, INTENT_RELATIVE_COLORIMETRIC}) {
    profile.converts_to_device =
        profile.converts_to_device && liblcms2().cmsIsIntentSupported(opened.get(), intent, LCMS_USED_AS_OUTPUT);
  }
  profile.bytes = std::make_shared<const std::string>(std::move(bytes));
  return profile;
}

std::string describe_icc_class(const std::string& device_class) {
  if (device_class == "prtr") return "an output ('prtr')";
  if (device_class == "mntr") return "a display ('mntr')";
  if (device_class == "scnr") return "an input ('scnr')";
  if (device_class == "spac") return "a colour space ('spac')";
  if (device_class == "link") return "a device link ('link')";
  if (device_class == "abst") return "an abstract ('abst')";
  if (device_class == "nmcl") return "a named colour ('nmcl')";
  return "a '" + device_class + "'";
}

}  // namespace leafpress::core
