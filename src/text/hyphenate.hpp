#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/break_iterators.hpp"
#include "text/remembered_positions.hpp"

namespace leafpress::text {

// TeX's \lefthyphenmin and \righthyphenmin: the fewest characters a hyphen may leave on the
// line and carry to the next. 2 and 3 are TeX's defaults for English and the usual French
// typographic practice (no "-té" or "-ne" alone at the start of a line).
inline constexpr std::size_t kDefaultLeftHyphenMin = 2;
inline constexpr std::size_t kDefaultRightHyphenMin = 3;
// Splitting a shorter word saves too little room to be worth a hyphen.
inline constexpr std::size_t kDefaultMinHyphenatedWord = 5;

/// Where words may be hyphenated, every length counted in characters (code points); a
/// dictionary's own LEFTHYPHENMIN/RIGHTHYPHENMIN win when they are larger.
struct HyphenationSettings {
  std::size_t min_word_length = kDefaultMinHyphenatedWord;
  std::size_t left_min = kDefaultLeftHyphenMin;
  std::size_t right_min = kDefaultRightHyphenMin;
};

/// The folder Debian's hyphen-* packages install their hyph_<ll>_<CC>.dic files into.
inline constexpr std::string_view kSystemHyphenationDir = "/usr/share/hyphen";

/// The largest hyphenation dictionary read: Debian's largest (German) is about 1 MiB, and
/// libhyphen takes minutes over a 20 MiB one.
inline constexpr std::uintmax_t kMaxDictionaryBytes = 4 * 1024 * 1024;

/// Whether `file` in `dir` may be read as a dictionary: a regular file of at most
/// kMaxDictionaryBytes that is not a link leading outside `dir`.
bool is_usable_dictionary(const std::filesystem::path& file, const std::filesystem::path& dir);

/// The dictionary for BCP 47 `language` in the first of `search_dirs` that has one for its
/// language: the exact script and region, then the bare language, then the language's likely
/// region, then any region alphabetically ("en-GB" → hyph_en.dic); nullopt when none has one.
/// Only usable dictionaries (is_usable_dictionary) are considered.
std::optional<std::filesystem::path> find_hyphenation_dictionary(
    std::string_view language, std::span<const std::filesystem::path> search_dirs);

/// A libhyphen pattern dictionary, loaded once, with the settings it is applied with.
class Hyphenator {
 public:
  /// Loads the dictionary at `path`, lowercasing words by the rules of BCP 47 `language`;
  /// nullopt when the file cannot be read or is in a charset ICU does not know.
  static std::optional<Hyphenator> try_load(const std::filesystem::path& path, std::string_view language,
                                            HyphenationSettings settings = {});

  Hyphenator(Hyphenator&&) noexcept;
  Hyphenator& operator=(Hyphenator&&) noexcept;
  ~Hyphenator();

  /// UTF-8 byte offsets inside `word` where a hyphen may go, ascending; none for words
  /// shorter than settings().min_word_length and for words with a digit, a hyphen or an
  /// uppercase letter after the first (CTLA, PD-L1, mRNA).
  std::vector<std::size_t> hyphenation_points(std::string_view word) const;

  /// The dictionary file this hyphenator was loaded from.
  const std::filesystem::path& path() const { return path_; }

  /// The limits applied on top of the dictionary's patterns.
  const HyphenationSettings& settings() const { return settings_; }

  /// The dictionary file's identity when it was loaded (core::settled_identity), its language
  /// and settings: what the points of a word depend on besides the word; nullopt when the
  /// file is too new for its answers to be kept across runs.
  const std::optional<std::string>& identity() const { return identity_; }

 private:
  struct Patterns;
  Hyphenator(std::unique_ptr<Patterns> patterns, std::filesystem::path path, std::string language,
             HyphenationSettings settings);

  std::unique_ptr<Patterns> patterns_;
  std::filesystem::path path_;
  std::string language_;
  HyphenationSettings settings_;
  std::optional<std::string> identity_;
};

/// A [begin, end) range of byte offsets in a paragraph's text.
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Hyphenators by language for one run: each dictionary file (and the symlinks Debian adds
/// for regions) is loaded at most once, on first use.
class HyphenatorCache {
 public:
  /// Looks for dictionaries in `search_dirs`, earlier folders first, and applies `settings`.
  explicit HyphenatorCache(
      std::vector<std::filesystem::path> search_dirs = {std::filesystem::path(kSystemHyphenationDir)},
      HyphenationSettings settings = {});
  HyphenatorCache(const HyphenatorCache&) = delete;
  HyphenatorCache& operator=(const HyphenatorCache&) = delete;

  /// The hyphenator for BCP 47 `language`, nullptr when no dictionary for it is found or
  /// loads: text in that language is not hyphenated, and the caller decides whether to warn.
  const Hyphenator* find(std::string_view language);

  /// `hyphenator.hyphenation_points(word)`, worked out once per word and hyphenator: a
  /// document repeats its words, and each costs a lowercasing and a pattern search. Holds at
  /// most about kMaxWords words, then starts again empty.
  const std::vector<std::size_t>& points(const Hyphenator& hyphenator, std::string_view word);

  static constexpr std::size_t kMaxWords = 1 << 16;

  /// Where the hyphenation points of paragraph `text` in `language` by `hyphenator`, with
  /// `unhyphenatable` left alone, are kept (paragraph_hyphenation_points' answer: a paragraph
  /// set again, at another type size or in another format, hyphenates as it did; across runs
  /// too when the dictionary has an identity), and whether they are there already; when not,
  /// an empty place for the caller to fill (RememberedPositions, with its bound).
  std::pair<std::vector<std::size_t>*, bool> paragraph_points_of(const Hyphenator& hyphenator,
                                                                 std::string_view language, std::string_view text,
                                                                 std::span<const ByteRange> unhyphenatable);

  /// Writes the paragraphs' hyphenation points kept across runs that this run worked out
  /// (RememberedPositions::write).
  void write_remembered() { paragraphs_.write(); }

 private:
  struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view word) const { return std::hash<std::string_view>()(word); }
  };
  using WordPoints = std::unordered_map<std::string, std::vector<std::size_t>, WordHash, std::equal_to<>>;

  std::vector<std::filesystem::path> search_dirs_;
  HyphenationSettings settings_;
  std::map<std::filesystem::path, std::optional<Hyphenator>> by_file_;
  std::map<std::string, const Hyphenator*, std::less<>> by_language_;
  std::map<const Hyphenator*, WordPoints> words_;
  std::size_t word_count_ = 0;
  RememberedPositions paragraphs_;  // by language, text, the ranges, the hyphenator's identity
};

/// Byte offsets in UTF-8 paragraph `text` where a hyphen may go, ascending: inside the
/// words ICU's word BreakIterator finds for `language`, except words touching a range of
/// `unhyphenatable` (URLs, names); none when `cache` has no dictionary for `language`.
/// `iterators`, when given, lends the word break iterator. Each word's points come through
/// `cache.points`.
std::vector<std::size_t> paragraph_hyphenation_points(std::string_view text, std::string_view language,
                                                      HyphenatorCache& cache,
                                                      std::span<const ByteRange> unhyphenatable = {},
                                                      BreakIterators* iterators = nullptr);

}  // namespace leafpress::text
