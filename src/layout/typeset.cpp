#include "layout/typeset.hpp"

#include <algorithm>
#include <limits>
#include <utility>

namespace leafpress::layout {
namespace {

/// Centres the font's ascent+descent in the pitch, as CSS line boxes do.
double baseline_offset(const TextSpec& spec, double pitch) {
  const auto& m = spec.fonts->regular->metrics();
  const double ascent = m.ascender * spec.size / m.units_per_em;
  const double descent = -m.descender * spec.size / m.units_per_em;
  return (pitch - ascent - descent) / 2 + ascent;
}

/// How far the ink of `lines` reaches above and below their baselines, in points: marks
/// stacked over Vietnamese capitals, Nastaliq's descending words.
struct InkExtent {
  double above = 0;
  double below = 0;
};
/// The glyphs on the baseline (most) are weighed by the run's highest top and lowest
/// bottom in font units: scaling by the run's positive scale keeps their order, so the
/// extent is the same as weighing each glyph in points.
InkExtent ink_extent(const std::vector<text::Line>& lines, text::GlyphInks& inks) {
  InkExtent extent;
  for (const text::Line& line : lines) {
    for (const text::GlyphRun& run : line.runs) {
      const double scale = run.size / run.face->metrics().units_per_em;
      bool on_baseline = false;
      int top = 0;
      int bottom = 0;
      for (const text::PlacedGlyph& glyph : run.glyphs) {
        const fonts::Face::Ink ink = inks.of(*run.face, glyph.id);
        if (ink.top == 0 && ink.bottom == 0) continue;
        if (glyph.y_offset == 0) {
          top = on_baseline ? std::max(top, ink.top) : ink.top;
          bottom = on_baseline ? std::max(bottom, ink.bottom) : ink.bottom;
          on_baseline = true;
          continue;
        }
        const double y = run.y_of(glyph);
        extent.above = std::max(extent.above, y + ink.top * scale);
        extent.below = std::max(extent.below, ink.bottom * scale - y);
      }
      if (on_baseline) {
        extent.above = std::max(extent.above, 0.0 + top * scale);
        extent.below = std::max(extent.below, bottom * scale - 0.0);
      }
    }
  }
  return extent;
}

/// The pitch and baseline that keep the ink of `set`'s lines apart: a taller script than the
/// theme's (Noto Nastaliq Urdu reaches 1.9 em up and 0.6 em down) spreads its lines so that
/// no line's ink meets the next's, with a tenth of the size between; text whose ink fits the
/// given pitch keeps it. The baseline moves down when the ink would rise out of its strip.
void fit_ink(SetText& set, double size, text::GlyphInks& inks) {
  const InkExtent ink = ink_extent(set.lines, inks);
  const double gap = 0.1 * size;
  if (ink.above + ink.below > set.pitch) {
    set.pitch = ink.above + ink.below + gap;
    set.baseline = ink.above + gap / 2;
  } else if (ink.above > set.baseline) {
    set.baseline = std::min(ink.above, set.pitch - ink.below);
  }
}

/// Marks every occurrence of the names in the paragraph as never hyphenated.
void mark_names(text::StyledParagraph& paragraph, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    if (name.empty()) continue;
    for (auto at = paragraph.text.find(name); at != std::string::npos; at = paragraph.text.find(name, at + 1)) {
      paragraph.unhyphenatable.push_back({at, at + name.size()});
    }
  }
}

/// The text with each hard hyphen made non-breaking (U+2011), so no line ends at one.
std::string without_hyphen_breaks(const std::string& text) {
  std::string out;
  for (const char c : text) out += c == '-' ? std::string("\u2011") : std::string(1, c);
  return out;
}

}  // namespace

SetText Typesetter::set(const document::RichText& rich, const TextSpec& given, double width) const {
  TextSpec spec = given;
  spec.size = std::max(spec.size, smallest_size_);
  const bool large_print = minimum_size_ > 0;
  if (large_print) {
    spec.size = std::max(spec.size, minimum_size_);
    spec.align = spec.align == text::Align::justify ? text::Align::start : spec.align;
    spec.hyphenate = false;
  }
  text::StyledParagraph& paragraph = context_.paragraph;
  paragraph.clear();
  paragraph.language = doc_.language;
  paragraph.direction = doc_.direction;
  paragraph.loc = rich.loc;
  for (const document::Span& span : rich.spans) {
    const bool italic = spec.italic || span.emphasis;
    // RNIB clear print: italics are hard to read; large print emphasises in bold.
    const bool bold = spec.bold || span.strong || (large_print && italic);
    text::TextStyle style{spec.fonts->pick(bold, italic && !large_print), spec.size,
                          span.link.empty() ? spec.color : doc_.theme.accent, span.link, span.language};
    const std::size_t begin = paragraph.text.size();
    // An address or a telephone number keeps its hyphens as they are: it is copied, and read
    // by machines.
    const bool literal = !span.link.empty() || span.left_to_right;
    paragraph.append(large_print && !literal ? without_hyphen_breaks(span.text) : span.text, style);
    if (literal) paragraph.unhyphenatable.push_back({begin, paragraph.text.size()});
    // A URL written out as its own link text reads left to right like one typed bare.
    if (span.left_to_right || (!span.link.empty() && span.text == span.link)) {
      paragraph.left_to_right.push_back({begin, paragraph.text.size()});
    }
  }
  // Ragged lines need no hyphens to look even; only justified text is hyphenated.
  const bool hyphenate = spec.hyphenate && spec.align == text::Align::justify;
  if (hyphenate) mark_names(paragraph, doc_.names);
  const double pitch = spec.size * spec.leading;
  SetText set{text::set_paragraph(paragraph, {width, spec.align, hyphenate}, context_, diags_), pitch,
              baseline_offset(spec, pitch), width};
  fit_ink(set, spec.size, context_.inks);
  return set;
}

SetText Typesetter::set_plain(const std::string& plain, const TextSpec& spec, const core::SourceLoc& loc,
                              text::LineCounts& added) const {
  const text::LineCounts before = context_.counts;
  SetText set = set_plain(plain, spec, loc);
  added = context_.counts - before;
  return set;
}

SetText Typesetter::set_plain(const std::string& plain, const TextSpec& spec, const core::SourceLoc& loc) const {
  document::RichText rich{{document::Span{plain, false, false, {}}}, loc};
  TextSpec one_line = spec;
  one_line.align = text::Align::start;
  one_line.size = std::max({spec.size, minimum_size_, smallest_size_});
  const Typesetter exact(doc_, context_, diags_);
  SetText set_line = exact.set(rich, one_line, 1e6);
  // Unbounded, a right-to-left line sits at the far end of its measure: bring it home and
  // make its own width the measure.
  set_line.measure = 0;
  for (text::Line& line : set_line.lines) {
    const double start = line.runs.empty() ? 0 : line.runs.front().x;
    for (text::GlyphRun& run : line.runs) run.x -= start;
    set_line.measure = std::max(set_line.measure, line.width);
  }
  return set_line;
}

namespace {

/// Appends the items of line `index` of `set` (see line_items) to `items`, each run copied,
/// or moved out of `set` when `Line` is a mutable text::Line.
template <class Line>
void append_items_of(Line& line, const SetText& set, double x, double top, int element, std::vector<Item>& items) {
  const double baseline = top + set.baseline;
  for (auto& run : line.runs) {
    if (!run.link.empty()) {
      const auto& m = run.face->metrics();
      const double ascent = m.ascender * run.size / m.units_per_em;
      const double descent = -m.descender * run.size / m.units_per_em;
      LinkItem link{x + run.x, baseline - ascent, run.width, ascent + descent, run.link, element, x, set.measure};
      items.push_back(GlyphItem{std::move(run), x, baseline, set.measure, element});
      items.push_back(std::move(link));
    } else {
      items.push_back(GlyphItem{std::move(run), x, baseline, set.measure, element});
    }
  }
}

/// The items of line `index` of `set`, as append_items_of makes them.
template <class Line>
std::vector<Item> items_of(Line& line, const SetText& set, double x, double top, int element) {
  std::vector<Item> items;
  items.reserve(line.runs.size());
  append_items_of(line, set, x, top, element, items);
  return items;
}

/// all_line_items: every line's items appended to one vector, line `i` by
/// `append_line(i, its top, items)`.
template <class AppendLine>
std::vector<Item> stacked_items(const SetText& set, double top, const AppendLine& append_line) {
  std::vector<Item> items;
  std::size_t runs = 0;
  for (const text::Line& line : set.lines) runs += line.runs.size();
  items.reserve(runs);  // a linked run adds a LinkItem: the vector grows past this only then
  for (std::size_t i = 0; i < set.lines.size(); ++i) append_line(i, top + set.pitch * static_cast<double>(i), items);
  return items;
}

}  // namespace

std::vector<Item> line_items(const SetText& set, std::size_t index, double x, double top, int element) {
  return items_of(set.lines[index], set, x, top, element);
}

std::vector<Item> take_line_items(SetText& set, std::size_t index, double x, double top, int element) {
  return items_of(set.lines[index], set, x, top, element);
}

std::vector<Item> all_line_items(const SetText& set, double x, double top, int element) {
  return stacked_items(set, top, [&](std::size_t i, double line_top, std::vector<Item>& items) {
    append_items_of(set.lines[i], set, x, line_top, element, items);
  });
}

std::vector<Item> all_line_items(SetText&& set, double x, double top, int element) {
  return stacked_items(set, top, [&](std::size_t i, double line_top, std::vector<Item>& items) {
    append_items_of(set.lines[i], set, x, line_top, element, items);
  });
}

}  // namespace leafpress::layout
