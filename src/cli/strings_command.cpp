#include "cli/strings_command.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <ostream>
#include <set>

#include "cli/leaflet_folders.hpp"
#include "cli/run.hpp"
#include "core/atomic_file.hpp"
#include "core/hash.hpp"
#include "core/read_file.hpp"
#include "document/text_uses.hpp"
#include "load/load_leaflet.hpp"
#include "locale/catalog_yaml.hpp"
#include "locale/inline_markup.hpp"
#include "locale/po_file.hpp"

namespace leafpress::cli {
namespace fs = std::filesystem;
namespace {

const document::Catalog* catalog_of(const document::Document& doc, const std::string& language) {
  const auto it = doc.catalogs.find(language);
  return it == doc.catalogs.end() ? nullptr : &it->second;
}

/// The keys the leaflet uses, in reading order, each once, with every part it plays.
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

/// Where a key's translation stands against the default language's text.
enum class Standing : std::uint8_t { translated, missing, outdated };

Standing standing(const document::Catalog& translation, const std::string& key, const std::string& source) {
  const auto entry = translation.strings.find(key);
  if (entry == translation.strings.end()) return Standing::missing;
  const auto from = translation.translated_from.find(key);
  if (from != translation.translated_from.end() && from->second != core::text_hash(source)) return Standing::outdated;
  return Standing::translated;
}

bool has_markup(std::string_view text) { return text.find_first_of("*[") != std::string_view::npos; }

void print(const core::Diagnostics& diags, std::ostream& err) {
  for (const core::Diagnostic& d : core::in_reading_order(diags)) err << core::format(d) << '\n';
}

int export_po(const Options& options, std::ostream& out, std::ostream& err) {
  core::Diagnostics diags(options.strict);
  const auto doc = load::load_leaflet(options.leaflets.front(), diags);
  print(diags, err);
  if (!doc) return kInputErrors;
  const std::string& language = options.languages.front();
  const document::Catalog& source = *catalog_of(*doc, doc->default_language);
  const document::Catalog* existing = catalog_of(*doc, language);

  locale::PoFile po;
  // No dates: the same leaflet exports the same file. Translators' tools fill these in.
  po.header = {{"Project-Id-Version", "leafpress leaflet " + doc->name},
               {"PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE"},
               {"Last-Translator", "FULL NAME <EMAIL@ADDRESS>"},
               {"Language-Team", language},
               {"Language", language},
               {"MIME-Version", "1.0"},
               {"Content-Type", "text/plain; charset=UTF-8"},
               {"Content-Transfer-Encoding", "8bit"},
               {"X-Leafpress-Leaflet", options.leaflets.front()},
               {"X-Leafpress-Source-Language", doc->default_language}};
  for (const auto& [key, roles] : keys_in_order(*doc)) {
    const auto text = source.strings.find(key);
    if (text == source.strings.end()) continue;
    locale::PoEntry entry;
    entry.comments.push_back("key: " + key);
    for (const std::string& role : roles) entry.comments.push_back("used as: " + role);
    if (has_markup(text->second.text)) {
      entry.comments.push_back("keep the markup: *emphasis*, **strong**, [link text](address)");
    }
    entry.context = key;
    entry.source = text->second.text;
    if (existing && standing(*existing, key, entry.source) != Standing::missing) {
      entry.translation = existing->strings.at(key).text;
      if (standing(*existing, key, entry.source) == Standing::outdated) {
        entry.comments.push_back("OUTDATED: the source text changed after this was translated; check it");
        entry.fuzzy = true;
      }
    }
    po.entries.push_back(std::move(entry));
  }
  const fs::path target =
      options.out_dir != "output" ? fs::path(options.out_dir) : fs::path(doc->name + "." + language + ".po");
  core::write_file_atomically(target, locale::format_po(po, doc->name + ": strings for translation into " + language +
                                                                 ", from " + doc->default_language));
  out << "wrote " << target.string() << " (" << po.entries.size() << " strings)\n";
  return diags.has_errors() ? kInputErrors : kOk;
}

int import_po(const Options& options, std::ostream& out, std::ostream& err) {
  core::Diagnostics diags(options.strict);
  const std::string po_name = options.leaflets.front();
  const auto bytes = core::try_read_file(po_name);
  if (!bytes) {
    err << po_name << ": error: cannot read the file\n";
    return kInputErrors;
  }
  const auto po = locale::parse_po(*bytes, po_name, diags);
  if (!po) {
    print(diags, err);
    return kInputErrors;
  }
  const std::string language = po->header_field("Language");
  const std::string leaflet_dir = options.into_dir.empty() ? po->header_field("X-Leafpress-Leaflet") : options.into_dir;
  if (!load::is_language_tag(language) || leaflet_dir.empty()) {
    diags.error({po_name, 1, 1}, "the PO header has no 'Language' or no 'X-Leafpress-Leaflet' field",
                "export the file with `leafpress strings export`, or name the leaflet with --into");
    print(diags, err);
    return kInputErrors;
  }
  const auto doc = load::load_leaflet(leaflet_dir, diags);
  if (!doc) {
    print(diags, err);
    return kInputErrors;
  }
  const document::Catalog& source = *catalog_of(*doc, doc->default_language);
  std::vector<std::pair<std::string, std::string>> strings;
  std::map<std::string, std::string> translated_from;
  for (const locale::PoEntry& entry : po->entries) {
    if (!source.strings.count(entry.context)) {
      diags.warning(entry.loc, "the leaflet has no string '" + entry.context + "'; it is not imported",
                    "was it renamed in " + source.file + "? export again to get the current keys");
      continue;
    }
    if (entry.translation.empty()) continue;
    locale::parse_inline_markup(entry.translation, entry.loc, entry.context, diags);
    strings.emplace_back(entry.context, entry.translation);
    translated_from[entry.context] = core::text_hash(entry.source);
  }
  if (diags.has_errors()) {
    print(diags, err);
    return kInputErrors;
  }
  const fs::path target = fs::path(leaflet_dir) / (language + ".yaml");
  core::write_file_atomically(
      target, locale::format_catalog_yaml(doc->name + ": " + language + " strings, imported from " +
                                              fs::path(po_name).filename().string() + " by leafpress",
                                          strings, translated_from));
  if (std::find(doc->languages.begin(), doc->languages.end(), language) == doc->languages.end()) {
    diags.warning(doc->languages_loc, "'" + language + "' is not in the leaflet's languages, so it is not built",
                  "add it to 'languages' in leaflet.yaml");
  }
  print(diags, err);
  out << "wrote " << target.string() << " (" << strings.size() << " of " << po->entries.size()
      << " strings translated)\n";
  return diags.has_errors() ? kInputErrors : kOk;
}

int status(const Options& options, const std::vector<std::string>& folders, std::ostream& out, std::ostream& err) {
  bool complete = true;
  bool loaded = true;
  char line[256];
  std::snprintf(line, sizeof line, "%-20s %-8s %10s %8s %9s\n", "leaflet", "language", "translated", "missing",
                "outdated");
  out << line;
  for (const std::string& folder : folders) {
    core::Diagnostics diags;
    const auto doc = load::load_leaflet(folder, diags);
    print(diags, err);
    if (!doc) {
      loaded = false;
      continue;
    }
    const document::Catalog& source = *catalog_of(*doc, doc->default_language);
    for (const auto& [language, catalog] : doc->catalogs) {
      if (language == doc->default_language) continue;
      std::size_t counts[3] = {0, 0, 0};
      for (const auto& [key, roles] : keys_in_order(*doc)) {
        const auto text = source.strings.find(key);
        if (text != source.strings.end()) ++counts[static_cast<int>(standing(catalog, key, text->second.text))];
      }
      complete = complete && counts[1] == 0 && counts[2] == 0;
      std::snprintf(line, sizeof line, "%-20s %-8s %10zu %8zu %9zu\n", doc->name.c_str(), language.c_str(), counts[0],
                    counts[1], counts[2]);
      out << line;
    }
  }
  if (!loaded) return kInputErrors;
  return options.strict && !complete ? kInputErrors : kOk;
}

}  // namespace

int run_strings_command(const Options& options, std::ostream& out, std::ostream& err) {
  switch (options.strings_action) {
    case StringsAction::export_po:
      return export_po(options, out, err);
    case StringsAction::import_po:
      return import_po(options, out, err);
    case StringsAction::status:
      return status(options, options.leaflets.empty() ? default_leaflets() : options.leaflets, out, err);
  }
  return kUsageError;
}

}  // namespace leafpress::cli
