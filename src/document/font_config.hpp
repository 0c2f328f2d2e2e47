#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/source_loc.hpp"

namespace leafpress::document {

/// Families to try, in order, for text in one script (ISO 15924 code such as "Arab") that
/// the theme's own fonts do not cover.
struct FallbackChain {
  std::vector<std::string> families;
  core::SourceLoc loc;
};

/// Chains per script for text in one language, tried before the script's own: Japanese
/// kanji (Hani) in the JP face of Noto CJK, not the SC one; Urdu in Nastaliq, not Naskh.
struct LanguageChains {
  std::map<std::string, FallbackChain> serif;
  std::map<std::string, FallbackChain> sans;
};

/// The project's font configuration (fonts/fallback.yaml): fallback chains per script, one
/// set for serif text and one for sans-serif text, the same per language (by its BCP 47
/// primary subtag: "ja"), and a last-resort list for any script.
struct FontConfig {
  std::map<std::string, FallbackChain> serif;
  std::map<std::string, FallbackChain> sans;
  std::map<std::string, LanguageChains> languages;
  FallbackChain any;
  std::string file;  // where the configuration was read from, for hints
};

}  // namespace leafpress::document
