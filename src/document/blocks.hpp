#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/source_loc.hpp"
#include "document/theme.hpp"

namespace leafpress::document {

// The block kinds of a leaflet, written once over the kind of text they hold: a string
// key in the language-neutral Document, rich text in a LocalizedDocument.

template <class Text>
struct TitleBlock {
  Text title;
  std::optional<Text> subtitle;
  std::optional<Text> kicker;
};

template <class Text>
struct HeadingBlock {
  int level = 1;
  Text text;
};

template <class Text>
struct ParagraphBlock {
  Text text;
};

template <class Text>
struct ListBlock {
  bool numbered = false;
  std::vector<Text> items;
};

template <class Text>
struct QuoteBlock {
  Text text;
  std::optional<Text> by;
};

template <class Text>
struct CalloutBlock {
  std::optional<Text> title;
  std::vector<Text> paragraphs;
  std::vector<Text> items;  // a bulleted list after the paragraphs
};

template <class Text>
struct KeyFigure {
  Text value;
  Text label;
};

template <class Text>
struct FiguresBlock {
  std::optional<Text> title;
  std::vector<KeyFigure<Text>> figures;
};

template <class Text>
struct Source {
  Text text;
  std::string url;
};

template <class Text>
struct SourcesBlock {
  std::optional<Text> title;
  std::vector<Source<Text>> sources;
};

template <class Text>
struct ContactBlock {
  std::optional<Text> title;
  std::vector<Text> lines;
};

template <class Text>
using BlockContent = std::variant<TitleBlock<Text>, HeadingBlock<Text>, ParagraphBlock<Text>,
                                  ListBlock<Text>, QuoteBlock<Text>, CalloutBlock<Text>,
                                  FiguresBlock<Text>, SourcesBlock<Text>, ContactBlock<Text>>;

/// One block of the reading order, with the place in leaflet.yaml that defined it.
template <class Text>
struct Block {
  BlockContent<Text> content;
  core::SourceLoc loc;
  /// The formats the block appears in; empty: all of them.
  std::vector<Format> formats;
};

}  // namespace leafpress::document
