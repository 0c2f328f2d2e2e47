#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/source_loc.hpp"
#include "document/image.hpp"
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

/// How wide a figure's picture is set: a share of the column, or a length; never wider
/// than the column.
struct FigureWidth {
  double share = 1.0;            // of the column, when `length` is unset
  std::optional<double> length;  // points
};

/// A picture with its alternative text and an optional caption (`figure:`; not the
/// key-figures box, FiguresBlock).
template <class Text>
struct ImageBlock {
  std::string file;                    // as leaflet.yaml writes it, relative to its folder
  std::shared_ptr<const Image> image;  // shared by every language and format
  Text alt;                            // what a screen reader says instead of the picture
  std::optional<Text> caption;
  FigureWidth width;
};

/// A QR code leading to a web address, drawn as vector squares, with a caption.
template <class Text>
struct QrBlock {
  std::string url;  // literal, like a source's: the same in every language
  std::shared_ptr<const QrCode> code;
  /// Says what the code is in the leaflet's language; the address follows it in /Alt.
  Text alt;
  std::optional<Text> caption;
  double size = 0;  // side of the code in points, quiet zone not included
};

/// A table: a header row naming the columns, then rows of as many cells. Each cell's text is
/// set like a paragraph in its column; a row is never split across pages.
template <class Text>
struct TableBlock {
  Text caption;  // says what the table shows, above it (Caption, first kid of Table)
  /// Each column's share of the table's width, summing to 1.
  std::vector<double> widths;
  std::vector<Text> header;
  std::vector<std::vector<Text>> rows;
  /// The first cell of each row heads its row (TH with /Scope /Row), as the header row's
  /// cells head their columns.
  bool row_headers = false;
};

/// The leaflet's logo (`theme: logo:`): a picture on the cover, and on every page when
/// `every_page` is set. With `alt` it is a Figure on the cover, its repeats are artifacts;
/// without, a decoration, an artifact everywhere.
template <class Text>
struct Logo {
  std::string file;  // as leaflet.yaml writes it, relative to its folder
  std::shared_ptr<const Image> image;
  std::optional<Text> alt;
  double width = 0;  // points; the height follows the picture's proportions
  bool every_page = false;
};

template <class Text>
using BlockContent = std::variant<TitleBlock<Text>, HeadingBlock<Text>, ParagraphBlock<Text>,
                                  ListBlock<Text>, QuoteBlock<Text>, CalloutBlock<Text>,
                                  FiguresBlock<Text>, SourcesBlock<Text>, ContactBlock<Text>, ImageBlock<Text>,
                                  QrBlock<Text>, TableBlock<Text>>;

/// One block of the reading order, with the place in leaflet.yaml that defined it.
template <class Text>
struct Block {
  BlockContent<Text> content;
  core::SourceLoc loc;
  /// The formats the block appears in; empty: all of them.
  std::vector<Format> formats{};
};

}  // namespace leafpress::document
