#include "text/segments.hpp"

#include <algorithm>
#include <map>

#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "text/line_breaks.hpp"

namespace leafpress::text {
namespace {

/// The hyphen glyph of each face, shaped once per paragraph.
using HyphenGlyphs = std::map<const fonts::Face*, ShapedGlyph>;

/// The hyphen glyph of `item`'s face and size, shown where a line breaks after it. Its text
/// is a soft hyphen (U+00AD): ISO 32000-1 §14.8.2.2.3 marks a hyphen that only breaks a word.
ShapedItem hyphen_after(const StyledParagraph& paragraph, const ShapedParagraph& shaped, const ShapedItem& item,
                        HyphenGlyphs& hyphens, ShapeCache* shapes) {
  const ShapingRun& run = shaped.runs[item.run];
  auto found = hyphens.find(run.face);
  if (found == hyphens.end()) {
    const auto glyphs =
        shapes ? shapes->hyphen(*run.face, paragraph.language) : shape(*run.face, "-", 0, 1, paragraph.language);
    found = hyphens.emplace(run.face, glyphs.empty() ? ShapedGlyph{} : glyphs.front()).first;
  }
  // It stands for the soft hyphen after the paragraph's text (see ShapedParagraph).
  ShapedItem hyphen{item.run, found->second, 0, shaped.soft_hyphen + 2, false};
  hyphen.glyph.cluster = shaped.soft_hyphen;
  const double size = paragraph.runs[run.style_run].style.size;
  hyphen.advance = hyphen.glyph.advance * size / run.face->metrics().units_per_em;
  return hyphen;
}

/// Whether `script` (ISO 15924) is one is_spaceless_letter accepts letters of.
bool is_spaceless_script(std::string_view script) {
  for (const char* tag : {"Thai", "Laoo", "Khmr", "Mymr", "Hani", "Hira", "Kana", "Bopo"}) {
    if (script == tag) return true;
  }
  return false;
}

/// Whether a cluster is a letter of a script written without spaces between words: digits,
/// Latin names and punctuation among them keep their own spacing.
bool is_spaceless_letter(std::string_view cluster) {
  // No ASCII character is of these scripts.
  if (cluster.empty() || static_cast<unsigned char>(cluster.front()) < 0x80) return false;
  int32_t at = 0;
  UChar32 cp = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(cluster.data()), at, static_cast<int32_t>(cluster.size()), cp);
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(cp, &status)) {
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_BOPOMOFO:
      return U_SUCCESS(status);
    default:
      return false;
  }
}

}  // namespace

bool cluster_gap_after(const ShapedParagraph& shaped, std::size_t k) {
  if (k + 1 >= shaped.items.size()) return false;
  const ShapedItem& item = shaped.items[k];
  const ShapedItem& next = shaped.items[k + 1];
  return item.glyph.cluster != next.glyph.cluster && !item.is_space && !next.is_space &&
         is_spaceless_letter(cluster_text(shaped, item)) && is_spaceless_letter(cluster_text(shaped, next));
}

double cluster_gap_stretch(const StyledParagraph& paragraph, const ShapedParagraph& shaped, std::size_t k) {
  return kClusterStretch * paragraph.runs[shaped.runs[shaped.items[k].run].style_run].style.size;
}

std::vector<BreakBoundary> break_boundaries(const StyledParagraph& paragraph, const ShapedParagraph& shaped,
                                            const std::vector<std::size_t>& hyphenation_points,
                                            BreakIterators* iterators) {
  // Cluster starts in logical order, which is ascending (clusters rise monotonically; see
  // shape_runs); sorted again only if a run broke that.
  std::vector<BreakBoundary> starts;  // cluster start -> may take a hyphen
  starts.reserve(shaped.items.size());
  for (std::size_t k = 1; k < shaped.items.size(); ++k) {
    const ShapedItem& item = shaped.items[k];
    const ShapedItem& before = shaped.items[k - 1];
    if (item.glyph.cluster == before.glyph.cluster) continue;
    starts.push_back({item.glyph.cluster, !shaped.runs[item.run].rtl() && !item.is_space && !before.is_space});
  }
  const auto by_offset = [](const BreakBoundary& a, const BreakBoundary& b) { return a.offset < b.offset; };
  if (!std::is_sorted(starts.begin(), starts.end(), by_offset)) {
    // The first entry of an offset counts, as std::map::emplace kept it.
    std::stable_sort(starts.begin(), starts.end(), by_offset);
  }
  const std::vector<std::size_t> opportunities = line_break_opportunities(paragraph.text, paragraph.language, iterators);
  std::vector<std::size_t> hyphens;  // the hyphenation points that count
  hyphens.reserve(hyphenation_points.size());
  for (const std::size_t offset : hyphenation_points) {
    const auto start = std::lower_bound(starts.begin(), starts.end(), BreakBoundary{offset, false}, by_offset);
    if (start != starts.end() && start->offset == offset && start->hyphenation) hyphens.push_back(offset);
  }
  // In order of offset, a break opportunity before a hyphenation point at the same offset.
  std::vector<BreakBoundary> merged;
  merged.reserve(opportunities.size() + hyphens.size());
  if (std::is_sorted(opportunities.begin(), opportunities.end()) && std::is_sorted(hyphens.begin(), hyphens.end())) {
    std::size_t h = 0;
    for (const std::size_t offset : opportunities) {
      for (; h < hyphens.size() && hyphens[h] < offset; ++h) merged.push_back({hyphens[h], true});
      merged.push_back({offset, false});
    }
    for (; h < hyphens.size(); ++h) merged.push_back({hyphens[h], true});
  } else {
    for (const std::size_t offset : opportunities) merged.push_back({offset, false});
    for (const std::size_t offset : hyphens) merged.push_back({offset, true});
    std::stable_sort(merged.begin(), merged.end(), by_offset);
  }
  merged.erase(std::unique(merged.begin(), merged.end(),
                           [](const BreakBoundary& a, const BreakBoundary& b) { return a.offset == b.offset; }),
               merged.end());
  return merged;
}

std::vector<Segment> segment_paragraph(const StyledParagraph& paragraph, const ShapedParagraph& shaped,
                                       const std::vector<BreakBoundary>& boundaries, ShapeCache* shapes) {
  std::vector<Segment> segments;
  segment_paragraph(paragraph, shaped, boundaries, shapes, segments);
  return segments;
}

void segment_paragraph(const StyledParagraph& paragraph, const ShapedParagraph& shaped,
                       const std::vector<BreakBoundary>& boundaries, ShapeCache* shapes,
                       std::vector<Segment>& segments) {
  const auto& items = shaped.items;
  segments.clear();
  segments.reserve(items.size() / 4);
  HyphenGlyphs hyphens;
  // A letter of a script written without spaces has that script as its own, so it is
  // itemized into a run of that script: without such a run no gap can open.
  const bool spaceless = std::any_of(shaped.runs.begin(), shaped.runs.end(),
                                     [](const ShapingRun& run) { return is_spaceless_script(run.script); });
  std::size_t i = 0;
  for (const BreakBoundary& boundary : boundaries) {
    Segment seg{i, i, 0, 0, 0, std::nullopt};
    while (i < items.size() && items[i].glyph.cluster < boundary.offset) ++i;
    seg.last = i;
    if (seg.last == seg.first) continue;
    for (std::size_t k = seg.first; k < seg.last; ++k) {
      (items[k].is_space ? seg.space_width : seg.content_width) += items[k].advance;
      if (spaceless && cluster_gap_after(shaped, k)) seg.gap_stretch += cluster_gap_stretch(paragraph, shaped, k);
    }
    if (boundary.hyphenation) {
      seg.hyphen = hyphen_after(paragraph, shaped, items[seg.last - 1], hyphens, shapes);
    }
    segments.push_back(std::move(seg));
  }
}

std::vector<Segment> segment_paragraph(const StyledParagraph& paragraph, const ShapedParagraph& shaped,
                                       const std::vector<std::size_t>& hyphenation_points,
                                       BreakIterators* iterators, ShapeCache* shapes) {
  return segment_paragraph(paragraph, shaped, break_boundaries(paragraph, shaped, hyphenation_points, iterators),
                           shapes);
}

}  // namespace leafpress::text
