#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "text/glyph_run.hpp"

namespace leafpress::pdf {

/// One glyph to draw and the text its code is to say. A code says one character, or one
/// UTF-16 unit's worth: Ghostscript 10.0 garbles a /ToUnicode value of more than one unit.
/// The further characters of a glyph standing for several (a ligature, a conjunct) are said
/// by `invisible` copies of it that follow: drawn in text render mode 3 at the pen, with no
/// advance, so they show nothing and move nothing.
struct GlyphToDraw {
  std::size_t glyph = 0;  // index into the run's glyphs
  std::string text;
  bool invisible = false;
};

/// How one cluster is written: its glyphs in drawing order, each with its piece of text,
/// and the /ActualText to wrap them in when those pieces, read in drawing order or by
/// position, would not give the cluster's text.
struct ClusterWriting {
  std::vector<GlyphToDraw> glyphs;
  std::optional<std::string> actual_text;
};

/// Bounds [first, last) of the cluster starting at glyph `first` of `run`.
std::size_t cluster_end(const text::GlyphRun& run, std::size_t first);

/// True when glyphs [first, last) of `run` are one glyph (not .notdef) standing for one
/// character, not the hyphen added at a line end: the cluster plan_cluster writes as that
/// glyph saying that character, with no /ActualText. Most clusters are.
bool is_plain_cluster(const text::GlyphRun& run, std::size_t first, std::size_t last);
/// is_plain_cluster, answered inline for a glyph standing for one byte (most of them).
inline bool is_plain_cluster_inline(const text::GlyphRun& run, std::size_t first, std::size_t last) {
  if (last != first + 1 || run.glyphs[first].id == 0) return false;
  return run.text_of(run.glyphs[first]).size() <= 1 || is_plain_cluster(run, first, last);
}

/// Plans the writing of glyphs [first, last) of `run`, one cluster.
///
/// Glyphs are drawn as they stand on the line, left to right, as readers expect of a PDF:
/// pdf.js and Ghostscript take a right-to-left word drawn so and turn it back, poppler lays
/// characters out by position. The cluster's characters are handed out to its glyphs in that
/// order too, each glyph taking as many as the character map says it stands for: read left
/// to right, the codes spell the cluster (a pre-base vowel sign drawn first says the
/// consonant it is drawn before), in right-to-left text backwards, code point by code point.
/// Where that is not quite the cluster's text (decomposed, composed, a glyph standing for
/// nothing, glyph 0 left out), or the cluster has a mark (poppler would make it a word of its
/// own), the cluster's text is given for /ActualText, in the same direction.
ClusterWriting plan_cluster(const text::GlyphRun& run, std::size_t first, std::size_t last);

/// As above, into `writing`, whose storage is reused: planning a run cluster by cluster into
/// one ClusterWriting costs no allocation for a cluster of one glyph and one character.
void plan_cluster(const text::GlyphRun& run, std::size_t first, std::size_t last, ClusterWriting& writing);

/// Appends to `out` what a cluster says: its /ActualText, or the text of its glyphs.
void append_said_text(std::string& out, const ClusterWriting& writing);

/// The code points of `text`, each as its own string.
std::vector<std::string> code_points(std::string_view text);

/// `text` with its code points in reverse order.
std::string reversed_code_points(std::string_view text);

}  // namespace leafpress::pdf
