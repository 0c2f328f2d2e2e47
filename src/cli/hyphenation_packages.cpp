#include "cli/hyphenation_packages.hpp"

#include <algorithm>
#include <array>

namespace leafpress::cli {
namespace {

// `apt-cache search --names-only '^hyphen-'` on Debian 12, less hyphen-show (a TeX tool);
// tests/unit checks each name with apt-cache where it runs.
constexpr std::array<HyphenationPackage, 50> kPackages{{
    {"af", "hyphen-af"}, {"as", "hyphen-as"}, {"be", "hyphen-be"}, {"bg", "hyphen-bg"},
    {"bn", "hyphen-bn"}, {"ca", "hyphen-ca"}, {"cs", "hyphen-cs"}, {"da", "hyphen-da"},
    {"de", "hyphen-de"}, {"el", "hyphen-el"}, {"en", "hyphen-en-us"}, {"en-US", "hyphen-en-us"},
    {"en-GB", "hyphen-en-gb"}, {"es", "hyphen-es"}, {"fr", "hyphen-fr"}, {"gl", "hyphen-gl"},
    {"gu", "hyphen-gu"}, {"hi", "hyphen-hi"}, {"hr", "hyphen-hr"}, {"hu", "hyphen-hu"},
    {"id", "hyphen-id"}, {"is", "hyphen-is"}, {"it", "hyphen-it"}, {"kn", "hyphen-kn"},
    {"lt", "hyphen-lt"}, {"lv", "hyphen-lv"}, {"ml", "hyphen-ml"}, {"mn", "hyphen-mn"},
    {"mr", "hyphen-mr"}, {"nl", "hyphen-nl"}, {"no", "hyphen-no"}, {"nb", "hyphen-no"},
    {"nn", "hyphen-no"}, {"or", "hyphen-or"}, {"pa", "hyphen-pa"}, {"pl", "hyphen-pl"},
    {"pt", "hyphen-pt-pt"}, {"pt-PT", "hyphen-pt-pt"}, {"pt-BR", "hyphen-pt-br"}, {"ro", "hyphen-ro"},
    {"ru", "hyphen-ru"}, {"sk", "hyphen-sk"}, {"sl", "hyphen-sl"}, {"sr", "hyphen-sr"},
    {"sv", "hyphen-sv"}, {"ta", "hyphen-ta"}, {"te", "hyphen-te"}, {"th", "hyphen-th"},
    {"uk", "hyphen-uk"}, {"zu", "hyphen-zu"},
}};

const HyphenationPackage* find(std::string_view language) {
  const auto it = std::find_if(kPackages.begin(), kPackages.end(),
                               [&](const HyphenationPackage& entry) { return entry.language == language; });
  return it == kPackages.end() ? nullptr : &*it;
}

}  // namespace

std::span<const HyphenationPackage> debian_hyphenation_packages() { return kPackages; }

std::optional<std::string> hyphenation_package_for(std::string_view language) {
  // "pt-BR" -> "pt-BR", then "pt"; "sr-Latn-RS" -> "sr-Latn-RS", then "sr".
  const std::size_t dash = language.find('-');
  const std::size_t last_dash = language.rfind('-');
  const std::string_view base = language.substr(0, dash);
  const std::string_view region = dash == std::string_view::npos ? std::string_view() : language.substr(last_dash + 1);
  const std::string with_region = std::string(base) + "-" + std::string(region);
  if (const HyphenationPackage* entry = region.empty() ? nullptr : find(with_region)) return std::string(entry->package);
  if (const HyphenationPackage* entry = find(base)) return std::string(entry->package);
  return std::nullopt;
}

}  // namespace leafpress::cli
