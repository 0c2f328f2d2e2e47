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
#include "locale/po_file.hpp"
#include "locale/translation_checks.hpp"
#include "locale/xliff_file.hpp"

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
enum class Standing : std::uint8_t { translated, missing, outdated, unrecorded };

/// A translation without a fingerprint is `unrecorded`: it counts as translated, and
/// `strings mark-current` records it.
Standing standing(const document::Catalog& translation, const std::string& key, const std::string& source) {
  const auto entry = translation.strings.find(key);
  if (entry == translation.strings.end()) return Standing::missing;
  const auto from = translation.translated_from.find(key);
  if (from == translation.translated_from.end()) return Standing::unrecorded;
  if (from->second != core::text_hash(source)) return Standing::outdated;
  return Standing::translated;
}

bool has_markup(std::string_view text) { return text.find_first_of("*[") != std::string_view::npos; }

void print(const core::Diagnostics& diags, std::ostream& err) {
  for (const core::Diagnostic& d : core::in_reading_order(diags)) err << core::format(d) << '\n';
}

/// Text from a file, fit for one line of a message: control characters shown as '?'.
std::string shown(std::string_view text) { return locale::comment_safe(text.substr(0, 200)); }

// ---------------------------------------------------------------------------------- export

/// A PO or XLIFF file, told apart by their first bytes.
std::optional<locale::PoFile> read_translation_file(std::string_view bytes, const std::string& name,
                                                    const core::Limits& limits, core::Diagnostics& diags) {
  return locale::looks_like_xml(bytes) ? locale::try_parse_xliff(bytes, name, limits, diags)
                                       : locale::try_parse_po(bytes, name, limits, diags);
}

/// True for a file name that asks for XLIFF: FILE.xlf or FILE.xliff.
bool wants_xliff(const fs::path& target) {
  const std::string extension = target.extension().string();
  return extension == ".xlf" || extension == ".xliff";
}

/// The PO file a translator already has at `target`, whose comments and unimported work a
/// new export must keep; nullopt with an error when it exists but cannot be read.
std::optional<locale::PoFile> earlier_export(const fs::path& target, const core::Limits& limits,
                                             core::Diagnostics& diags) {
  std::error_code ec;
  if (!fs::exists(target, ec)) return locale::PoFile{};
  const auto bytes = core::try_read_file(target, limits.max_file_bytes);
  if (!bytes) {
    diags.error({target.string(), 0, 0}, "cannot read the file this export would replace");
    return std::nullopt;
  }
  auto po = read_translation_file(*bytes, target.string(), limits, diags);
  if (!po) {
    diags.error({target.string(), 0, 0}, "the file this export would replace is not a PO file leafpress can read",
                "move it away, or export with --out to another file; leafpress does not overwrite work it cannot read");
  }
  return po;
}

const locale::PoEntry* entry_for(const locale::PoFile& po, const std::string& key) {
  for (const locale::PoEntry& entry : po.entries) {
    if (!entry.obsolete && entry.context == key) return &entry;
  }
  return nullptr;
}

/// Reports each translation of the translator's file that the strings file lacks or has
/// otherwise: exporting over it would lose that work. Strings the leaflet no longer has are
/// not lost (export keeps them as obsolete messages). True when there is none.
bool check_nothing_unimported(const locale::PoFile& earlier, const document::Catalog& source,
                              const document::Catalog* existing, const std::string& language,
                              const std::string& folder, core::Diagnostics& diags) {
  bool clean = true;
  for (const locale::PoEntry& entry : earlier.entries) {
    if (entry.obsolete || !entry.context || entry.translation.empty() || !source.strings.count(*entry.context)) continue;
    const auto it = existing ? existing->strings.find(*entry.context) : std::map<std::string, document::StringEntry>::const_iterator();
    if (existing && it != existing->strings.end() && it->second.text == entry.translation) continue;
    const std::string file = existing ? existing->file : (fs::path(folder) / (language + ".yaml")).string();
    diags.error(entry.loc,
                "'" + shown(*entry.context) + "' has a translation here that " + file +
                    (existing && it != existing->strings.end() ? " translates differently" : " lacks") +
                    "; exporting over this file would lose it",
                "import the file first (`leafpress strings import FILE --into LEAFLET_DIR`), or export to another file with --out");
    clean = false;
  }
  return clean;
}

int export_po(const Options& options, std::ostream& out, std::ostream& err) {
  core::Diagnostics diags(options.strict);
  const auto doc = load::load_leaflet(options.leaflets.front(), diags, options.limits);
  print(diags, err);
  if (!doc) return kInputErrors;
  const bool templ = options.languages.empty();  // a POT template: the sources, no language
  const std::string language = templ ? std::string() : options.languages.front();
  const document::Catalog& source = *catalog_of(*doc, doc->default_language);
  const document::Catalog* existing = templ ? nullptr : catalog_of(*doc, language);
  const fs::path target = options.out_dir != "output" ? fs::path(options.out_dir)
                          : templ                      ? fs::path(doc->name + ".pot")
                                                       : fs::path(doc->name + "." + language + ".po");
  core::Diagnostics earlier_problems;
  const auto earlier = earlier_export(target, options.limits, earlier_problems);
  if (!earlier) {
    print(earlier_problems, err);
    return kInputErrors;
  }

  if (!check_nothing_unimported(*earlier, source, existing, language, doc->directory, diags)) {
    print(diags, err);
    return kInputErrors;
  }

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
  std::set<std::string> exported;
  for (const auto& [key, roles] : keys_in_order(*doc)) {
    const auto text = source.strings.find(key);
    if (text == source.strings.end()) continue;
    exported.insert(key);
    locale::PoEntry entry;
    entry.comments.push_back("key: " + key);
    for (const std::string& role : roles) entry.comments.push_back("used as: " + role);
    if (has_markup(text->second.text)) {
      entry.comments.push_back("keep the markup: *emphasis*, **strong**, [link text](address)");
    }
    if (text->second.loc.line > 0) entry.references.push_back({text->second.loc.file, text->second.loc.line});
    entry.context = key;
    entry.source = text->second.text;
    const locale::PoEntry* before = entry_for(*earlier, key);
    if (before) entry.translator_comments = before->translator_comments;
    const Standing state = existing ? standing(*existing, key, entry.source) : Standing::missing;
    if (state != Standing::missing) {
      entry.translation = existing->strings.at(key).text;
      entry.fuzzy = state == Standing::outdated;
    }
    if (entry.fuzzy) {
      entry.comments.push_back("OUTDATED: the source text changed after this was translated; check it");
      // "#|": the source the translation was made from, when the translator's file has it.
      if (before && before->source != entry.source) entry.previous_source = before->source;
      if (before && before->source == entry.source) entry.previous_source = before->previous_source;
    }
    po.entries.push_back(std::move(entry));
  }
  // Messages of the translator's file the leaflet no longer has stay, obsolete ("#~").
  for (const locale::PoEntry& before : earlier->entries) {
    if (before.obsolete || !before.context || exported.count(*before.context) || before.translation.empty()) continue;
    locale::PoEntry kept = before;
    kept.obsolete = true;
    kept.references.clear();
    po.entries.push_back(std::move(kept));
  }
  const std::string title = templ ? doc->name + ": strings for translation, from " + doc->default_language
                                  : doc->name + ": strings for translation into " + language + ", from " +
                                        doc->default_language;
  core::write_file_atomically(target, wants_xliff(target) ? locale::format_xliff(po, doc->default_language, language,
                                                                                options.leaflets.front())
                                                          : locale::format_po(po, title));
  out << "wrote " << target.string() << " (" << exported.size() << " strings)\n";
  return diags.has_errors() ? kInputErrors : kOk;
}

// ---------------------------------------------------------------------------------- import

/// The leaflet folder an import writes into: --into, or the nearest folder holding a
/// leaflet.yaml from the current one up. Never a path the file names.
std::optional<fs::path> import_folder(const Options& options, const locale::PoFile& po, const std::string& po_name,
                                      core::Diagnostics& diags) {
  if (!options.into_dir.empty()) return fs::path(options.into_dir);
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  for (fs::path dir = cwd; !ec && !dir.empty(); dir = dir.parent_path()) {
    std::error_code missing;
    if (fs::is_regular_file(dir / "leaflet.yaml", missing)) return dir;
    if (dir == dir.parent_path()) break;
  }
  const std::string named = po.header_field("X-Leafpress-Leaflet");
  diags.error({po_name, 0, 0}, "no leaflet folder to import into: neither --into nor a leaflet.yaml in the current folder or above",
              named.empty() ? "name the leaflet's folder: --into leaflets/NAME"
                            : "the file says it was exported from '" + shown(named) +
                                  "'; if that is the leaflet, import with --into " + shown(named));
  return std::nullopt;
}

/// What one import changes, checked whole before anything is written.
struct Merge {
  std::map<std::string, std::string> strings;          // key → translation, the result
  std::map<std::string, std::string> translated_from;  // key → fingerprint, the result
  std::size_t matched = 0;   // messages whose key the leaflet has
  std::size_t imported = 0;  // translations taken from the file
  std::size_t fuzzy = 0;     // of which fuzzy, kept as outdated
  std::size_t dropped = 0;   // earlier translations the file empties (only with --replace)
};

/// The key a message stands for: its msgctxt; for tools that lose msgctxt (translate-toolkit's
/// po2xliff and xliff2po), the "key:" comment export wrote, or else the one key whose source
/// text is its msgid.
std::optional<std::string> key_of(const locale::PoEntry& entry, const document::Catalog& source) {
  if (entry.context) return *entry.context;
  for (const std::string& comment : entry.comments) {
    if (comment.rfind("key: ", 0) == 0) return comment.substr(5);
  }
  std::optional<std::string> found;
  for (const auto& [key, text] : source.strings) {
    if (text.text != entry.source) continue;
    if (found) return std::nullopt;  // two keys say the same: which one is unknowable
    found = key;
  }
  return found;
}

Merge merge_translations(const locale::PoFile& po, const document::Catalog& source, const document::Catalog* existing,
                         bool replace, core::Diagnostics& diags) {
  Merge merge;
  if (existing) {
    for (const auto& [key, entry] : existing->strings) merge.strings[key] = entry.text;
    merge.translated_from = existing->translated_from;
  }
  std::map<std::string, int> seen;  // key → line of its message
  for (const locale::PoEntry& entry : po.entries) {
    if (entry.obsolete) continue;
    if (entry.plural) {
      diags.error(entry.loc, "plural forms are not used in leaflets", "give each string one msgstr");
      continue;
    }
    const auto key = key_of(entry, source);
    if (!key || !source.strings.count(*key)) {
      diags.warning(entry.loc,
                    key ? "the leaflet has no string '" + shown(*key) + "'; it is not imported"
                        : "the message has no msgctxt and its msgid is no single string of the leaflet; it is not imported",
                    "was it renamed in " + source.file + "? export again to get the current keys");
      continue;
    }
    if (const auto [it, added] = seen.emplace(*key, entry.loc.line); !added) {
      diags.error(entry.loc, "duplicate key '" + *key + "' (its first message is at line " + std::to_string(it->second) + ")",
                  "keep one message per key");
      continue;
    }
    ++merge.matched;
    if (entry.translation.empty()) {
      if (!merge.strings.count(*key)) continue;
      if (!replace) {
        diags.error(entry.loc, "the file has no translation for '" + *key + "', which " + existing->file +
                                   " translates; importing it would drop that translation",
                    "translate it in the file, or import with --replace to drop it");
        continue;
      }
      merge.strings.erase(*key);
      merge.translated_from.erase(*key);
      ++merge.dropped;
      continue;
    }
    if (!locale::check_translation(*key, source.strings.at(*key).text, entry.translation, entry.loc, diags)) continue;
    merge.strings[*key] = entry.translation;
    merge.translated_from[*key] = entry.fuzzy ? std::string(locale::kFuzzyFingerprint) : core::text_hash(entry.source);
    ++merge.imported;
    if (entry.fuzzy) ++merge.fuzzy;
  }
  if (merge.matched == 0 && !replace) {
    diags.error({po.entries.empty() ? std::string() : po.entries.front().loc.file, 0, 0},
                "no message of the file matches a string of the leaflet; nothing is imported",
                "is it the leaflet's file? export again from the leaflet, or import with --replace to import nothing");
  }
  return merge;
}

/// The translations in the source's key order (then any key the source lacks), for the file.
std::vector<std::pair<std::string, std::string>> in_source_order(const document::Document& doc, const Merge& merge) {
  std::vector<std::pair<std::string, std::string>> ordered;
  std::set<std::string> done;
  for (const auto& [key, roles] : keys_in_order(doc)) {
    const auto it = merge.strings.find(key);
    if (it != merge.strings.end() && done.insert(key).second) ordered.emplace_back(key, it->second);
  }
  for (const auto& [key, text] : merge.strings) {
    if (done.insert(key).second) ordered.emplace_back(key, text);
  }
  return ordered;
}

int import_po(const Options& options, std::ostream& out, std::ostream& err) {
  core::Diagnostics diags(options.strict);
  const std::string po_name = options.leaflets.front();
  const auto bytes = core::try_read_file(po_name, options.limits.max_file_bytes);
  if (!bytes) {
    err << po_name << ": error: cannot read the file\n";
    return kInputErrors;
  }
  if (bytes->size() > options.limits.max_file_bytes) {
    // Only the limit and one byte more were read: the file system knows the real size.
    std::error_code ec;
    const auto size = fs::file_size(po_name, ec);
    err << po_name << ": error: file is " << core::format_bytes(ec ? bytes->size() : static_cast<std::size_t>(size))
        << ", over the limit of " << core::format_bytes(options.limits.max_file_bytes)
        << "\n  hint: translation files are small; raise the limit with --max-file-bytes if this one must be this big\n";
    return kInputErrors;
  }
  const auto po = read_translation_file(*bytes, po_name, options.limits, diags);
  if (!po) {
    print(diags, err);
    return kInputErrors;
  }
  std::string language = po->header_field("Language");
  std::replace(language.begin(), language.end(), '_', '-');  // Poedit writes de_DE
  if (!load::is_language_tag(language)) {
    diags.error({po_name, 0, 0},
                language.empty() ? "the PO header has no 'Language' field"
                                 : "the PO header's 'Language' is '" + shown(language) + "', not a language tag",
                "set the translation's language (Poedit: Translation › Properties), e.g. 'Language: de'");
    print(diags, err);
    return kInputErrors;
  }
  const auto folder = import_folder(options, *po, po_name, diags);
  if (!folder) {
    print(diags, err);
    return kInputErrors;
  }
  const auto doc = load::load_leaflet(*folder, diags, options.limits);
  if (!doc) {
    print(diags, err);
    return kInputErrors;
  }
  if (language == doc->default_language) {
    diags.error({po_name, 0, 0}, "the file's language '" + language +
                                     "' is the leaflet's default language; importing it would overwrite the source texts",
                "translations go into other languages; edit " + catalog_of(*doc, language)->file + " itself");
    print(diags, err);
    return kInputErrors;
  }
  const document::Catalog& source = *catalog_of(*doc, doc->default_language);
  const document::Catalog* existing = catalog_of(*doc, language);
  const Merge merge = merge_translations(*po, source, existing, options.replace, diags);
  if (diags.has_errors()) {
    print(diags, err);
    return kInputErrors;
  }
  const fs::path target = existing ? fs::path(existing->file) : *folder / (language + ".yaml");
  if (merge.imported == 0 && merge.dropped == 0) {
    print(diags, err);
    out << "nothing to import: " << po_name << " has no translation; " << target.string() << " is unchanged\n";
    return kOk;
  }
  core::write_file_atomically(
      target, locale::format_catalog_yaml(doc->name + ": " + language + " strings, imported from " +
                                              locale::comment_safe(fs::path(po_name).filename().string()) +
                                              " by leafpress",
                                          in_source_order(*doc, merge), merge.translated_from));
  if (std::find(doc->languages.begin(), doc->languages.end(), language) == doc->languages.end()) {
    diags.warning(doc->languages_loc, "'" + language + "' is not in the leaflet's languages, so it is not built",
                  "add it to 'languages' in leaflet.yaml");
  }
  print(diags, err);
  out << "wrote " << target.string() << " (" << merge.imported << " strings imported";
  if (merge.fuzzy) out << ", " << merge.fuzzy << " of them fuzzy, kept as outdated";
  if (merge.dropped) out << ", " << merge.dropped << " earlier translations dropped";
  out << "; " << merge.strings.size() << " of " << keys_in_order(*doc).size() << " strings translated)\n";
  return diags.has_errors() ? kInputErrors : kOk;
}

// ----------------------------------------------------------------------- status, mark-current

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

std::string json_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const std::string& item : items) out += (out.size() > 1 ? ", " : "") + core::json_string(item);
  return out + "]";
}

void print_json(const std::vector<LanguageStatus>& statuses, std::ostream& out) {
  out << "{\"languages\": [";
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    const LanguageStatus& s = statuses[i];
    out << (i ? ",\n  " : "\n  ") << "{\"leaflet\": " << core::json_string(s.leaflet)
        << ", \"language\": " << core::json_string(s.language) << ", \"translated\": " << s.translated
        << ", \"missing\": " << json_list(s.missing) << ", \"outdated\": " << json_list(s.outdated)
        << ", \"unrecorded\": " << json_list(s.unrecorded) << "}";
  }
  out << (statuses.empty() ? "]}\n" : "\n]}\n");
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

int status(const Options& options, const std::vector<std::string>& folders, std::ostream& out, std::ostream& err) {
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
        if (text != source.strings.end() && !catalog.translated_from.count(key)) {
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

}  // namespace

int run_strings_command(const Options& options, std::ostream& out, std::ostream& err) {
  switch (options.strings_action) {
    case StringsAction::export_po:
      return export_po(options, out, err);
    case StringsAction::import_po:
      return import_po(options, out, err);
    case StringsAction::status:
      return status(options, options.leaflets.empty() ? default_leaflets() : options.leaflets, out, err);
    case StringsAction::mark_current:
      return mark_current(options, options.leaflets.empty() ? default_leaflets() : options.leaflets, out, err);
  }
  return kUsageError;
}

}  // namespace leafpress::cli
