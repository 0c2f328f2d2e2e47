#include "cli/strings_export.hpp"

#include "document/variables.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <ostream>
#include <set>

#include "cli/run.hpp"
#include "cli/strings_common.hpp"
#include "core/atomic_file.hpp"
#include "core/read_file.hpp"
#include "document/variables.hpp"
#include "load/load_leaflet.hpp"
#include "locale/po_file.hpp"
#include "locale/xliff_file.hpp"

namespace leafpress::cli {
namespace fs = std::filesystem;
namespace {

bool has_markup(std::string_view text) { return text.find_first_of("*[") != std::string_view::npos; }

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

}  // namespace

int export_strings(const Options& options, std::ostream& out, std::ostream& err) {
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
    if (const auto names = document::placeholder_names(text->second.text); !names.empty()) {
      std::string listed;
      for (const auto& name : names) listed += (listed.empty() ? "{" : ", {") + name + "}";
      entry.comments.push_back("keep the placeholders as written: " + listed + " (each variant of the leaflet fills "
                               "them in)");
      entry.brace_format = true;
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

}  // namespace leafpress::cli
