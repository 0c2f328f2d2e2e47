#pragma once

#include <string>
#include <vector>

// How much of a leaflet's source text a PDF engine gives back, and in which order
// (tests/engines/README.md, "Normalisation").

namespace leafpress::engines {

/// Words are runs of letters, marks, digits, ZWNJ and ZWJ. Thai, Chinese and Japanese have
/// no spaces between words, and Korean lines may break inside words, so each letter is a
/// unit there.
enum class Units : unsigned char { kWords, kCharacters };

/// The units a text is compared by for `language` (a BCP 47 tag such as "th").
Units units_for(const std::string& language);

/// `text` in NFC, case-folded, bidi controls removed, and a soft hyphen followed by a line
/// end (with its spaces) removed so the two halves of a hyphenated word join; hard hyphens
/// stay and split words. Example: "Im\u00AD\n mune" -> "immune".
std::string normalized(const std::string& text);

/// The units of normalized(`text`), in order. Example (words): "Tell your care-team!" ->
/// {"tell", "your", "care", "team"}.
std::vector<std::string> units_of(const std::string& text, Units units);

/// How one engine's text compares with the source paragraphs.
struct Measure {
  std::size_t source_units = 0;
  std::size_t units_found = 0;   // source units found in the engine's text (as multisets)
  std::size_t source_pairs = 0;  // neighbouring units inside one source paragraph
  std::size_t pairs_found = 0;   // of those, found as neighbours in the engine's text
  std::vector<std::string> missing;  // source units the engine did not give back, in order

  double recall() const;
  double pair_recall() const;
};

/// Compares `engine_text` (whole document, in the engine's reading order) with the source
/// `paragraphs` (in logical order).
Measure measure(const std::vector<std::string>& paragraphs, const std::string& engine_text, Units units);

}  // namespace leafpress::engines
