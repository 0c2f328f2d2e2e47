#include "cli/strings_import.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <ostream>
#include <set>

#include "cli/run.hpp"
#include "cli/strings_common.hpp"
#include "core/atomic_file.hpp"
#include "core/hash.hpp"
#include "core/read_file.hpp"
#include "load/load_leaflet.hpp"
#include "locale/catalog_yaml.hpp"
#include "locale/translation_checks.hpp"
#include "locale/xliff_file.hpp"

namespace leafpress::cli {
namespace fs = std::filesystem;
namespace {

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

}  // namespace

int import_strings(const Options& options, std::ostream& out, std::ostream& err) {
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
    const bool xliff = locale::looks_like_xml(*bytes);
    const std::string field = xliff ? "the XLIFF file's 'trgLang'" : "the PO header's 'Language'";
    diags.error({po_name, 0, 0},
                language.empty() ? (xliff ? "the XLIFF file has no 'trgLang'" : "the PO header has no 'Language' field")
                                 : field + " is '" + shown(language) + "', not a language tag",
                xliff ? "export it again from the translation tool with its target language"
                      : "set the translation's language (Poedit: Translation › Properties), e.g. 'Language: de'");
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

}  // namespace leafpress::cli
