#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "text/glyph_run.hpp"

namespace leafpress::pdf {

/// One glyph to draw and the text its code is to say.
struct GlyphToDraw {
  std::size_t glyph = 0;  // index into the run's glyphs
  std::string text;
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

/// Plans the writing of glyphs [first, last) of `run`, one cluster.
///
/// Text is drawn in visual order, left to right, as readers expect of a PDF: pdf.js and
/// Ghostscript take a right-to-left word drawn so and turn it back with the bidi algorithm,
/// poppler and MuPDF lay characters out by position. Within a cluster, left-to-right
/// glyphs go in the order of their text (a pre-base vowel sign after its consonant), and
/// right-to-left ones the reverse, so that the pieces, read in drawing order, spell the
/// cluster in the direction its words are drawn: a right-to-left cluster's text, and its
/// /ActualText, are reversed code point by code point (a lam-alef ligature says alef, lam,
/// which readers turn back into lam-alef with the rest of the word). Glyph 0 is never drawn.
ClusterWriting plan_cluster(const text::GlyphRun& run, std::size_t first, std::size_t last);

/// Plans every cluster of `run`, left to right.
std::vector<ClusterWriting> plan_run(const text::GlyphRun& run);

/// Joins a cluster whose first glyph is off the baseline (a right-to-left mark drawn before
/// its base) to the cluster before it, under one /ActualText: poppler places a span's text
/// where its first glyph is, and a raised first glyph would put the text on a line of its own.
std::vector<ClusterWriting> anchored_on_baseline(const text::GlyphRun& run, std::vector<ClusterWriting> writings);

/// `text` with its code points in reverse order.
std::string reversed_code_points(std::string_view text);

}  // namespace leafpress::pdf
