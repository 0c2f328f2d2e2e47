#include "pdf/font_usage.hpp"

#include "core/utf8.hpp"

namespace leafpress::pdf {
namespace {

constexpr std::string_view kSoftHyphen = "\u00AD";

}  // namespace

std::string extraction_text(std::string_view text, bool rtl) {
  if (!rtl) return std::string(text);
  std::vector<std::string_view> chars;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t start = at;
    core::next_code_point(text, at);
    chars.push_back(text.substr(start, at - start));
  }
  std::string reversed;
  for (auto it = chars.rbegin(); it != chars.rend(); ++it) reversed += *it;
  return reversed;
}

std::size_t cluster_end(const text::GlyphRun& run, std::size_t first) {
  std::size_t last = first + 1;
  while (last < run.glyphs.size() && run.glyphs[last].cluster == run.glyphs[first].cluster) ++last;
  return last;
}

std::map<const fonts::Face*, FontUsage> collect_font_usage(const layout::Pages& pages) {
  std::map<const fonts::Face*, FontUsage> usage;
  for (const layout::Page& page : pages.pages) {
    for (const layout::Item& item : page.items) {
      const auto* glyphs = std::get_if<layout::GlyphItem>(&item);
      if (!glyphs) continue;
      FontUsage& face_usage = usage[glyphs->run.face];
      const text::GlyphRun& run = glyphs->run;
      for (std::size_t first = 0; first < run.glyphs.size();) {
        const std::size_t last = cluster_end(run, first);
        for (std::size_t k = first; k < last; ++k) face_usage.glyphs.insert(run.glyphs[k].id);
        // A base with its marks says its text through /ActualText; the base glyph alone
        // must not claim the marks in /ToUnicode.
        if (last == first + 1 && !run.glyphs[first].text.empty()) {
          const std::string text = extraction_text(run.glyphs[first].text, run.rtl);
          auto [it, added] = face_usage.text_of_glyph.emplace(run.glyphs[first].id, text);
          // The hyphen added where a word breaks stands for a soft hyphen; a hyphen typed in the
          // text is the better meaning for the glyph, and the added ones say theirs in /ActualText.
          if (!added && it->second == kSoftHyphen && text != kSoftHyphen) it->second = text;
        }
        first = last;
      }
    }
  }
  return usage;
}

}  // namespace leafpress::pdf
