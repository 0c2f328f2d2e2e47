#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"

namespace leafpress::locale {

/// Where a string is written: a "#:" reference, file and line.
struct PoReference {
  std::string file;
  int line = 0;
};

/// One message of a gettext PO file: the leaflet's string key as msgctxt, the default
/// language's text as msgid, the translation as msgstr (empty: not translated yet).
struct PoEntry {
  std::vector<std::string> comments;  // "#." extracted comments, for translators
  std::string translator_comments;    // "# " lines the translator wrote, one per line
  std::vector<PoReference> references;  // "#:" where the source text is written
  std::optional<std::string> context;   // msgctxt; nullopt when the message has none
  std::string source;
  std::string translation;
  std::string previous_source;  // "#| msgid": what a fuzzy translation was made from; empty if unknown
  bool fuzzy = false;     // "#, fuzzy": the translation needs checking (its source changed)
  bool obsolete = false;  // "#~": a message the template no longer has, kept by the translator's tools
  bool plural = false;    // msgid_plural: leaflets have no plural forms
  /// "#, python-brace-format": the text holds `{variable}` placeholders, which
  /// `msgfmt --check` and PO editors then hold the translation to.
  bool brace_format = false;
  core::SourceLoc loc;    // the message's msgid line
};

/// A PO file: header fields ("Language", …) and the messages in file order.
struct PoFile {
  std::vector<std::pair<std::string, std::string>> header;
  std::vector<PoEntry> entries;

  /// The header field `name`, or an empty string.
  std::string header_field(std::string_view name) const;
};

/// The file as GNU gettext writes it (libgettextpo's own writer, UTF-8): the header entry
/// with `title_comment` first, then each message with its comments.
std::string format_po(const PoFile& po, std::string_view title_comment);

/// Reads a PO file with libgettextpo within `limits` (file size, string size) after checking
/// that it is UTF-8 and declares UTF-8. Reports every problem at its line and returns
/// nullopt when any is an error. Plural messages are returned with `plural` set.
std::optional<PoFile> try_parse_po(std::string_view bytes, const std::string& file_name, const core::Limits& limits,
                                   core::Diagnostics& diags);

}  // namespace leafpress::locale
