#include "locale/translation_checks.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "document/variables.hpp"
#include "locale/inline_markup.hpp"

namespace leafpress::locale {
namespace {

/// The link addresses of a text, sorted, each as often as it is linked: the text's spans
/// split a link's text in several, so a link counts once per run of spans.
std::vector<std::string> links_of(const document::RichText& text) {
  std::vector<std::string> links;
  std::string previous;
  for (const document::Span& span : text.spans) {
    if (!span.link.empty() && span.link != previous) links.push_back(span.link);
    previous = span.link;
  }
  std::sort(links.begin(), links.end());
  return links;
}

std::string listed(const std::vector<std::string>& links) {
  if (links.empty()) return "none";
  std::string out;
  for (const std::string& link : links) out += (out.empty() ? "" : ", ") + link;
  return out;
}

}  // namespace

core::SourceLoc loc_of_offset(std::string_view bytes, std::size_t offset, const std::string& file) {
  const auto before = bytes.substr(0, offset);
  const auto line_start = before.rfind('\n');
  const std::size_t column_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  return {file, static_cast<int>(1 + std::count(before.begin(), before.end(), '\n')),
          static_cast<int>(offset - column_start + 1)};
}

bool check_translation_bytes(std::string_view bytes, const std::string& file_name, const core::Limits& limits,
                             core::Diagnostics& diags) {
  if (bytes.size() > limits.max_file_bytes) {
    diags.error({file_name, 0, 0},
                "file is " + core::format_bytes(bytes.size()) + ", over the limit of " +
                    core::format_bytes(limits.max_file_bytes),
                "translation files are small; raise the limit with --max-file-bytes if this one must be this big");
    return false;
  }
  if (const auto bad = core::find_invalid_utf8(bytes)) {
    diags.error(loc_of_offset(bytes, *bad, file_name), "invalid UTF-8 byte sequence",
                "save the file as UTF-8 (for a PO file: `msgconv --to-code=UTF-8`)");
    return false;
  }
  if (const auto nul = bytes.find('\0'); nul != std::string_view::npos) {
    diags.error(loc_of_offset(bytes, nul, file_name), "NUL byte in a translation file",
                "translation files are text; save the file as UTF-8 if it is UTF-16");
    return false;
  }
  return true;
}

bool check_translation(std::string_view key, std::string_view source, std::string_view translation,
                       const core::SourceLoc& loc, core::Diagnostics& diags) {
  const std::size_t errors_before = diags.error_count();
  const document::RichText translated = parse_inline_markup(translation, loc, key, diags);
  if (diags.error_count() > errors_before) return false;
  core::Diagnostics source_problems;  // the source was checked when the leaflet loaded
  const std::vector<std::string> source_links = links_of(parse_inline_markup(source, loc, key, source_problems));
  const std::vector<std::string> translated_links = links_of(translated);
  if (document::placeholder_names(source) != document::placeholder_names(translation)) {
    auto braces = [](std::string_view text) {
      std::string out;
      for (const auto& name : document::placeholder_names(text)) out += (out.empty() ? "{" : ", {") + name + "}";
      return out.empty() ? std::string("none") : out;
    };
    diags.error(loc,
                "the translation of '" + std::string(key) + "' has the placeholders " + braces(translation) +
                    " where the source has " + braces(source),
                "keep every {name} of the source as it is written; translate only the words around it");
    return false;
  }
  if (source_links != translated_links) {
    diags.error(loc,
                "the translation of '" + std::string(key) + "' links to " + listed(translated_links) +
                    ", the source to " + listed(source_links),
                "keep every [link text](address) of the source with its address; translate only the link text");
    return false;
  }
  return true;
}

}  // namespace leafpress::locale
