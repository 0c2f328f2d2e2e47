#include "text/hyphenate.hpp"

#include <hyphen.h>
#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/edits.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/uvernum.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <system_error>
#include <utility>

#include "core/c_handle.hpp"
#include "core/confine.hpp"
#include "core/file_identity.hpp"
#include "core/utf8.hpp"
#include "text/compiled_patterns.hpp"

namespace leafpress::text {

struct Hyphenator::Patterns {
  std::filesystem::path dic;
  PatternMachine dict;

  /// The machine, its states read; made by libhyphen from the .dic file when the compiled
  /// copy's states turn out damaged, so that hyphenation never depends on the cache.
  HyphenDict* machine() {
    if (HyphenDict* read = dict.get()) return read;
    dict = PatternMachine(hnj_hyphen_load(dic.c_str()));
    return dict.get();
  }
};

namespace {

constexpr char32_t kSoftHyphen = 0x00AD;


/// The hyph_<ll>_*.dic files of `dir`, sorted so the choice among regions is stable.
std::vector<std::filesystem::path> any_region_dictionaries(const std::filesystem::path& dir, const std::string& ll) {
  std::vector<std::filesystem::path> found;
  const std::string prefix = "hyph_" + ll + "_";
  std::error_code error;
  for (std::filesystem::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with(prefix) && name.ends_with(".dic") && is_usable_dictionary(it->path(), dir)) {
      found.push_back(it->path());
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

// Digits mark codes (CD28, IL2); a dash or soft hyphen means the word already has its break
// points; a capital after the first letter marks an acronym or a brand (CTLA, mRNA).
bool has_digit_dash_or_inner_capital(std::string_view word) {
  std::size_t offset = 0;
  for (std::size_t index = 0; offset < word.size(); ++index) {
    const auto cp = static_cast<UChar32>(core::next_code_point(word, offset));
    if (u_isdigit(cp) || u_hasBinaryProperty(cp, UCHAR_DASH) || cp == static_cast<UChar32>(kSoftHyphen)) return true;
    if (index > 0 && u_isUUppercase(cp)) return true;
  }
  return false;
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t offset = 0; offset < text.size(); ++count) core::next_code_point(text, offset);
  return count;
}

/// `utf8` in the dictionary's 8-bit charset, one byte per character, or nullopt when a
/// character has no byte there (a Polish "ł" for a Latin-1 dictionary).
std::optional<std::string> to_legacy_charset(std::string_view utf8, const char* charset, std::size_t code_points) {
  UErrorCode status = U_ZERO_ERROR;
  const core::CHandle<UConverter, ucnv_close> converter(ucnv_open(charset, &status));
  if (U_FAILURE(status)) return std::nullopt;
  ucnv_setFromUCallBack(converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  const icu::UnicodeString utf16 =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::string out(code_points, '\0');
  const int32_t written = ucnv_fromUChars(converter.get(), out.data(), static_cast<int32_t>(out.size()),
                                          utf16.getBuffer(), utf16.length(), &status);
  // libhyphen indexes an 8-bit dictionary's results by byte, so each character must be one byte.
  if (U_FAILURE(status) || static_cast<std::size_t>(written) != code_points) return std::nullopt;
  out.resize(static_cast<std::size_t>(written));
  return out;
}

/// The arrays libhyphen allocates with malloc when a non-standard pattern matched.
class NonStandardPoints {
 public:
  explicit NonStandardPoints(std::size_t word_bytes) : word_bytes_(word_bytes) {}
  NonStandardPoints(const NonStandardPoints&) = delete;
  NonStandardPoints& operator=(const NonStandardPoints&) = delete;
  ~NonStandardPoints() {
    if (rep) {
      for (std::size_t i = 0; i < word_bytes_; ++i) std::free(rep[i]);
    }
    std::free(rep);
    std::free(pos);
    std::free(cut);
  }

  bool at(std::size_t character) const { return rep && rep[character]; }

  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;

 private:
  std::size_t word_bytes_;
};

/// The byte offset in the original word of `lowered_offset`, a character boundary in its
/// lowercase form; nullopt inside a character whose lowercase grew ("İ" → "i̇").
std::optional<std::size_t> original_offset(const icu::Edits& edits, std::size_t lowered_offset) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Edits::Iterator it = edits.getFineIterator();
  const auto target = static_cast<int32_t>(lowered_offset);
  if (!it.findDestinationIndex(target, status) || U_FAILURE(status)) return std::nullopt;
  if (!it.hasChange()) return static_cast<std::size_t>(it.sourceIndex() + (target - it.destinationIndex()));
  if (target == it.destinationIndex()) return static_cast<std::size_t>(it.sourceIndex());
  return std::nullopt;
}

}  // namespace

bool is_usable_dictionary(const std::filesystem::path& file, const std::filesystem::path& dir) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) return false;
  const std::uintmax_t size = std::filesystem::file_size(file, error);
  return !error && size <= kMaxDictionaryBytes && !core::outside_target(file, dir);
}

std::optional<std::filesystem::path> find_hyphenation_dictionary(std::string_view language,
                                                                 std::span<const std::filesystem::path> search_dirs) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(std::string(language), status);
  if (U_FAILURE(status) || locale.getLanguage()[0] == '\0') return std::nullopt;
  const std::string ll = locale.getLanguage();
  const std::string script = locale.getScript();
  const std::string region = locale.getCountry();
  icu::Locale likely = locale;
  likely.addLikelySubtags(status);
  const std::string likely_region = U_SUCCESS(status) ? likely.getCountry() : "";

  std::vector<std::string> names;
  if (!script.empty() && !region.empty()) names.push_back("hyph_" + ll + "_" + script + "_" + region + ".dic");
  if (!region.empty()) names.push_back("hyph_" + ll + "_" + region + ".dic");
  if (!script.empty()) names.push_back("hyph_" + ll + "_" + script + ".dic");
  names.push_back("hyph_" + ll + ".dic");
  if (!likely_region.empty()) names.push_back("hyph_" + ll + "_" + likely_region + ".dic");

  for (const std::filesystem::path& dir : search_dirs) {
    for (const std::string& name : names) {
      if (is_usable_dictionary(dir / name, dir)) return dir / name;
    }
    const std::vector<std::filesystem::path> any = any_region_dictionaries(dir, ll);
    if (!any.empty()) return any.front();
  }
  return std::nullopt;
}

std::optional<Hyphenator> Hyphenator::try_load(const std::filesystem::path& path, std::string_view language,
                                               HyphenationSettings settings) {
  auto patterns = std::make_unique<Patterns>();
  patterns->dic = path;
  patterns->dict = load_patterns(path);
  const HyphenDict* header = patterns->dict.first_level();
  if (!header) return std::nullopt;
  // libhyphen reads the charset from the dictionary's first line and only decodes UTF-8 itself.
  if (!header->utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const core::CHandle<UConverter, ucnv_close> converter(ucnv_open(header->cset, &status));
    if (U_FAILURE(status) || ucnv_getMaxCharSize(converter.get()) != 1) return std::nullopt;
  }
  return Hyphenator(std::move(patterns), path, std::string(language), settings);
}

Hyphenator::Hyphenator(std::unique_ptr<Patterns> patterns, std::filesystem::path path, std::string language,
                       HyphenationSettings settings)
    : patterns_(std::move(patterns)), path_(std::move(path)), language_(std::move(language)), settings_(settings) {
  if (auto file = core::settled_identity(path_)) {
    identity_ = *file + "\n" + language_ + "\n" + std::to_string(settings_.min_word_length) + "," +
                std::to_string(settings_.left_min) + "," + std::to_string(settings_.right_min);
  }
}

Hyphenator::Hyphenator(Hyphenator&&) noexcept = default;
Hyphenator& Hyphenator::operator=(Hyphenator&&) noexcept = default;
Hyphenator::~Hyphenator() = default;

std::vector<std::size_t> Hyphenator::hyphenation_points(std::string_view word) const {
  std::vector<std::size_t> points;
  if (core::find_invalid_utf8(word) || count_code_points(word) < settings_.min_word_length ||
      has_digit_dash_or_inner_capital(word)) {
    return points;
  }
  if (word.size() > static_cast<std::size_t>(std::numeric_limits<int>::max() / 4)) return points;

  // Patterns are written in lowercase; Edits records how each lowercase span maps back.
  UErrorCode status = U_ZERO_ERROR;
  std::string lowered;
  icu::StringByteSink<std::string> sink(&lowered);
  icu::Edits edits;
  icu::CaseMap::utf8ToLower(language_.c_str(), 0, icu::StringPiece(word.data(), static_cast<int32_t>(word.size())),
                            sink, &edits, status);
  if (U_FAILURE(status)) return points;

  // Byte offset in `lowered` just after each character.
  std::vector<std::size_t> character_ends;
  for (std::size_t offset = 0; offset < lowered.size();) {
    core::next_code_point(lowered, offset);
    character_ends.push_back(offset);
  }

  HyphenDict* machine = patterns_->machine();
  if (!machine) return points;
  const HyphenDict& dict = *machine;
  std::string input = lowered;
  if (!dict.utf8) {
    std::optional<std::string> legacy = to_legacy_charset(lowered, dict.cset, character_ends.size());
    if (!legacy) return points;
    input = std::move(*legacy);
  }

  std::vector<char> hyphens(input.size() + 5, '\0');
  NonStandardPoints non_standard(input.size());
  const int failed =
      hnj_hyphen_hyphenate3(machine, input.data(), static_cast<int>(input.size()), hyphens.data(), nullptr,
                            &non_standard.rep, &non_standard.pos, &non_standard.cut,
                            static_cast<int>(settings_.left_min), static_cast<int>(settings_.right_min), 0, 0);
  if (failed) return points;

  // libhyphen marks an odd digit at character k (it converts a UTF-8 dictionary's byte
  // positions to characters) for a hyphen after that character. Worked example: in
  // "Thérapie" the French patterns give "thé-ra-pie", odd digits at characters 2 and 4;
  // in "thérapie" these end at bytes 4 and 6 ("é" is two bytes), and lowercasing "T"
  // changed no length, so the points are bytes 4 and 6 of the original word too.
  for (std::size_t k = 0; k + 1 < character_ends.size(); ++k) {
    if ((hyphens[k] & 1) == 0) continue;
    // A non-standard point changes letters around the break (German "Schiffahrt" →
    // "Schiff-fahrt"); the line breaker can only add a hyphen, so such points are dropped.
    if (non_standard.at(k)) continue;
    if (const std::optional<std::size_t> offset = original_offset(edits, character_ends[k])) points.push_back(*offset);
  }
  return points;
}

// What find_paragraph_points finds for a paragraph: change the number whenever that could change.
HyphenatorCache::HyphenatorCache(std::vector<std::filesystem::path> search_dirs, HyphenationSettings settings)
    : search_dirs_(std::move(search_dirs)),
      settings_(settings),
      paragraphs_(RememberedPositions::kept_in_cache("hyphenation-points",
                                                     "leafpress hyphenation points 2\nICU " U_ICU_VERSION)) {}

const Hyphenator* HyphenatorCache::find(std::string_view language) {
  if (const auto known = by_language_.find(language); known != by_language_.end()) return known->second;
  const Hyphenator* found = nullptr;
  if (const std::optional<std::filesystem::path> path = find_hyphenation_dictionary(language, search_dirs_)) {
    // Debian's region files are symlinks to one file per language: key on the real file.
    std::error_code error;
    std::filesystem::path file = std::filesystem::canonical(*path, error);
    if (error) file = *path;
    auto [entry, inserted] = by_file_.try_emplace(file);
    if (inserted) {
      UErrorCode status = U_ZERO_ERROR;
      const icu::Locale locale = icu::Locale::forLanguageTag(std::string(language), status);
      entry->second = Hyphenator::try_load(file, locale.getLanguage(), settings_);
    }
    if (entry->second) found = &*entry->second;
  }
  by_language_.emplace(std::string(language), found);
  return found;
}

const std::vector<std::size_t>& HyphenatorCache::points(const Hyphenator& hyphenator, std::string_view word) {
  WordPoints& words = words_[&hyphenator];
  if (const auto found = words.find(word); found != words.end()) return found->second;
  if (word_count_ >= kMaxWords) {
    for (auto& [_, known] : words_) known.clear();
    word_count_ = 0;
  }
  ++word_count_;
  return words.emplace(std::string(word), hyphenator.hyphenation_points(word)).first->second;
}

std::pair<std::vector<std::size_t>*, bool> HyphenatorCache::paragraph_points_of(
    const Hyphenator& hyphenator, std::string_view language, std::string_view text,
    std::span<const ByteRange> unhyphenatable) {
  std::string& key = paragraphs_.key();
  key.assign(language).append(1, '\0').append(text).append(1, '\0');
  for (const ByteRange& range : unhyphenatable) {
    key.append(reinterpret_cast<const char*>(&range.begin), sizeof range.begin);
    key.append(reinterpret_cast<const char*>(&range.end), sizeof range.end);
  }
  key.append(1, '\0').append(hyphenator.identity().value_or(hyphenator.path().string()));
  return paragraphs_.slot(text, hyphenator.identity().has_value());
}

namespace {

/// The byte just past the word's last apostrophe (U+0027 or U+2019), or 0.
std::size_t last_apostrophe_end(std::string_view word) {
  const std::size_t straight = word.rfind('\'');
  const std::size_t curly = word.rfind("\u2019");
  std::size_t end = 0;
  if (straight != std::string_view::npos) end = straight + 1;
  if (curly != std::string_view::npos) end = std::max(end, curly + 3);
  return end;
}

/// paragraph_hyphenation_points with `hyphenator`, found afresh.
std::vector<std::size_t> find_paragraph_points(std::string_view text, std::string_view language,
                                               const Hyphenator& hyphenator, HyphenatorCache& cache,
                                               std::span<const ByteRange> unhyphenatable,
                                               BreakIterators* iterators) {
  std::vector<std::size_t> points;

  // Over UTF-8 text, ICU's break iterator reports boundaries as byte offsets.
  UErrorCode status = U_ZERO_ERROR;
  const core::CHandle<UText, utext_close> utext(
      utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
  std::unique_ptr<icu::BreakIterator> made;
  icu::BreakIterator* words = iterators ? iterators->word(language) : nullptr;
  if (!iterators) {
    made.reset(icu::BreakIterator::createWordInstance(icu::Locale::forLanguageTag(std::string(language), status), status));
    words = made.get();
  }
  if (U_FAILURE(status) || !words) return points;
  words->setText(utext.get(), status);
  if (U_FAILURE(status)) return points;

  for (int32_t start = words->first(), end = words->next(); end != icu::BreakIterator::DONE;
       start = end, end = words->next()) {
    const int32_t rule = words->getRuleStatus();
    if (rule < UBRK_WORD_LETTER || rule >= UBRK_WORD_LETTER_LIMIT) continue;
    const auto begin = static_cast<std::size_t>(start);
    const auto stop = static_cast<std::size_t>(end);
    const bool excluded = std::any_of(unhyphenatable.begin(), unhyphenatable.end(),
                                      [&](const ByteRange& range) { return begin < range.end && range.begin < stop; });
    if (excluded) continue;
    // An elision ("l'immunothérapie", "aujourd'hui") joins two words in one: only the part
    // after the last apostrophe is hyphenated, so "aujour-d'hui" never happens.
    const std::string_view word = text.substr(begin, stop - begin);
    const std::size_t elided = last_apostrophe_end(word);
    for (const std::size_t point : cache.points(hyphenator, word.substr(elided))) {
      points.push_back(begin + elided + point);
    }
  }
  return points;
}

}  // namespace

std::vector<std::size_t> paragraph_hyphenation_points(std::string_view text, std::string_view language,
                                                      HyphenatorCache& cache,
                                                      std::span<const ByteRange> unhyphenatable,
                                                      BreakIterators* iterators) {
  const Hyphenator* hyphenator = cache.find(language);
  if (!hyphenator || text.empty()) return {};
  if (!iterators) return find_paragraph_points(text, language, *hyphenator, cache, unhyphenatable, nullptr);
  const auto [kept, known] = cache.paragraph_points_of(*hyphenator, language, text, unhyphenatable);
  if (!known) *kept = find_paragraph_points(text, language, *hyphenator, cache, unhyphenatable, iterators);
  return *kept;
}

}  // namespace leafpress::text
