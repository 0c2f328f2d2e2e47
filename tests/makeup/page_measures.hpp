#pragma once

#include <string>
#include <vector>

#include "layout/page.hpp"

namespace leafpress::makeup {

/// How a laid-out document reads as made-up pages, as issue 15 measures it.
struct Measures {
  /// Share of each text frame (column or panel) filled, page by page, frame by frame in
  /// reading order: from the frame's top to the bottom of the lowest thing set in it.
  std::vector<std::vector<double>> fill;
  std::size_t blank_pages = 0;          // pages with no content (a blank booklet page)
  std::size_t stranded_headings = 0;    // headings with fewer than 3 lines under them at a frame's foot
  std::size_t lonely_list_items = 0;    // lists split leaving one item on one side
  std::size_t orphans = 0;              // a paragraph's first line alone at a frame's foot
  std::size_t widows = 0;               // a paragraph's last line alone at a frame's top
  double word_space_p90 = 0;            // word spaces, in em of their text's size
  double word_space_max = 0;
  double chars_median = 0;              // characters (marks aside) in a body paragraph's line, its last aside
  double chars_p90 = 0;
  /// Room a body paragraph's line (its last aside) leaves at its end, in em of its size:
  /// about 0 where text is justified; in ragged text, how deep the rag runs.
  double rag_median = 0;
  double rag_p90 = 0;
  double hyphenated_share = 0;  // of those lines, the share ending with a hyphen added to break a word
  double smallest_text = 0;             // the smallest text size on any page, furniture included
  /// The lowest fill over every page but the last (every frame of it), and over the frames
  /// of every page but the last when pages have several frames.
  double lowest_fill_but_last = 1;
  /// Findings, one line each ("page 2: heading 'Effets' has 2 lines under it"), for the report.
  std::vector<std::string> findings;
};

/// Measures `pages`, which must carry their frames (layout::Page::frames; a page without
/// any, as a poster's, counts as one frame) and structure.
Measures measure(const layout::Pages& pages);

/// "99 79 85 | 73": each page's frames' fill in percent, pages separated by " | ".
std::string fill_row(const Measures& measures);

}  // namespace leafpress::makeup
