#include "pdf/cluster_writing.hpp"

#include <algorithm>

#include <unicode/uchar.h>

#include "core/utf8.hpp"
#include "text/cluster_text.hpp"

namespace leafpress::pdf {
namespace {

constexpr std::string_view kSoftHyphen = "\u00AD";

/// Each glyph's text cut to its first character, the others said by invisible copies drawn
/// after it, one character each (see GlyphToDraw). A character outside the BMP stays whole.
std::vector<GlyphToDraw> one_character_each(std::vector<GlyphToDraw> glyphs) {
  std::vector<GlyphToDraw> out;
  out.reserve(glyphs.size());
  for (GlyphToDraw& glyph : glyphs) {
    std::vector<std::string> characters = code_points(glyph.text);
    if (characters.size() <= 1) {
      out.push_back(std::move(glyph));
      continue;
    }
    for (std::size_t i = 0; i < characters.size(); ++i) {
      out.push_back({glyph.glyph, std::move(characters[i]), i != 0 || glyph.invisible});
    }
  }
  return out;
}

}  // namespace

std::size_t cluster_end(const text::GlyphRun& run, std::size_t first) {
  std::size_t last = first + 1;
  while (last < run.glyphs.size() && run.glyphs[last].begin == run.glyphs[first].begin) ++last;
  return last;
}

std::vector<std::string> code_points(std::string_view text) {
  std::vector<std::string> points;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t start = at;
    core::next_code_point(text, at);
    points.emplace_back(text.substr(start, at - start));
  }
  return points;
}

std::string reversed_code_points(std::string_view text) {
  if (text.size() <= 1) return std::string(text);
  const std::vector<std::string> points = code_points(text);
  std::string out;
  for (auto it = points.rbegin(); it != points.rend(); ++it) out += *it;
  return out;
}

bool is_plain_cluster(const text::GlyphRun& run, std::size_t first, std::size_t last) {
  if (last != first + 1 || run.glyphs[first].id == 0) return false;
  const std::string_view text = run.text_of(run.glyphs[first]);
  return text != kSoftHyphen && core::count_code_points(text) <= 1;
}

ClusterWriting plan_cluster(const text::GlyphRun& run, std::size_t first, std::size_t last) {
  ClusterWriting writing;
  plan_cluster(run, first, last, writing);
  return writing;
}

void plan_cluster(const text::GlyphRun& run, std::size_t first, std::size_t last, ClusterWriting& writing) {
  writing.glyphs.clear();
  writing.actual_text.reset();
  const std::string_view text = run.text_of(run.glyphs[first]);
  if (is_plain_cluster(run, first, last)) {
    writing.glyphs.push_back({first, std::string(text)});
    return;
  }
  if (text == kSoftHyphen && last == first + 1 && run.glyphs[first].id != 0) {
    // The hyphen added at a line end: its code says a hyphen-minus, which pdf.js returns
    // (it drops every format character, U+00AD among them) and Firefox's find bar joins
    // across the line end; /ActualText gives poppler the soft hyphen itself.
    writing.glyphs.push_back({first, "-"});
    writing.actual_text = std::string(kSoftHyphen);
    return;
  }
  // The run's glyphs stand in visual order; the cluster's, in logical order, are its
  // visual glyphs reversed in right-to-left text.
  std::vector<std::size_t> logical;
  for (std::size_t k = first; k < last; ++k) logical.push_back(k);
  if (run.rtl) std::reverse(logical.begin(), logical.end());
  const std::string expected = run.rtl ? reversed_code_points(text) : std::string(text);

  std::vector<std::size_t> drawn;  // glyph 0 (.notdef) is never shown
  std::vector<std::uint32_t> ids;
  for (const std::size_t k : logical) {
    if (run.glyphs[k].id == 0) continue;
    drawn.push_back(k);
    ids.push_back(run.glyphs[k].id);
  }
  if (drawn.empty()) {
    if (!text.empty()) writing.actual_text = expected;
    return;
  }
  // How many characters each glyph stands for, by the character map; then the characters,
  // in the order they are drawn, handed out left to right in those numbers.
  const text::ClusterPieces shared = text::share_cluster_text(*run.face, ids, text);
  std::string in_text_order;
  for (const std::size_t i : shared.order) in_text_order += shared.pieces[i];
  const std::vector<std::string> characters =
      code_points(run.rtl ? reversed_code_points(in_text_order) : in_text_order);
  std::vector<std::size_t> visual(drawn.size());
  for (std::size_t i = 0; i < visual.size(); ++i) visual[i] = run.rtl ? visual.size() - 1 - i : i;
  std::size_t next = 0;
  std::string said;
  for (const std::size_t i : visual) {
    std::string piece;
    for (std::size_t n = core::count_code_points(shared.pieces[i]); n > 0 && next < characters.size(); --n) {
      piece += characters[next++];
    }
    said += piece;
    writing.glyphs.push_back({drawn[i], std::move(piece)});
  }
  for (; next < characters.size(); ++next) writing.glyphs.back().text += characters[next];
  const bool every_glyph_says = std::none_of(writing.glyphs.begin(), writing.glyphs.end(),
                                             [](const GlyphToDraw& glyph) { return glyph.text.empty(); });
  // poppler puts a mark (a glyph with no advance, or off its pen) on a word or line of its
  // own unless a span says its text from the base; drawn at the pen (a placed code), it
  // still spaced marks apart in justified Thai lines.
  const bool has_mark = std::any_of(writing.glyphs.begin(), writing.glyphs.end(), [&](const GlyphToDraw& glyph) {
    return run.glyphs[glyph.glyph].y_offset != 0 || run.glyphs[glyph.glyph].advance == 0;
  });
  if (said != expected || !every_glyph_says || drawn.size() != logical.size() ||
      (has_mark && writing.glyphs.size() > 1)) {
    writing.actual_text = expected;
  }
  // A CFF glyph has one code, its CID, and keeps its first text: no copies to say more.
  if (!run.face->is_cff()) {
    writing.glyphs = one_character_each(std::move(writing.glyphs));
    // poppler reads by position: a mark said by an invisible copy, where the pen stands, it
    // would put on a word of its own.
    const bool mark_carried = std::any_of(writing.glyphs.begin(), writing.glyphs.end(), [](const GlyphToDraw& glyph) {
      std::size_t at = 0;
      return glyph.invisible && (U_GET_GC_MASK(core::next_code_point(glyph.text, at)) & U_GC_M_MASK) != 0;
    });
    if (mark_carried) writing.actual_text = expected;
  }
}

void append_said_text(std::string& out, const ClusterWriting& writing) {
  if (writing.actual_text) {
    out += *writing.actual_text;
    return;
  }
  for (const GlyphToDraw& glyph : writing.glyphs) out += glyph.text;
}

}  // namespace leafpress::pdf
