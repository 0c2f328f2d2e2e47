#include "text/itemize.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <unordered_map>
#include <utility>
#include <string>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "core/utf8.hpp"

namespace leafpress::text {
namespace {

struct CharInfo {
  std::size_t begin = 0;
  std::size_t end = 0;
  char32_t code_point = 0;
  UScriptCode own = USCRIPT_COMMON;     // the character's own script
  UScriptCode script = USCRIPT_COMMON;  // Common and Inherited resolved from its neighbours
};

bool is_neutral(UScriptCode script) { return script == USCRIPT_COMMON || script == USCRIPT_INHERITED; }

/// uscript_getScript, without ICU's lookup for ASCII: its letters are Latin, the rest Common
/// (Unicode's Scripts.txt).
UScriptCode own_script(char32_t code_point) {
  if (code_point < 0x80) {
    const bool letter = (code_point >= 'A' && code_point <= 'Z') || (code_point >= 'a' && code_point <= 'z');
    return letter ? USCRIPT_LATIN : USCRIPT_COMMON;
  }
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(code_point), &status);
  return U_FAILURE(status) ? USCRIPT_COMMON : script;
}

/// u_isUWhiteSpace, without ICU's lookup for ASCII (tab to carriage return, and space).
bool is_white_space(char32_t code_point) {
  if (code_point < 0x80) return code_point == ' ' || (code_point >= 0x09 && code_point <= 0x0D);
  return u_isUWhiteSpace(static_cast<UChar32>(code_point));
}

/// Code points of bytes [begin, end) with their scripts, Common and Inherited ones resolved
/// to the script before them (or, at the start, after them).
std::vector<CharInfo> scripted_chars(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<CharInfo> chars;
  chars.reserve(end - begin);
  for (std::size_t at = begin; at < end;) {
    CharInfo info{at, 0, 0, USCRIPT_COMMON, USCRIPT_COMMON};
    info.code_point = core::next_code_point(text, at);
    info.end = at;
    info.own = own_script(info.code_point);
    info.script = info.own;
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

/// ISO 15924 codes of scripts, each looked up in ICU's property names once per paragraph:
/// the lookup costs more than everything else itemizing does for a character.
class ScriptTags {
 public:
  std::string_view operator()(UScriptCode script) {
    const auto index = static_cast<std::size_t>(script);
    if (script < 0 || index >= tags_.size()) return name_of(script);
    if (tags_[index].empty()) tags_[index] = name_of(script);
    return tags_[index];
  }

 private:
  static std::string_view name_of(UScriptCode script) {
    const char* name = uscript_getShortName(script);
    return name ? name : "Zyyy";
  }
  std::array<std::string_view, 256> tags_{};  // by UScriptCode; ICU 72 has about 200
};

/// Face::covers and FontFallback::face_for for one style run, remembered by code point:
/// a paragraph asks about the same few letters hundreds of times, and each answer costs a
/// character-map lookup (below U+0800 the fallback remembers coverage for the whole run).
/// Only single characters are remembered; a base with marks is asked.
class FaceChoices {
  // Below this the fallback remembers coverage for the whole run (FontFallback::covers).
  static constexpr char32_t kRunTable = 0x800;

 public:
  FaceChoices(const fonts::Face& preferred, std::string_view language, fonts::FontFallback& fallback,
              std::vector<FallbackChoice>* asked)
      : preferred_(preferred), language_(language), fallback_(fallback), asked_(asked) {}

  bool covers(const fonts::Face& face, char32_t code_point) {
    if (code_point < kRunTable) return fallback_.covers(face, code_point);
    const auto [it, inserted] = covered_.try_emplace({&face, code_point}, false);
    if (inserted) it->second = face.covers(code_point);
    return it->second;
  }

  /// As FontFallback::face_for(preferred, cluster, script, language).
  const fonts::Face* face_for(std::u32string_view cluster, std::string_view script) {
    if (cluster.size() != 1) return ask(cluster, script);
    // face_for gives the preferred face whenever it covers the character.
    if (covers(preferred_, cluster.front())) return &preferred_;
    // A single character's script tag is a function of the character, except for Common and
    // Inherited ones, which take their neighbours': key on both.
    const auto [it, inserted] = chosen_.try_emplace({cluster.front(), std::string(script)}, nullptr);
    if (inserted) it->second = ask(cluster, script);
    return it->second;
  }

 private:
  struct FaceKeyHash {
    std::size_t operator()(const std::pair<const fonts::Face*, char32_t>& key) const {
      return std::hash<const void*>()(key.first) ^ (std::hash<char32_t>()(key.second) * 0x9E3779B97F4A7C15ull);
    }
  };
  struct ScriptKeyHash {
    std::size_t operator()(const std::pair<char32_t, std::string>& key) const {
      return std::hash<char32_t>()(key.first) ^ (std::hash<std::string>()(key.second) * 0x9E3779B97F4A7C15ull);
    }
  };

  /// The fallback's answer, noted in asked_ the first time it is asked for.
  const fonts::Face* ask(std::u32string_view cluster, std::string_view script) {
    const fonts::Face* face = fallback_.face_for(preferred_, cluster, script, language_);
    if (asked_ && std::none_of(asked_->begin(), asked_->end(), [&](const FallbackChoice& choice) {
          return choice.preferred == &preferred_ && choice.cluster == cluster && choice.script == script &&
                 choice.language == language_;
        })) {
      asked_->push_back({&preferred_, std::u32string(cluster), std::string(script), std::string(language_), face});
    }
    return face;
  }

  const fonts::Face& preferred_;
  std::string_view language_;
  fonts::FontFallback& fallback_;
  std::vector<FallbackChoice>* asked_;
  std::unordered_map<std::pair<const fonts::Face*, char32_t>, bool, FaceKeyHash> covered_;
  std::unordered_map<std::pair<char32_t, std::string>, const fonts::Face*, ScriptKeyHash> chosen_;
};

/// A face for a Common or Inherited character none of its neighbours' faces has, through
/// the scripts it is used with (Unicode Script_Extensions: the Arabic comma U+060C is
/// Common, used with Arabic, Syriac, Thaana and others). `cluster` is the character and the
/// marks after it.
const fonts::Face* face_by_extensions(std::u32string_view cluster, FaceChoices& choices, ScriptTags& tags) {
  // As many as the character has: the danda U+0964 is used with 20 scripts.
  UErrorCode status = U_ZERO_ERROR;
  const auto cp = static_cast<UChar32>(cluster.front());
  const int32_t needed = uscript_getScriptExtensions(cp, nullptr, 0, &status);
  if (needed <= 0 || (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR)) return nullptr;
  std::vector<UScriptCode> scripts(static_cast<std::size_t>(needed));
  status = U_ZERO_ERROR;
  const int32_t count = uscript_getScriptExtensions(cp, scripts.data(), needed, &status);
  if (U_FAILURE(status)) return nullptr;
  for (int32_t i = 0; i < count; ++i) {
    if (const fonts::Face* face = choices.face_for(cluster, tags(scripts[static_cast<std::size_t>(i)]))) return face;
  }
  return nullptr;
}

/// Whether `code_point` belongs to the cluster of the character before it: a combining mark,
/// a zero-width joiner or a variation selector (UAX #29's Extend and ZWJ, near enough for
/// choosing a font: a mark must come from its base's font). No ASCII character does.
bool extends_cluster(char32_t code_point) {
  if (code_point < 0x80) return false;
  const auto cp = static_cast<UChar32>(code_point);
  const auto type = u_charType(cp);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK || cp == 0x200D ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

/// The face of each character of one style run, chosen per cluster: a base and its marks
/// take the first face that has them all; spaces, punctuation and marks stay with the face
/// before them when it has them.
std::vector<const fonts::Face*> cluster_faces(const std::vector<CharInfo>& chars, const fonts::Face& preferred,
                                              FaceChoices& choices, ScriptTags& tags) {
  std::vector<const fonts::Face*> faces(chars.size(), &preferred);
  const fonts::Face* current = nullptr;
  std::u32string cluster;
  for (std::size_t first = 0; first < chars.size();) {
    std::size_t last = first + 1;
    while (last < chars.size() && extends_cluster(chars[last].code_point)) ++last;
    if (last == first + 1) {
      // A character alone, most of them: the same choice as below without a cluster string.
      const char32_t cp = chars[first].code_point;
      const fonts::Face* face = nullptr;
      if (is_neutral(chars[first].own) && current && choices.covers(*current, cp)) {
        face = current;
      } else if (choices.covers(preferred, cp)) {
        face = &preferred;  // what face_for gives a character the preferred face has
      }
      if (face) {
        faces[first] = face;
        current = face;
        first = last;
        continue;
      }
    }
    cluster.clear();
    for (std::size_t i = first; i < last; ++i) cluster.push_back(chars[i].code_point);
    const bool neutral = is_neutral(chars[first].own);
    const auto covers = [&](const fonts::Face& face) {
      return std::all_of(cluster.begin(), cluster.end(), [&](char32_t cp) { return choices.covers(face, cp); });
    };
    const fonts::Face* face = nullptr;
    if (neutral && current && covers(*current)) {
      face = current;
    } else {
      face = choices.face_for(cluster, tags(chars[first].script));
      if (!face && neutral) face = face_by_extensions(cluster, choices, tags);
      if (!face) face = &preferred;
    }
    std::fill(faces.begin() + static_cast<std::ptrdiff_t>(first), faces.begin() + static_cast<std::ptrdiff_t>(last), face);
    current = face;
    first = last;
  }
  return faces;
}

/// A word whose letters the style's face lacks only some of is set whole in the one face
/// that has those, when it has the whole word and the word is of one script: "Liệu" in a
/// brand serif without 'ệ' is set all in the fallback's serif, not with one letter of
/// another design. Words are what lies between white space.
void keep_words_whole(const std::vector<CharInfo>& chars, const fonts::Face& preferred, FaceChoices& choices,
                      std::vector<const fonts::Face*>& faces) {
  for (std::size_t begin = 0; begin < chars.size();) {
    if (is_white_space(chars[begin].code_point)) {
      ++begin;
      continue;
    }
    std::size_t end = begin;
    while (end < chars.size() && !is_white_space(chars[end].code_point)) ++end;
    UScriptCode script = USCRIPT_COMMON;
    bool one_script = true;
    const fonts::Face* other = nullptr;
    bool one_other = true;
    bool letter_replaced = false;  // a letter of the word's script, not punctuation, lacked
    for (std::size_t i = begin; i < end; ++i) {
      const UScriptCode own = chars[i].own;
      if (!is_neutral(own)) {
        one_script = one_script && (script == USCRIPT_COMMON || script == own);
        script = own;
      }
      if (faces[i] == &preferred) continue;
      one_other = one_other && (!other || other == faces[i]);
      other = faces[i];
      letter_replaced = letter_replaced || !is_neutral(own);
    }
    const bool whole = other && one_other && one_script && letter_replaced &&
                       std::all_of(chars.begin() + static_cast<std::ptrdiff_t>(begin),
                                   chars.begin() + static_cast<std::ptrdiff_t>(end),
                                   [&](const CharInfo& info) { return choices.covers(*other, info.code_point); });
    if (whole) {
      std::fill(faces.begin() + static_cast<std::ptrdiff_t>(begin), faces.begin() + static_cast<std::ptrdiff_t>(end), other);
    }
    begin = end;
  }
}

}  // namespace

std::vector<ShapingRun> itemize(const StyledParagraph& paragraph, const BidiLevels& bidi, fonts::FontFallback& fallback,
                                std::vector<FallbackChoice>* choices) {
  std::vector<ShapingRun> runs;
  ScriptTags tags;
  for (std::size_t r = 0; r < paragraph.runs.size(); ++r) {
    const StyledRun& style_run = paragraph.runs[r];
    const fonts::Face& preferred = *style_run.style.face;
    // A passage in another language ([text]{lang=ja}) takes that language's faces.
    const std::string_view language = style_run.style.language.empty() ? paragraph.language : style_run.style.language;
    const std::vector<CharInfo> chars = scripted_chars(paragraph.text, style_run.begin, style_run.end);
    FaceChoices face_choices(preferred, language, fallback, choices);
    std::vector<const fonts::Face*> faces = cluster_faces(chars, preferred, face_choices, tags);
    keep_words_whole(chars, preferred, face_choices, faces);
    UScriptCode run_script = USCRIPT_INVALID_CODE;  // the last run's, when it is of this style run
    for (std::size_t c = 0; c < chars.size(); ++c) {
      const CharInfo& info = chars[c];
      const std::uint8_t level = bidi.levels[info.begin];
      if (runs.empty() || runs.back().style_run != r || runs.back().face != faces[c] || run_script != info.script ||
          runs.back().level != level || runs.back().end != info.begin) {
        runs.push_back({info.begin, info.end, r, faces[c], std::string(tags(info.script)), level});
        run_script = info.script;
      } else {
        runs.back().end = info.end;
      }
    }
  }
  return runs;
}

}  // namespace leafpress::text
