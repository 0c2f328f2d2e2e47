#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "document/localized_document.hpp"
#include "layout/page.hpp"
#include "layout/theme_fonts.hpp"
#include "text/set_paragraph.hpp"

namespace leafpress::layout {

/// How a piece of text is set: family, size, colour, base style, leading and alignment.
struct TextSpec {
  const FontSet* fonts = nullptr;
  double size = 10;
  core::Color color;
  bool bold = false;
  bool italic = false;
  double leading = 1.4;  // line pitch as a multiple of the size
  text::Align align = text::Align::justify;
  bool hyphenate = false;
};

/// Lines of set text, with the pitch they are stacked at.
struct SetText {
  std::vector<text::Line> lines;
  double pitch = 0;
  /// Distance from the top of a line's strip to its baseline.
  double baseline = 0;
  /// The width the lines were set in.
  double measure = 0;
  double height() const { return pitch * static_cast<double>(lines.size()); }
};

/// Sets rich text in one language: styles become faces, links take the accent colour;
/// links and the leaflet's names are never hyphenated.
class Typesetter {
 public:
  /// Sets text in `doc`'s language, direction and link colour; `minimum_size` > 0 is
  /// large print (see set()); no text is set below `smallest_size` (the tri-fold's 9 pt).
  Typesetter(const document::LocalizedDocument& doc, text::TextContext& context, core::Diagnostics& diags,
             double minimum_size = 0, double smallest_size = 0)
      : doc_(doc), context_(context), diags_(diags), minimum_size_(minimum_size), smallest_size_(smallest_size) {}

  document::Direction direction() const { return doc_.direction; }
  /// The same typesetter reporting to `diags`: to measure text set again afterwards.
  Typesetter reporting_to(core::Diagnostics& diags) const {
    return Typesetter(doc_, context_, diags, minimum_size_, smallest_size_);
  }
  /// `value` in the language's digits.
  std::string number(std::size_t value) const { return doc_.number(value); }

  /// Large print follows the RNIB's clear print guidance: nothing below the minimum size,
  /// ragged right, no hyphenation, emphasis in bold instead of italics, and no line break
  /// after a hard hyphen ("elle-même" stays whole: its hyphen becomes U+2011).
  SetText set(const document::RichText& text, const TextSpec& spec, double width) const;
  /// One unstyled line, never wrapped (page furniture, numbers), at the spec's own size or
  /// the smallest size the typesetter allows.
  SetText set_plain(const std::string& text, const TextSpec& spec, const core::SourceLoc& loc) const;
  /// set_plain(), also giving the line counts setting the text added: text shown again as it
  /// was set (a running head on every page) is counted again by count_again(), as if set
  /// again (which would report no problem the first setting did not: diagnostics are kept once).
  SetText set_plain(const std::string& text, const TextSpec& spec, const core::SourceLoc& loc,
                    text::LineCounts& added) const;
  /// Adds `added` (see set_plain) to the line counts.
  void count_again(const text::LineCounts& added) const { context_.counts += added; }

 private:
  const document::LocalizedDocument& doc_;
  text::TextContext& context_;
  core::Diagnostics& diags_;
  /// Large print: no text below this size, ragged right, no hyphens (0: as the spec says).
  double minimum_size_ = 0;
  /// No text below this size, whatever the spec says (0: none).
  double smallest_size_ = 0;
};

/// The display items of line `index` of `set`, its strip's top at `top`, starting at `x`,
/// as content of structure element `element`; each linked run also gets a LinkItem over it.
std::vector<Item> line_items(const SetText& set, std::size_t index, double x, double top, int element = kArtifact);
/// As line_items, the line's glyph runs moved out of `set` (the line is left without them).
std::vector<Item> take_line_items(SetText& set, std::size_t index, double x, double top, int element = kArtifact);

/// Every line of `set` stacked from `top`.
std::vector<Item> all_line_items(const SetText& set, double x, double top, int element = kArtifact);
/// As all_line_items, the lines' glyph runs moved out of `set` instead of copied.
std::vector<Item> all_line_items(SetText&& set, double x, double top, int element = kArtifact);

}  // namespace leafpress::layout
