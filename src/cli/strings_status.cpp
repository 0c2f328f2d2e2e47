#include "cli/strings_status.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/run.hpp"
#include "cli/strings_common.hpp"
#include "core/atomic_file.hpp"
#include "core/diagnostics.hpp"
#include "core/hash.hpp"
#include "core/read_file.hpp"
#include "load/load_leaflet.hpp"
#include "locale/catalog_yaml.hpp"

namespace leafpress::cli {
namespace {

/// One language of one leaflet, as status reports it.
struct LanguageStatus {
  std::string leaflet;
  std::string language;
  std::size_t translated = 0;
  std::vector<std::string> missing;
  std::vector<std::string> outdated;
  std::vector<std::string> unrecorded;  // translated, but with no fingerprint to tell
};

std::vector<std::string> wanted_languages(const Options& options, const document::Document& doc) {
  std::vector<std::string> languages;
  for (const auto& [language, catalog] : doc.catalogs) {
    if (language == doc.default_language) continue;
    if (!options.languages.empty() &&
        std::find(options.languages.begin(), options.languages.end(), language) == options.languages.end()) {
      continue;
    }
    languages.push_back(language);
  }
  return languages;
}

LanguageStatus status_of(const document::Document& doc, const std::string& language) {
  const document::Catalog& source = *catalog_of(doc, doc.default_language);
  const document::Catalog& catalog = *catalog_of(doc, language);
  LanguageStatus status{doc.name, language, 0, {}, {}, {}};
  for (const auto& [key, roles] : keys_in_order(doc)) {
    const auto text = source.strings.find(key);
    if (text == source.strings.end()) continue;
    switch (standing(catalog, key, text->second.text)) {
      case Standing::translated: ++status.translated; break;
      case Standing::unrecorded:
        ++status.translated;
        status.unrecorded.push_back(key);
        break;
      case Standing::missing: status.missing.push_back(key); break;
      case Standing::outdated: status.outdated.push_back(key); break;
    }
  }
  return status;
}

/// The status as one JSON document (nlohmann-json escapes whatever the keys hold).
void print_json(const std::vector<LanguageStatus>& statuses, std::ostream& out) {
  nlohmann::json languages = nlohmann::json::array();
  for (const LanguageStatus& s : statuses) {
    languages.push_back({{"leaflet", s.leaflet},
                         {"language", s.language},
                         {"translated", s.translated},
                         {"missing", s.missing},
                         {"outdated", s.outdated},
                         {"unrecorded", s.unrecorded}});
  }
  out << nlohmann::json{{"languages", languages}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void print_table(const std::vector<LanguageStatus>& statuses, bool keys, std::ostream& out) {
  char line[256];
  std::snprintf(line, sizeof line, "%-20s %-8s %10s %8s %9s\n", "leaflet", "language", "translated", "missing",
                "outdated");
  out << line;
  for (const LanguageStatus& s : statuses) {
    std::snprintf(line, sizeof line, "%-20s %-8s %10zu %8zu %9zu\n", s.leaflet.c_str(), s.language.c_str(),
                  s.translated, s.missing.size(), s.outdated.size());
    out << line;
    if (!keys) continue;
    for (const std::string& key : s.missing) out << "  missing   " << key << '\n';
    for (const std::string& key : s.outdated) out << "  outdated  " << key << '\n';
    for (const std::string& key : s.unrecorded) out << "  no fingerprint  " << key << '\n';
  }
}

}  // namespace

int strings_status(const Options& options, const std::vector<std::string>& folders, std::ostream& out,
                   std::ostream& err) {
  bool loaded = true;
  std::vector<LanguageStatus> statuses;
  for (const std::string& folder : folders) {
    core::Diagnostics diags;
    const auto doc = load::load_leaflet(folder, diags, options.limits);
    print(diags, err);
    if (!doc) {
      loaded = false;
      continue;
    }
    for (const std::string& language : wanted_languages(options, *doc)) statuses.push_back(status_of(*doc, language));
  }
  if (options.report == ReportFormat::json) {
    print_json(statuses, out);
  } else {
    print_table(statuses, options.list_keys, out);
  }
  const bool complete = std::all_of(statuses.begin(), statuses.end(), [](const LanguageStatus& s) {
    return s.missing.empty() && s.outdated.empty() && s.unrecorded.empty();
  });
  if (!loaded) return kInputErrors;
  return options.strict && !complete ? kInputErrors : kOk;
}

int mark_current(const Options& options, const std::vector<std::string>& folders, std::ostream& out,
                 std::ostream& err) {
  int code = kOk;
  for (const std::string& folder : folders) {
    core::Diagnostics diags;
    const auto doc = load::load_leaflet(folder, diags, options.limits);
    print(diags, err);
    if (!doc) {
      code = kInputErrors;
      continue;
    }
    const document::Catalog& source = *catalog_of(*doc, doc->default_language);
    for (const std::string& language : wanted_languages(options, *doc)) {
      const document::Catalog& catalog = *catalog_of(*doc, language);
      std::map<std::string, std::string> additions;
      for (const auto& [key, entry] : catalog.strings) {
        const auto text = source.strings.find(key);
        // --replace: also outdated and fuzzy ones, which someone has now checked.
        if (text != source.strings.end() && (options.replace || !catalog.translated_from.count(key)) &&
            standing(catalog, key, text->second.text) != Standing::translated) {
          additions[key] = core::text_hash(text->second.text);
        }
      }
      if (additions.empty()) continue;
      const auto bytes = core::try_read_file(catalog.file, options.limits.max_file_bytes);
      const auto updated = bytes ? locale::with_translated_from(*bytes, additions) : std::nullopt;
      if (!updated) {
        err << catalog.file << ": error: cannot add to its 'translated_from' map (write it as one 'key: value' per line)\n";
        code = kInputErrors;
        continue;
      }
      core::write_file_atomically(catalog.file, *updated);
      out << "recorded " << additions.size() << " fingerprints in " << catalog.file << '\n';
    }
  }
  return code;
}

}  // namespace leafpress::cli
