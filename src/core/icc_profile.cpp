#include "core/icc_profile.hpp"

#include <cstdint>
#include <string_view>

namespace leafpress::core {
namespace {

constexpr std::size_t kHeaderSize = 128;  // ICC.1:2010 §7.2

std::uint32_t big_endian32(std::string_view bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

/// `length` bytes at `offset` lie inside `size` bytes (no overflow on the way).
bool inside(std::size_t offset, std::size_t length, std::size_t size) {
  return offset <= size && length <= size - offset;
}

/// A four-character signature as a message shows it: printable ASCII, else "?".
std::string signature(std::string_view bytes, std::size_t at) {
  std::string text(bytes.substr(at, 4));
  for (char& c : text) {
    if (c < 0x20 || c > 0x7E) c = '?';
  }
  return text;
}

void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

/// UTF-16BE to UTF-8; unpaired surrogates become U+FFFD, NULs end the text.
std::string utf16be_to_utf8(std::string_view bytes) {
  std::string out;
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    std::uint32_t unit = (static_cast<unsigned char>(bytes[i]) << 8) | static_cast<unsigned char>(bytes[i + 1]);
    if (unit == 0) break;
    if (unit >= 0xD800 && unit < 0xDC00 && i + 3 < bytes.size()) {
      const std::uint32_t low = (static_cast<unsigned char>(bytes[i + 2]) << 8) | static_cast<unsigned char>(bytes[i + 3]);
      if (low >= 0xDC00 && low < 0xE000) {
        append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (unit >= 0xD800 && unit < 0xE000) unit = 0xFFFD;
    append_utf8(out, unit);
  }
  return out;
}

/// The text of a 'desc' tag: textDescriptionType (ICC v2, ASCII) or multiLocalizedUnicodeType
/// (v4 'mluc', its first record); empty when the tag is missing or malformed.
std::string description(std::string_view bytes) {
  const std::size_t size = bytes.size();
  if (!inside(kHeaderSize, 4, size)) return {};
  const std::size_t count = big_endian32(bytes, kHeaderSize);
  for (std::size_t i = 0; i < count && inside(kHeaderSize + 4 + 12 * i, 12, size); ++i) {
    const std::size_t entry = kHeaderSize + 4 + 12 * i;
    if (bytes.substr(entry, 4) != "desc") continue;
    const std::size_t offset = big_endian32(bytes, entry + 4);
    const std::size_t length = big_endian32(bytes, entry + 8);
    if (!inside(offset, length, size) || length < 12) return {};
    const std::string_view tag = bytes.substr(offset, length);
    if (tag.substr(0, 4) == "desc") {
      const std::size_t ascii = big_endian32(tag, 8);
      if (!inside(12, ascii, tag.size())) return {};
      std::string text(tag.substr(12, ascii));
      if (const auto nul = text.find('\0'); nul != std::string::npos) text.resize(nul);
      for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80 || c < 0x20) return {};  // not the ASCII it must be
      }
      return text;
    }
    if (tag.substr(0, 4) == "mluc" && tag.size() >= 28) {
      if (big_endian32(tag, 8) == 0) return {};
      const std::size_t text_length = big_endian32(tag, 20);
      const std::size_t text_offset = big_endian32(tag, 24);
      if (!inside(text_offset, text_length, tag.size())) return {};
      return utf16be_to_utf8(tag.substr(text_offset, text_length));
    }
    return {};
  }
  return {};
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
  IccProfile profile;
  profile.device_class = signature(bytes, 12);
  profile.color_space = signature(bytes, 16);
  profile.components = components_of(profile.color_space);
  profile.description = description(bytes);
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
