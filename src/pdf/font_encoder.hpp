#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "fonts/face.hpp"

namespace leafpress::pdf {

/// How far from the pen the shaper put a glyph, in font units (HarfBuzz's x and y offset).
struct GlyphOffset {
  std::int32_t dx = 0;
  std::int32_t dy = 0;
  bool operator==(const GlyphOffset&) const = default;
};

/// What a code of a Type0 font shows and says: its glyph in the face, and the text its
/// /ToUnicode entry gives (ISO 32000-1 §9.10.3). A code with an `offset` shows a composite
/// glyph of the embedded program that draws `glyph` that far from the code's origin.
struct CodeMeaning {
  std::uint32_t glyph = 0;
  std::string text;
  int width = 0;  // the glyph's advance in 1/1000 em
  GlyphOffset offset;
};

/// The code showing a glyph, whether the code's /ToUnicode entry says the text asked for,
/// and whether the code draws the glyph at the offset asked for from where the code is
/// shown (`placed`: show it at the pen, on the baseline) or at its origin (show it where the
/// glyph stands). A glyph asked for with no offset is placed.
struct EncodedGlyph {
  std::uint16_t code = 0;
  bool says_text = true;
  bool placed = true;
  int width = 0;  // the code's advance in 1/1000 em, as the /W array gives it (see width())
};

/// Hands out the codes one face's glyphs are shown with, as content is written, and records
/// what each code means: the single place where glyphs become codes (krilla's cid.rs does
/// the same). A TrueType face gets a code per glyph and text, mapped to its glyph by a
/// /CIDToGIDMap, so one glyph may say different texts (a space glyph standing for a space or
/// a zero-width non-joiner). A CFF face's code is the glyph's CID (charset order, so every
/// reader finds the outline); a glyph keeps the first text it was given, and a later,
/// different text is reported as not said, for the caller's /ActualText. A TrueType glyph
/// the shaper put off its pen (a mark raised, or set back over its base) gets a code per
/// offset whose glyph carries the offset (a placed composite, see glyph_order.hpp), so that
/// it is shown at the pen: readers that file text under each glyph's origin (Ghostscript's
/// txtwrite) or read a step back as a gap (MuPDF) find it on its letter's line.
class FontEncoder {
 public:
  explicit FontEncoder(const fonts::Face& face) : face_(&face) {}

  /// The code showing `glyph` read as `text`, advancing the pen by `advance` (font units: a
  /// glyph the shaper gave no advance gets a code of width 0, so that readers tracking the pen
  /// by /W do not see it step back), drawn `offset` from the pen when the face's program can
  /// carry the offset (TrueType outlines; a glyph with no ink needs none). Throws when a face
  /// needs more than 65,535 codes.
  EncodedGlyph encode(std::uint32_t glyph, std::string_view text, std::int32_t advance, GlyphOffset offset = {}) {
    // Most glyphs of a TrueType face are shown on their pen and only ever say one text: their
    // first code, found without a call.
    if (offset == GlyphOffset{} && !face_->is_cff()) {
      const FirstCode* first = first_code(glyph);
      if (first && first->text == text && first->width == (advance == 0 ? 0 : first->glyph_width)) {
        return {first->code, true, true, first->width};
      }
    }
    return encode_any(glyph, text, advance, offset);
  }
  /// A code of width 0 saying `text`, for a copy drawn invisibly after `glyph` (see
  /// GlyphToDraw): it shows the face's first blank glyph (no advance, no ink, such as
  /// .null), else `glyph` itself. MuPDF gives a glyph the largest width any code showing it
  /// has, so a copy of `glyph` would advance its pen by the glyph's width.
  EncodedGlyph encode_invisible(std::uint32_t glyph, std::string_view text);

  const fonts::Face& face() const { return *face_; }
  /// Every code handed out, with its meaning, in code order.
  const std::map<std::uint16_t, CodeMeaning>& codes() const { return codes_; }
  /// The glyphs shown, for subsetting.
  std::set<std::uint32_t> glyphs() const;
  /// Advance of `code`'s glyph in 1/1000 em, as the /W array gives it.
  int width(std::uint16_t code) const;

 private:
  /// As encode, every case.
  EncodedGlyph encode_any(std::uint32_t glyph, std::string_view text, std::int32_t advance, GlyphOffset offset);
  int code_width(std::uint32_t glyph, std::int32_t advance) const;
  CodeMeaning meaning(std::uint32_t glyph, std::string_view text, std::int32_t advance, GlyphOffset offset = {}) const;
  /// Whether the face's program has TrueType outlines ('glyf') that codes can place.
  bool places_glyphs();

  const fonts::Face* face_;
  std::optional<std::uint32_t> blank_glyph_;  // found on first use; 0 when the face has none
  std::optional<bool> places_glyphs_;         // found on first use
  std::map<std::uint16_t, CodeMeaning> codes_;
  /// Each glyph's first code, with what it says and its widths: most glyphs only ever say one
  /// text, and are found here without a key built or the face asked for an advance.
  struct FirstCode {
    std::uint16_t code = 0;
    int width = 0;          // the code's, as /W gives it
    int glyph_width = 0;    // the glyph's own advance in 1/1000 em (code_width when it advances)
    std::string text;
  };
  /// `glyph`'s first code, or nullptr.
  const FirstCode* first_code(std::uint32_t glyph) const {
    std::size_t at = 0;
    if (glyph < first_dense_.size()) {
      at = first_dense_[glyph];
    } else if (glyph >= kDenseGlyphs) {
      const auto found = first_sparse_.find(glyph);
      if (found != first_sparse_.end()) at = found->second;
    }
    return at == 0 ? nullptr : &first_codes_[at - 1];
  }
  void add_first_code(std::uint32_t glyph, FirstCode first);
  /// Glyphs below this (every glyph of most Latin faces) find their first code by index, the
  /// others by hash.
  static constexpr std::uint32_t kDenseGlyphs = 4096;
  std::vector<FirstCode> first_codes_;
  /// Where a glyph's first code is in first_codes_, plus one (0: none yet): there are no more
  /// first codes than codes, at most 65,535.
  std::vector<std::uint16_t> first_dense_;  // kDenseGlyphs long once a glyph below it has one
  std::unordered_map<std::uint32_t, std::uint16_t> first_sparse_;
  std::map<std::tuple<std::uint32_t, std::string, int, std::int32_t, std::int32_t>, std::uint16_t> code_of_;  // TrueType
};

}  // namespace leafpress::pdf
