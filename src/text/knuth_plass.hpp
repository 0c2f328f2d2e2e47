#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace leafpress::text {

// Paragraphs as boxes, glue and penalties, broken into lines by total fit: the method of
// D. E. Knuth and M. F. Plass, "Breaking Paragraphs into Lines", Software—Practice and
// Experience 11 (1981) 1119–1184, as TeX uses it (The TeXbook, ch. 14).

/// A penalty at least this high forbids a break; one at most its negative forces one.
inline constexpr double kInfinitePenalty = 10000;
/// Stretch that absorbs any amount of space (the last line's fill).
inline constexpr double kFillStretch = 1e7;

enum class BreakItemKind : std::uint8_t { box, glue, penalty };

/// One item of a paragraph: a box (unbreakable material), glue (a space that may stretch
/// or shrink, and where a line may break if a box precedes it) or a penalty (a possible
/// break costing `penalty`; a flagged one is a hyphen, showing `width` if taken).
struct BreakItem {
  BreakItemKind kind = BreakItemKind::box;
  double width = 0;
  double stretch = 0;
  double shrink = 0;
  double penalty = 0;
  bool flagged = false;
};

/// Appends the end of a paragraph: fill glue, then a forced break.
void finish_paragraph(std::vector<BreakItem>& items);

/// The measure of each line: the first may differ from the others (a hanging label).
struct LineWidths {
  double first = 0;
  double rest = 0;
  double of(std::size_t line) const { return line == 0 ? first : rest; }
};

/// Costs and limits of line breaking, with TeX's names and defaults.
struct LineBreakParameters {
  double pretolerance = 100;  // \pretolerance: badness allowed in the first pass, which tries no hyphens
  double tolerance = 200;     // \tolerance: badness allowed once hyphens are tried
  double line_penalty = 10;   // \linepenalty: added to every line's badness, favouring fewer lines
  double double_hyphen_demerits = 10000;  // \doublehyphendemerits: two hyphenated lines in a row
  double final_hyphen_demerits = 5000;    // \finalhyphendemerits: a hyphen ending the next-to-last line
  double adj_demerits = 10000;            // \adjdemerits: a line much looser or tighter than the one before
  int max_consecutive_hyphens = 2;        // more hyphenated lines in a row are never made
  double emergency_stretch = 0;           // \emergencystretch: extra stretch per line in the third pass
  /// Stretch at the end of every line besides its glue's: \rightskip's stretch, which sets
  /// text ragged (Knuth & Plass 1981, "ragged right"): with rigid spaces a line's badness
  /// grows with the room it leaves, so total fit evens the rag. Not set into the glue
  /// (LineBreak::glue_ratio leaves it out, as it leaves out the emergency stretch).
  double line_stretch = 0;
};

/// How the lines were found: the passes of TeX's line breaker, then a last resort.
enum class BreakPass : std::uint8_t { no_hyphens, hyphens, emergency, last_resort };

/// One line's end: the item it breaks at, its adjustment ratio r (positive stretches,
/// negative shrinks) and whether it ends with a hyphen or overflows.
struct LineBreak {
  std::size_t position = 0;
  double ratio = 0;
  /// The ratio the line's own glue is set at, to draw it: `ratio` without the emergency
  /// stretch of the third pass (which only lets the breaker accept the line, as in TeX),
  /// and at least -1 (glue never shrinks past its shrink; an overfull line overflows).
  double glue_ratio = 0;
  int fitness = 2;  // 0 very loose, 1 loose, 2 decent, 3 tight
  bool hyphenated = false;
  bool overfull = false;
};

struct LineBreakResult {
  std::vector<LineBreak> breaks;
  BreakPass pass = BreakPass::no_hyphens;
  double demerits = 0;
};

/// What break_lines_total_fit works in (its running totals, feasible breaks and active
/// ones), kept by a caller that breaks paragraph after paragraph so that its storage is
/// allocated once and reused, not once a paragraph. Holds nothing from one call to the next.
class TotalFitScratch {
 public:
  TotalFitScratch();
  ~TotalFitScratch();

  struct Buffers;
  Buffers& buffers() { return *buffers_; }

 private:
  std::unique_ptr<Buffers> buffers_;
};

/// The breaks of least total demerits, items ending with finish_paragraph(). Lines stay
/// within the tolerance when they can, with emergency stretch when they cannot, and overflow
/// only when a box is wider than the line.
LineBreakResult break_lines_total_fit(const std::vector<BreakItem>& items, const LineWidths& widths,
                                      const LineBreakParameters& parameters);
/// The same, in `result` (what it held replaced, its storage reused), working in `scratch`'s
/// storage.
void break_lines_total_fit(const std::vector<BreakItem>& items, const LineWidths& widths,
                           const LineBreakParameters& parameters, TotalFitScratch& scratch, LineBreakResult& result);

/// First fit over the same items: each line takes as much as fits at natural width.
LineBreakResult break_lines_first_fit(const std::vector<BreakItem>& items, const LineWidths& widths,
                                      const LineBreakParameters& parameters);

/// 100·|r|³, at most 10000 (TeX's "infinitely bad"); overfull lines count as 10000.
double badness(const LineBreak& line);

/// What a set of breaks looks like, to compare breakers.
struct LineBreakStats {
  std::size_t lines = 0;
  std::size_t overfull = 0;
  std::size_t underfull = 0;   // lines other than the last that stretch beyond their glue (r > 1)
  std::size_t hyphenated = 0;
  double total_badness = 0;    // of the lines other than the last
};

LineBreakStats line_break_stats(const LineBreakResult& result);

}  // namespace leafpress::text
