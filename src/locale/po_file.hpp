#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.hpp"

namespace leafpress::locale {

/// One message of a gettext PO file: the leaflet's string key as msgctxt, the default
/// language's text as msgid, the translation as msgstr (empty: not translated yet).
struct PoEntry {
  std::vector<std::string> comments;  // "#." extracted comments, for translators
  std::string context;
  std::string source;
  std::string translation;
  bool fuzzy = false;  // "#, fuzzy": the translation needs checking (its source changed)
  core::SourceLoc loc;
};

/// A PO file: header fields ("Language", …) and the messages in file order.
struct PoFile {
  std::vector<std::pair<std::string, std::string>> header;
  std::vector<PoEntry> entries;

  /// The header field `name`, or an empty string.
  std::string header_field(std::string_view name) const;
};

/// The file as GNU gettext writes it (PO format, UTF-8): header entry first, then each
/// message with its comments.
std::string format_po(const PoFile& po, std::string_view title_comment);

/// Reads a PO file; reports malformed lines at their place and returns nullopt.
std::optional<PoFile> parse_po(std::string_view bytes, const std::string& file_name, core::Diagnostics& diags);

}  // namespace leafpress::locale
