#include "text/itemize.hpp"

#include <vector>

#include <unicode/uscript.h>

#include "core/utf8.hpp"

namespace leafpress::text {
namespace {

struct CharInfo {
  std::size_t begin = 0;
  std::size_t end = 0;
  char32_t code_point = 0;
  UScriptCode script = USCRIPT_COMMON;
};

bool is_neutral(UScriptCode script) { return script == USCRIPT_COMMON || script == USCRIPT_INHERITED; }

/// Code points of bytes [begin, end) with their scripts, Common and Inherited ones resolved
/// to the script before them (or, at the start, after them).
std::vector<CharInfo> scripted_chars(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<CharInfo> chars;
  for (std::size_t at = begin; at < end;) {
    CharInfo info{at, 0, 0, USCRIPT_COMMON};
    info.code_point = core::next_code_point(text, at);
    info.end = at;
    UErrorCode status = U_ZERO_ERROR;
    info.script = uscript_getScript(static_cast<UChar32>(info.code_point), &status);
    if (U_FAILURE(status)) info.script = USCRIPT_COMMON;
    chars.push_back(info);
  }
  UScriptCode previous = USCRIPT_COMMON;
  for (CharInfo& info : chars) {
    if (is_neutral(info.script)) {
      info.script = previous;
    } else {
      previous = info.script;
    }
  }
  UScriptCode next = USCRIPT_COMMON;
  for (auto it = chars.rbegin(); it != chars.rend(); ++it) {
    if (is_neutral(it->script)) {
      it->script = next;
    } else {
      next = it->script;
    }
  }
  return chars;
}

std::string script_tag(UScriptCode script) {
  const char* name = uscript_getShortName(script);
  return name ? name : "Zyyy";
}

/// A face for a Common or Inherited character none of its neighbours' faces has, through
/// the scripts it is used with (Unicode Script_Extensions: the Arabic comma U+060C is
/// Common, used with Arabic, Syriac, Thaana and others).
const fonts::Face* face_by_extensions(const fonts::Face& preferred, char32_t code_point, std::string_view language,
                                      fonts::FontFallback& fallback) {
  // As many as the character has: the danda U+0964 is used with 20 scripts.
  UErrorCode status = U_ZERO_ERROR;
  const auto cp = static_cast<UChar32>(code_point);
  const int32_t needed = uscript_getScriptExtensions(cp, nullptr, 0, &status);
  if (needed <= 0 || (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR)) return nullptr;
  std::vector<UScriptCode> scripts(static_cast<std::size_t>(needed));
  status = U_ZERO_ERROR;
  const int32_t count = uscript_getScriptExtensions(cp, scripts.data(), needed, &status);
  if (U_FAILURE(status)) return nullptr;
  for (int32_t i = 0; i < count; ++i) {
    const std::string script = script_tag(scripts[static_cast<std::size_t>(i)]);
    if (const fonts::Face* face = fallback.face_for(preferred, code_point, script, language)) {
      return face;
    }
  }
  return nullptr;
}

}  // namespace

std::vector<ShapingRun> itemize(const StyledParagraph& paragraph, const BidiLevels& bidi,
                                fonts::FontFallback& fallback) {
  std::vector<ShapingRun> runs;
  for (std::size_t r = 0; r < paragraph.runs.size(); ++r) {
    const StyledRun& style_run = paragraph.runs[r];
    const fonts::Face& preferred = *style_run.style.face;
    // A passage in another language ([text]{lang=ja}) takes that language's faces.
    const std::string_view language = style_run.style.language.empty() ? paragraph.language : style_run.style.language;
    const fonts::Face* current = nullptr;
    for (const CharInfo& info : scripted_chars(paragraph.text, style_run.begin, style_run.end)) {
      const std::string script = script_tag(info.script);
      UErrorCode status = U_ZERO_ERROR;
      const bool neutral = is_neutral(uscript_getScript(static_cast<UChar32>(info.code_point), &status));
      const fonts::Face* face = nullptr;
      if (neutral && current && current->covers(info.code_point)) {
        face = current;
      } else {
        face = fallback.face_for(preferred, info.code_point, script, language);
        if (!face && neutral) face = face_by_extensions(preferred, info.code_point, language, fallback);
        if (!face) face = &preferred;
      }
      const std::uint8_t level = bidi.levels[info.begin];
      if (runs.empty() || runs.back().style_run != r || runs.back().face != face || runs.back().script != script ||
          runs.back().level != level || runs.back().end != info.begin) {
        runs.push_back({info.begin, info.end, r, face, script, level});
      } else {
        runs.back().end = info.end;
      }
      current = face;
    }
  }
  return runs;
}

}  // namespace leafpress::text
