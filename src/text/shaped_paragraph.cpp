#include "text/shaped_paragraph.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "core/utf8.hpp"
#include "text/bidi.hpp"

namespace leafpress::text {
namespace {

bool is_collapsible_space(std::string_view text) { return text == " "; }

}  // namespace

void append_run_items(std::vector<ShapedItem>& items, std::size_t r, std::size_t run_end,
                      std::span<const ShapedGlyph> glyphs, std::string_view text, std::vector<std::size_t>& ends) {
  // Clusters rise monotonically in logical order (HB_BUFFER_CLUSTER_LEVEL_MONOTONE_GRAPHEMES):
  // a glyph's characters run to the next glyph's cluster, the last one's to the run's end.
  ends.assign(glyphs.size(), run_end);
  for (std::size_t i = glyphs.size(); i-- > 1;) {
    ends[i - 1] = glyphs[i].cluster > glyphs[i - 1].cluster ? glyphs[i].cluster : ends[i];
  }
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    const ShapedGlyph& glyph = glyphs[i];
    const auto end = static_cast<std::uint32_t>(ends[i]);
    items.push_back({r, glyph, 0, end, is_collapsible_space(text.substr(glyph.cluster, end - glyph.cluster))});
  }
}

namespace {

/// Shapes each run (advances left at 0) and gives every glyph its characters (for ToUnicode) by cluster, keeping
/// the glyphs in logical order: a right-to-left run's visual glyphs are reversed.
/// Example: "office" in Noto Serif shapes to o, ffi, c, e with clusters 0, 1, 4, 5; the
/// ffi glyph stands for bytes [1, 4) = "ffi".
std::vector<ShapedItem> shape_runs(const StyledParagraph& paragraph, const std::vector<ShapingRun>& runs,
                                   ShapeCache* cache) {
  std::vector<ShapedItem> items;
  items.reserve(paragraph.text.size());  // about a glyph a byte: fewer for accented and non-Latin text
  std::vector<ShapedGlyph> own;   // a run's glyphs when they are not the cache's as they stand
  std::vector<std::size_t> ends;  // reused from run to run
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const ShapingRun& run = runs[r];
    const std::string& language = paragraph.runs[run.style_run].style.language;
    const std::string_view shaping_language = language.empty() ? paragraph.language : language;
    // The cache's glyphs are read in place (they stay until its next call) unless reversed.
    const std::vector<ShapedGlyph>* in_order = &own;
    if (cache) {
      const std::vector<ShapedGlyph>& cached =
          cache->shape(*run.face, paragraph.text, run.begin, run.end, shaping_language, run.script, run.rtl());
      if (run.rtl()) {
        own.assign(cached.rbegin(), cached.rend());
      } else {
        in_order = &cached;
      }
    } else {
      own = shape(*run.face, paragraph.text, run.begin, run.end, shaping_language, run.script, run.rtl());
      if (run.rtl()) std::reverse(own.begin(), own.end());
    }
    append_run_items(items, r, run.end, *in_order, paragraph.text, ends);
  }
  return items;
}

/// The scripts `code_point` is written in, as ISO 15924 codes: its own (U+0627 -> Arab), or
/// for a character of no one script those it is used with (Unicode Script_Extensions:
/// U+0964 -> Beng, Deva, Dogr and 17 more); none for one used with every script.
std::vector<std::string> scripts_of(char32_t code_point) {
  const auto cp = static_cast<UChar32>(code_point);
  UErrorCode status = U_ZERO_ERROR;
  const int32_t needed = uscript_getScriptExtensions(cp, nullptr, 0, &status);
  if (needed <= 0 || (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR)) return {};
  std::vector<UScriptCode> codes(static_cast<std::size_t>(needed));
  status = U_ZERO_ERROR;
  const int32_t count = uscript_getScriptExtensions(cp, codes.data(), needed, &status);
  std::vector<std::string> scripts;
  for (int32_t i = 0; U_SUCCESS(status) && i < count; ++i) {
    const UScriptCode code = codes[static_cast<std::size_t>(i)];
    if (code == USCRIPT_COMMON || code == USCRIPT_INHERITED || code == USCRIPT_UNKNOWN) continue;
    if (const char* name = uscript_getShortName(code)) scripts.emplace_back(name);
  }
  return scripts;
}

/// " for script 'Arab'", " for scripts 'Beng', 'Deva', 'Dogr' and 17 more", or nothing for
/// characters of no particular script.
std::string for_scripts(const std::vector<std::string>& scripts) {
  constexpr std::size_t kNamed = 3;
  if (scripts.empty()) return {};
  std::string list;
  for (std::size_t i = 0; i < scripts.size() && i < kNamed; ++i) {
    list += std::string(i == 0 ? "" : (i + 1 == scripts.size() ? " or " : ", ")) + "'" + scripts[i] + "'";
  }
  if (scripts.size() > kNamed) list += " or " + std::to_string(scripts.size() - kNamed) + " more";
  return (scripts.size() == 1 ? " for script " : " for scripts ") + list;
}

constexpr std::string_view kForEmoji = " for emoji";

/// One error per paragraph and script, naming the first few characters no face has.
void report_uncovered(const StyledParagraph& paragraph, const std::vector<ShapingRun>& runs,
                      const std::vector<ShapedItem>& items, core::Diagnostics& diags) {
  constexpr std::size_t kNamed = 4;
  std::map<std::pair<const fonts::Face*, std::string>, std::vector<std::string>> missing;  // in first-seen order
  std::vector<std::pair<const fonts::Face*, std::string>> order;
  std::set<char32_t> seen;
  for (const ShapedItem& item : items) {
    if (item.glyph.id != 0) continue;
    std::size_t offset = item.glyph.cluster;
    const char32_t cp = core::next_code_point(paragraph.text, offset);
    if (!seen.insert(cp).second) continue;
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    // The character's own script, not its run's: a danda after "PD-1" is not Latin.
    const bool emoji = u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_EXTENDED_PICTOGRAPHIC);
    const auto key = std::make_pair(runs[item.run].face, emoji ? std::string(kForEmoji) : for_scripts(scripts_of(cp)));
    if (!missing.count(key)) order.push_back(key);
    missing[key].push_back(std::string(code) + " '" +
                           paragraph.text.substr(item.glyph.cluster, offset - item.glyph.cluster) + "'");
  }
  for (const auto& key : order) {
    const auto& chars = missing[key];
    std::string list;
    for (std::size_t k = 0; k < chars.size() && k < kNamed; ++k) list += (k ? ", " : "") + chars[k];
    if (chars.size() > kNamed) list += " and " + std::to_string(chars.size() - kNamed) + " more";
    diags.error(paragraph.loc, "no font covers " + list,
                "'" + key.first->family() + "' has no glyph for " + (chars.size() > 1 ? "them" : "it") +
                    ", nor has any fallback font" + key.second +
                    (key.second == kForEmoji
                         ? "; add one that does to 'any' in fonts/fallback.yaml: Symbola (Debian's fonts-symbola) "
                           "draws emoji in one colour"
                         : "; add a font that does to theme.fonts or to fonts/fallback.yaml"));
  }
}

/// One warning per paragraph and font of the project's font folder whose missing
/// characters came from another font: a brand serif without 'ệ' mixes two designs in a word.
void report_replaced(const StyledParagraph& paragraph, const std::vector<ShapingRun>& runs,
                     fonts::FontFallback& fallback, core::Diagnostics& diags) {
  constexpr std::size_t kNamed = 4;
  std::map<const fonts::Face*, std::vector<std::string>> lacking;
  std::map<const fonts::Face*, std::set<std::string>> used;
  std::vector<const fonts::Face*> order;
  std::set<std::pair<const fonts::Face*, char32_t>> seen;
  for (const ShapingRun& run : runs) {
    const fonts::Face* own = paragraph.runs[run.style_run].style.face;
    if (run.face == own || !fallback.is_project_font(*own)) continue;
    for (std::size_t at = run.begin; at < run.end;) {
      const std::size_t begin = at;
      const char32_t cp = core::next_code_point(paragraph.text, at);
      if (own->covers(cp) || !seen.insert({own, cp}).second) continue;
      if (!lacking.count(own)) order.push_back(own);
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
      lacking[own].push_back(std::string(code) + " '" + paragraph.text.substr(begin, at - begin) + "'");
      used[own].insert(run.face->family());
    }
  }
  for (const fonts::Face* own : order) {
    const auto& chars = lacking[own];
    std::string list;
    for (std::size_t k = 0; k < chars.size() && k < kNamed; ++k) list += (k ? ", " : "") + chars[k];
    if (chars.size() > kNamed) list += " and " + std::to_string(chars.size() - kNamed) + " more";
    std::string others;
    for (const std::string& family : used[own]) others += (others.empty() ? "'" : ", '") + family + "'";
    diags.warning(paragraph.loc,
                  "'" + own->family() + "' (" + own->path().filename().string() + " in the font folder) has no glyph for " +
                      list + "; " + (chars.size() > 1 ? "they are" : "it is") + " set in " + others,
                  "use a version of the font that covers this language, or name another font in theme.fonts");
  }
}

}  // namespace

ShapedParagraph shape_glyphs(const StyledParagraph& paragraph, fonts::FontFallback& fallback, ShapeCache* cache,
                             std::vector<FallbackChoice>* choices) {
  ShapedParagraph shaped;
  shaped.text = std::make_shared<const std::string>(paragraph.text + "\u00AD");
  shaped.soft_hyphen = static_cast<std::uint32_t>(paragraph.text.size());
  if (cache) {
    const ShapeCache::Itemized& itemized = cache->runs(paragraph, fallback);
    shaped.runs = itemized.runs;
    if (choices) choices->insert(choices->end(), itemized.choices.begin(), itemized.choices.end());
  } else {
    shaped.runs = itemize(paragraph, resolve_bidi(paragraph.text, paragraph.direction, paragraph.left_to_right),
                          fallback, choices);
  }
  shaped.items = shape_runs(paragraph, shaped.runs, cache);
  return shaped;
}

void scale_advances(const StyledParagraph& paragraph, ShapedParagraph& shaped) {
  std::size_t r = shaped.runs.size();  // the run whose scale is `scale`: none yet
  double scale = 0;
  for (ShapedItem& item : shaped.items) {
    if (item.run != r) {
      r = item.run;
      const ShapingRun& run = shaped.runs[r];
      scale = paragraph.runs[run.style_run].style.size / run.face->metrics().units_per_em;
    }
    item.advance = item.glyph.advance * scale;
  }
}

void report_missing_glyphs(const StyledParagraph& paragraph, const ShapedParagraph& shaped,
                           fonts::FontFallback& fallback, core::Diagnostics& diags) {
  report_uncovered(paragraph, shaped.runs, shaped.items, diags);
  report_replaced(paragraph, shaped.runs, fallback, diags);
}

ShapedParagraph shape_paragraph(const StyledParagraph& paragraph, fonts::FontFallback& fallback,
                                core::Diagnostics& diags, ShapeCache* cache) {
  ShapedParagraph shaped = shape_glyphs(paragraph, fallback, cache);
  scale_advances(paragraph, shaped);
  report_missing_glyphs(paragraph, shaped, fallback, diags);
  return shaped;
}

}  // namespace leafpress::text
