#include "locale/translation_checks.hpp"

#include <algorithm>
#include <string>
#include <vector>

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

bool check_translation(std::string_view key, std::string_view source, std::string_view translation,
                       const core::SourceLoc& loc, core::Diagnostics& diags) {
  const std::size_t errors_before = diags.error_count();
  const document::RichText translated = parse_inline_markup(translation, loc, key, diags);
  if (diags.error_count() > errors_before) return false;
  core::Diagnostics source_problems;  // the source was checked when the leaflet loaded
  const std::vector<std::string> source_links = links_of(parse_inline_markup(source, loc, key, source_problems));
  const std::vector<std::string> translated_links = links_of(translated);
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
