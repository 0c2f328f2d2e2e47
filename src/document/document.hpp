#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/source_loc.hpp"
#include "document/blocks.hpp"
#include "document/print_setup.hpp"
#include "document/theme.hpp"
#include "document/variables.hpp"

namespace leafpress::document {

/// A reference from leaflet.yaml to a string of the catalogs, e.g. "what.p1".
struct TextRef {
  std::string key;
  core::SourceLoc loc;
};

/// One string of a catalog, with the place it was written.
struct StringEntry {
  std::string text;
  core::SourceLoc loc;
};

/// Every string of one language, by dotted key, from one <lang>.yaml file.
struct Catalog {
  std::string language;
  std::string file;
  std::map<std::string, StringEntry> strings;
  /// For a translation: the fingerprint (core::text_hash) of the default language's text
  /// each string was translated from, written by `leafpress strings import` and
  /// `strings mark-current`; "fuzzy" for a translation imported unchecked.
  std::map<std::string, std::string> translated_from{};
};

/// The digits a language is set in, chosen in leaflet.yaml's `digits:` over CLDR's default:
/// a decimal numbering system of CLDR ("latn" for 0–9, "arab" for Arabic-Indic, …).
struct DigitsChoice {
  std::string numbering;
  core::SourceLoc loc;
};

/// A leaflet as written: language-neutral structure plus the catalogs of every language.
struct Document {
  std::string name;
  std::string directory;
  core::SourceLoc loc;
  std::string default_language;
  std::vector<std::string> languages;
  core::SourceLoc languages_loc;  // where `languages` was written, else the file's start
  std::vector<std::string> names;  // words never hyphenated, in any language
  std::map<std::string, DigitsChoice> digits;  // by language; absent: CLDR's default
  TextRef title;
  std::vector<Format> formats{Format::brochure};  // built by default, in this order
  core::SourceLoc formats_loc;
  PageSetup<TextRef> page;
  TrifoldSetup trifold;
  BookletSetup booklet;
  PosterSetup poster;
  FlyerSetup flyer;
  /// Set by a `print:` section: `build` then writes a press file beside each PDF.
  std::optional<PrintSetup> print;
  Theme theme;
  std::optional<Logo<TextRef>> logo;  // `theme: logo:`
  std::vector<Block<TextRef>> blocks;
  std::map<std::string, Catalog> catalogs;
  /// `variables:`, in the order declared; strings use them as `{name}`.
  std::vector<Variable> variables;
  /// The rows of the `variants:` file, in file order: one set of PDFs each. Empty: the
  /// leaflet is built once, its variables at their defaults.
  std::vector<VariantRow> variants;
};

}  // namespace leafpress::document
