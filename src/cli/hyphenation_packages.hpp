#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace leafpress::cli {

/// The Debian packages (Debian 12) that install libhyphen dictionaries into
/// /usr/share/hyphen, each with the language code it serves ("pt-BR" for hyphen-pt-br).
struct HyphenationPackage {
  std::string_view language;
  std::string_view package;
};
std::span<const HyphenationPackage> debian_hyphenation_packages();

/// The Debian package holding hyphenation patterns for `language` (a BCP 47 tag: "el",
/// "pt-BR", "en"), its region's first and then the language's; nullopt when Debian has none
/// ("tr", "vi").
std::optional<std::string> hyphenation_package_for(std::string_view language);

}  // namespace leafpress::cli
