#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/segments.hpp"
#include "text/shaped_paragraph.hpp"
#include "text/styled_paragraph.hpp"

namespace leafpress::text {

/// What setting a paragraph draws on that neither its type sizes nor its measure change:
/// its runs and glyphs, each item's advance left at 0 (see scale_advances), and where its
/// lines may end.
struct PreparedParagraph {
  ShapedParagraph shaped;
  std::vector<BreakBoundary> boundaries;
};

/// Prepared paragraphs, kept for their text, language, direction, left-to-right and
/// unhyphenatable ranges, style runs (bounds, faces and languages, not sizes) and whether
/// they are hyphenated: a layout's trials set one paragraph at several type sizes and
/// measures, and the formats of a document set it again. A paragraph is kept the second time
/// it is asked for, so that a document set once, at one size (a 40-page brochure: 3.4 MB of
/// glyphs), keeps none. Holds at most about kMaxBytes of keys and glyphs, then starts again
/// empty. Not thread-safe: each worker has its own.
class PreparedParagraphs {
 public:
  static constexpr std::size_t kMaxBytes = 16 << 20;

  /// The paragraph prepared as `paragraph` with `hyphenate`, made by `prepare()` (a
  /// PreparedParagraph) when none is kept. The reference holds until the next call.
  template <class Prepare>
  const PreparedParagraph& find_or_make(const StyledParagraph& paragraph, bool hyphenate, const Prepare& prepare) {
    set_key(paragraph, hyphenate);
    if (const auto found = kept_.find(key_); found != kept_.end()) return found->second;
    if (!keep_at_first_sight_ && first_sight()) return once_ = prepare();
    return keep(prepare());
  }

  /// Whether a paragraph is kept the first time it is asked for rather than the second: for
  /// a document that will be set again (another format of it follows in the batch), whose
  /// paragraphs would each be prepared twice.
  void keep_at_first_sight(bool keep) { keep_at_first_sight_ = keep; }

 private:
  void set_key(const StyledParagraph& paragraph, bool hyphenate);
  /// Starts again empty when `bytes` more would go past kMaxBytes.
  void make_room(std::size_t bytes);
  /// Whether the paragraph of key_ was not asked for before (as far as its hash tells),
  /// remembering that it now was.
  bool first_sight();
  const PreparedParagraph& keep(PreparedParagraph prepared);

  std::unordered_map<std::string, PreparedParagraph> kept_;
  std::unordered_set<std::size_t> seen_;  // hashes of the keys asked for once
  PreparedParagraph once_;                // the last paragraph asked for the first time
  std::size_t bytes_ = 0;
  std::string key_;  // reused: the last look-up's
  bool keep_at_first_sight_ = false;
};

}  // namespace leafpress::text
