#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fonts/face.hpp"

namespace leafpress::text {

/// A cluster's text shared out among its glyphs, so that each code can say a piece of it.
struct ClusterPieces {
  /// Per glyph (in the order given), the characters it stands for; empty for a glyph that
  /// stands for none of its own (the second half of a split vowel, say).
  std::vector<std::string> pieces;
  /// The glyphs in the order their pieces come in the text: the order to draw them in,
  /// so that readers that go by drawing order (pdf.js) get the characters in order.
  std::vector<std::size_t> order;
};

/// Shares `text` (one cluster's characters, in logical order) out among `glyphs` (the
/// cluster's glyphs, in logical order). A character goes to the glyph the face's character
/// map gives it, when that glyph is in the cluster; the characters no glyph claims go to the
/// next glyph that claims none, else to the glyph before them. When the cluster has more
/// glyphs than characters, its characters are first decomposed, canonically (NFD: a split
/// vowel sign, drawn as two glyphs, becomes its two parts) or else by compatibility (NFKD:
/// Thai sara am, drawn as nikhahit and sara aa).
/// Example, Devanagari "कि" (KA, vowel sign I) shaped to [I-matra, KA]: KA → "क", matra → "ि",
/// order KA then matra. Example, "fi" shaped to the ligature [fi]: fi → "fi".
ClusterPieces share_cluster_text(const fonts::Face& face, std::span<const std::uint32_t> glyphs,
                                 std::string_view text);

}  // namespace leafpress::text
