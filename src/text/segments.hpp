#pragma once

#include <optional>
#include <vector>

#include "text/break_iterators.hpp"
#include "text/shaped_paragraph.hpp"

namespace leafpress::text {

/// The glyphs between two break opportunities: a word, or the part of one before a
/// hyphenation point, and the spaces after it.
struct Segment {
  std::size_t first = 0;  // index into the shaped items
  std::size_t last = 0;   // one past
  double content_width = 0;
  double space_width = 0;
  /// What justification may open between this segment's clusters, and after its last one,
  /// in a script written without spaces (see cluster_gap_after), in points.
  double gap_stretch = 0;
  /// When the segment ends at a hyphenation point: the hyphen a line ending here shows.
  std::optional<ShapedItem> hyphen;

  double hyphen_width() const { return hyphen ? hyphen->advance : 0; }
};

/// Stretch between two clusters of a script written without spaces between words (Thai,
/// Lao, Khmer, Myanmar, Chinese, Japanese), in ems of the text: a justified line spreads its
/// slack over all its clusters, as those scripts are justified, not over its few spaces.
inline constexpr double kClusterStretch = 0.05;

/// Whether justification may open a gap after item `k`: the last glyph of a cluster that is
/// a letter of a script written without spaces, followed by another such cluster (digits,
/// Latin words and punctuation among them are not spaced out).
bool cluster_gap_after(const ShapedParagraph& shaped, std::size_t k);

/// The stretch of a gap after item `k` (kClusterStretch ems of its text), in points.
double cluster_gap_stretch(const StyledParagraph& paragraph, const ShapedParagraph& shaped, std::size_t k);

/// A place a line may end: a break opportunity, or a hyphenation point (a hyphen added).
struct BreakBoundary {
  std::size_t offset = 0;  // byte offset into the paragraph's text
  bool hyphenation = false;
};

/// Where `shaped`'s lines may end, ascending by offset: its line-break opportunities (UAX #14)
/// and those of `hyphenation_points` (byte offsets, ascending) that fall between two glyph
/// clusters of left-to-right text, so a ligature ("ffi") is never split; a break
/// opportunity comes first at an offset that has both. Neither type size nor measure
/// changes them.
std::vector<BreakBoundary> break_boundaries(const StyledParagraph& paragraph, const ShapedParagraph& shaped,
                                            const std::vector<std::size_t>& hyphenation_points,
                                            BreakIterators* iterators = nullptr);

/// Cuts a shaped paragraph, its items' advances set, at `boundaries` (break_boundaries of the
/// same paragraph). `shapes`, when given, lends the hyphen glyphs of each face.
std::vector<Segment> segment_paragraph(const StyledParagraph& paragraph, const ShapedParagraph& shaped,
                                       const std::vector<BreakBoundary>& boundaries, ShapeCache* shapes = nullptr);
/// The same, in `segments` (what it held replaced, its storage reused).
void segment_paragraph(const StyledParagraph& paragraph, const ShapedParagraph& shaped,
                       const std::vector<BreakBoundary>& boundaries, ShapeCache* shapes,
                       std::vector<Segment>& segments);

/// Cuts a shaped paragraph at its line-break opportunities (UAX #14) and at
/// `hyphenation_points` (byte offsets, ascending) that fall between two glyph clusters of
/// left-to-right text. `shapes`, when given, lends the hyphen glyphs of each face.
std::vector<Segment> segment_paragraph(const StyledParagraph& paragraph, const ShapedParagraph& shaped,
                                       const std::vector<std::size_t>& hyphenation_points,
                                       BreakIterators* iterators = nullptr, ShapeCache* shapes = nullptr);

}  // namespace leafpress::text
