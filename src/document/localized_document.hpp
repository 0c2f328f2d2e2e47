#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/source_loc.hpp"
#include "document/blocks.hpp"
#include "document/direction.hpp"
#include "document/theme.hpp"

namespace leafpress::document {

/// A run of text with one set of inline styles.
struct Span {
  std::string text;
  bool emphasis = false;
  bool strong = false;
  std::string link{};
  std::string language{};  // a passage in another language than the document's ([text]{lang=en})
  /// A telephone number, URL or e-mail address: read left to right whatever the text around
  /// it (a bidi isolate), never broken (a telephone number) or hyphenated.
  bool left_to_right = false;
  bool operator==(const Span&) const = default;
};

/// Inline-styled text of one language, with the place its string was written.
struct RichText {
  std::vector<Span> spans;
  core::SourceLoc loc;

  /// The characters without styles, as a reader would extract them.
  std::string plain() const;
};

/// A leaflet in one language: everything the typesetter needs, no string keys left.
struct LocalizedDocument {
  std::string name;
  std::string language;
  core::SourceLoc loc;  // where the leaflet declares its languages: the place of page numbers
  Direction direction = Direction::ltr;
  std::vector<std::string> names;  // words never hyphenated
  bool large_print = false;        // set for partially sighted readers (see layout/large_print)
  std::string title;
  Format format = Format::brochure;
  PageSetup<RichText> page;
  TrifoldSetup trifold;
  BookletSetup booklet;
  PosterSetup poster;
  FlyerSetup flyer;
  Theme theme;
  std::optional<Logo<RichText>> logo;
  std::vector<Block<RichText>> blocks;
  /// The ten digits the language writes numbers with (e.g. Arabic-Indic for ar), from
  /// CLDR; empty for 0–9.
  std::vector<std::string> digits;

  /// `value` in the language's digits: page numbers, list numbers.
  std::string number(std::size_t value) const;
};

}  // namespace leafpress::document
