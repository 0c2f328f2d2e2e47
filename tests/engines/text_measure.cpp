#include "engines/text_measure.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <map>
#include <stdexcept>

namespace leafpress::engines {
namespace {

constexpr UChar32 kSoftHyphen = 0x00AD;
constexpr UChar32 kZwnj = 0x200C;
constexpr UChar32 kZwj = 0x200D;

bool is_bidi_control(UChar32 c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool is_line_space(UChar32 c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x0C; }

bool is_word_part(UChar32 c) {
  const auto mask = U_GET_GC_MASK(c);
  return (mask & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0 || c == kZwnj || c == kZwj;
}

std::vector<UChar32> code_points(const icu::UnicodeString& text) {
  std::vector<UChar32> out;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) out.push_back(text.char32At(i));
  return out;
}

std::string utf8(const std::vector<UChar32>& cps) {
  icu::UnicodeString s;
  for (const UChar32 c : cps) s.append(c);
  std::string out;
  return s.toUTF8String(out);
}

template <typename T>
std::size_t multiset_overlap(const std::vector<T>& wanted, const std::vector<T>& have, std::vector<T>* missing) {
  std::map<T, std::size_t> available;
  for (const T& item : have) ++available[item];
  std::size_t found = 0;
  for (const T& item : wanted) {
    auto at = available.find(item);
    if (at != available.end() && at->second > 0) {
      --at->second;
      ++found;
    } else if (missing) {
      missing->push_back(item);
    }
  }
  return found;
}

std::vector<std::pair<std::string, std::string>> neighbours(const std::vector<std::string>& units) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (std::size_t i = 1; i < units.size(); ++i) pairs.emplace_back(units[i - 1], units[i]);
  return pairs;
}

}  // namespace

Units units_for(const std::string& language) {
  const std::string primary = language.substr(0, language.find('-'));
  return primary == "th" || primary == "zh" || primary == "ja" || primary == "ko" ? Units::kCharacters : Units::kWords;
}

std::string normalized(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  // NFKC, not NFC: a code may say a compatibility-equivalent text (Thai sara am, drawn as
  // nikhahit and sara aa, says both), as search in every viewer folds them.
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU has no NFKC data");
  icu::UnicodeString folded = nfc->normalize(icu::UnicodeString::fromUTF8(text), status);
  folded.foldCase();
  folded = nfc->normalize(folded, status);
  if (U_FAILURE(status)) throw std::runtime_error("NFKC normalisation failed");

  const std::vector<UChar32> in = code_points(folded);
  std::vector<UChar32> out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (is_bidi_control(in[i])) continue;
    if (in[i] == kSoftHyphen) {
      // A soft hyphen the engine gives back at a line end joins the word's halves; one
      // anywhere else is dropped too (it is invisible inside a word).
      while (i + 1 < in.size() && (is_line_space(in[i + 1]) || is_bidi_control(in[i + 1]))) ++i;
      continue;
    }
    out.push_back(in[i]);
  }
  return utf8(out);
}

std::vector<std::string> units_of(const std::string& text, Units units) {
  const std::vector<UChar32> cps = code_points(icu::UnicodeString::fromUTF8(normalized(text)));
  std::vector<std::string> out;
  std::vector<UChar32> word;
  for (const UChar32 c : cps) {
    if (!is_word_part(c)) {
      if (!word.empty()) out.push_back(utf8(word));
      word.clear();
      continue;
    }
    if (units == Units::kCharacters) {
      out.push_back(utf8({c}));
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) out.push_back(utf8(word));
  return out;
}

double Measure::recall() const {
  return source_units == 0 ? 0.0 : static_cast<double>(units_found) / static_cast<double>(source_units);
}

double Measure::pair_recall() const {
  return source_pairs == 0 ? 0.0 : static_cast<double>(pairs_found) / static_cast<double>(source_pairs);
}

Measure measure(const std::vector<std::string>& paragraphs, const std::string& engine_text, Units units) {
  std::vector<std::string> source;
  std::vector<std::pair<std::string, std::string>> source_pairs;
  for (const std::string& paragraph : paragraphs) {
    const std::vector<std::string> these = units_of(paragraph, units);
    source.insert(source.end(), these.begin(), these.end());
    const auto pairs = neighbours(these);
    source_pairs.insert(source_pairs.end(), pairs.begin(), pairs.end());
  }
  const std::vector<std::string> found = units_of(engine_text, units);
  Measure m;
  m.source_units = source.size();
  m.units_found = multiset_overlap(source, found, &m.missing);
  m.source_pairs = source_pairs.size();
  m.pairs_found = multiset_overlap<std::pair<std::string, std::string>>(source_pairs, neighbours(found), nullptr);
  return m;
}

}  // namespace leafpress::engines
