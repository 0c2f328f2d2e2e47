#include "cli/strings_common.hpp"

#include <map>
#include <ostream>

#include "core/hash.hpp"
#include "document/text_uses.hpp"
#include "locale/catalog_yaml.hpp"
#include "locale/xliff_file.hpp"

namespace leafpress::cli {

const document::Catalog* catalog_of(const document::Document& doc, const std::string& language) {
  const auto it = doc.catalogs.find(language);
  return it == doc.catalogs.end() ? nullptr : &it->second;
}

std::vector<std::pair<std::string, std::vector<std::string>>> keys_in_order(const document::Document& doc) {
  std::vector<std::pair<std::string, std::vector<std::string>>> keys;
  std::map<std::string, std::size_t> index;
  for (const document::TextUse& use : document::text_uses(doc)) {
    const std::string& key = use.ref->key;
    const auto [it, added] = index.emplace(key, keys.size());
    if (added) keys.push_back({key, {}});
    keys[it->second].second.push_back(use.role);
  }
  return keys;
}

Standing standing(const document::Catalog& translation, const std::string& key, const std::string& source) {
  const auto entry = translation.strings.find(key);
  if (entry == translation.strings.end()) return Standing::missing;
  const auto from = translation.translated_from.find(key);
  if (from == translation.translated_from.end()) return Standing::unrecorded;
  if (from->second != core::text_hash(source)) return Standing::outdated;
  return Standing::translated;
}

void print(const core::Diagnostics& diags, std::ostream& err) {
  for (const core::Diagnostic& d : core::in_reading_order(diags)) err << core::format(d) << '\n';
}

std::string shown(std::string_view text) { return locale::comment_safe(text.substr(0, 200)); }

std::optional<locale::PoFile> read_translation_file(std::string_view bytes, const std::string& name,
                                                    const core::Limits& limits, core::Diagnostics& diags) {
  return locale::looks_like_xml(bytes) ? locale::try_parse_xliff(bytes, name, limits, diags)
                                       : locale::try_parse_po(bytes, name, limits, diags);
}

}  // namespace leafpress::cli
