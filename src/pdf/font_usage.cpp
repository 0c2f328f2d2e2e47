#include "pdf/font_usage.hpp"

#include <algorithm>
#include <cmath>

#include "core/utf8.hpp"

namespace leafpress::pdf {
namespace {

constexpr std::string_view kSoftHyphen = "\u00AD";

}  // namespace

std::vector<std::string> code_points(std::string_view text) {
  std::vector<std::string> points;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t start = at;
    core::next_code_point(text, at);
    points.emplace_back(text.substr(start, at - start));
  }
  return points;
}

std::string unit_text(const text::GlyphRun& run, std::size_t first, std::size_t last) {
  // Glyphs are in visual order: a right-to-left run reads from its last cluster back.
  std::string text;
  for (std::size_t end = last; end > first;) {
    std::size_t start = end - 1;
    while (start > first && run.glyphs[start - 1].cluster == run.glyphs[end - 1].cluster) --start;
    for (std::size_t k = start; k < end; ++k) text += run.glyphs[k].text;
    end = start;
  }
  return text;
}

std::vector<InvisibleCharacter> invisible_characters(const text::GlyphRun& run, std::size_t first, std::size_t last,
                                                     double& right) {
  const int units_per_em = run.face->metrics().units_per_em;
  double left = run.glyphs[first].x;
  right = left;
  for (std::size_t k = first; k < last; ++k) {
    const text::PlacedGlyph& glyph = run.glyphs[k];
    left = std::min(left, glyph.x);
    right = std::max(right, glyph.x + run.face->advance(glyph.id) * run.size / units_per_em);
  }
  const auto points = code_points(unit_text(run, first, last));
  const double per_character =
      (right - left) * 1000.0 / run.size / static_cast<double>(std::max<std::size_t>(1, points.size()));
  const int width = std::max(1, static_cast<int>(std::lround(per_character)));
  std::vector<InvisibleCharacter> characters;
  for (const std::string& point : points) characters.push_back({point, width});
  return characters;
}

std::string extraction_text(std::string_view text, bool rtl) {
  if (!rtl) return std::string(text);
  const auto points = code_points(text);
  std::string reversed;
  for (auto it = points.rbegin(); it != points.rend(); ++it) reversed += *it;
  return reversed;
}

bool draws_rtl_in_reading_order(const fonts::Face& face) { return !face.is_cff(); }

bool says_text_apart(const text::GlyphRun& run, std::size_t first, std::size_t last) {
  if (!run.rtl || !draws_rtl_in_reading_order(*run.face)) return false;
  return !(last == first + 1 && code_points(run.glyphs[first].text).size() <= 1);
}

std::size_t cluster_end(const text::GlyphRun& run, std::size_t first) {
  std::size_t last = first + 1;
  while (last < run.glyphs.size() && run.glyphs[last].cluster == run.glyphs[first].cluster) ++last;
  return last;
}

std::size_t unit_end(const text::GlyphRun& run, std::size_t first) {
  const std::size_t last = cluster_end(run, first);
  if (!run.rtl || !draws_rtl_in_reading_order(*run.face) || last >= run.glyphs.size()) return last;
  for (std::size_t k = first; k < last; ++k) {
    if (run.face->advance(run.glyphs[k].id) != 0) return last;
  }
  return cluster_end(run, last);
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
        const std::size_t last = unit_end(run, first);
        for (std::size_t k = first; k < last; ++k) face_usage.glyphs.insert(run.glyphs[k].id);
        if (says_text_apart(run, first, last)) {
          for (std::size_t k = first; k < last; ++k) face_usage.silent_glyphs.insert(run.glyphs[k].id);
          double right = 0;
          for (auto& character : invisible_characters(run, first, last, right)) {
            face_usage.invisible_characters.insert(std::move(character));
          }
        } else if (last == first + 1 && !run.glyphs[first].text.empty()) {
          // A base with its marks says its text through /ActualText; the base glyph alone
          // must not claim the marks in /ToUnicode.
          const std::string text =
              extraction_text(run.glyphs[first].text, run.rtl && !draws_rtl_in_reading_order(*run.face));
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
