#include "pdf/font_encoder.hpp"

#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include <hb.h>

#include "core/c_handle.hpp"

namespace leafpress::pdf {

EncodedGlyph FontEncoder::encode_any(std::uint32_t glyph, std::string_view text, std::int32_t advance,
                                     GlyphOffset offset) {
  const bool off_pen = offset != GlyphOffset{};
  if (face_->is_cff()) {
    const auto code = static_cast<std::uint16_t>(face_->cid(glyph));
    const auto [entry, added] = codes_.try_emplace(code, meaning(glyph, text, advance));
    return {code, added || entry->second.text == text, !off_pen, entry->second.width};
  }
  if (off_pen) {
    // A glyph without ink looks the same wherever it stands; an offset beyond 16,383 units
    // (16 em in Noto) is no mark's and might leave the program's 16-bit coordinates.
    constexpr std::int32_t kFarthest = 16383;
    const fonts::Face::Ink ink = face_->ink(glyph);
    if (ink.top == 0 && ink.bottom == 0) {
      offset = {};
    } else if (!places_glyphs() || std::abs(offset.dx) > kFarthest || std::abs(offset.dy) > kFarthest) {
      const EncodedGlyph unplaced = encode(glyph, text, advance);
      return {unplaced.code, true, false, unplaced.width};
    }
  }
  // Most glyphs only ever say one text: look that up without building a key.
  const FirstCode* first = first_code(glyph);
  if (first && offset == GlyphOffset{}) {
    const FirstCode& usual = *first;
    if (usual.text == text && usual.width == (advance == 0 ? 0 : usual.glyph_width)) {
      return {usual.code, true, true, usual.width};
    }
  }
  const int width = code_width(glyph, advance);
  const auto key = std::make_tuple(glyph, std::string(text), width, offset.dx, offset.dy);
  if (const auto found = code_of_.find(key); found != code_of_.end()) return {found->second, true, true, width};
  // Code 0 is left unused, so that no reader mistakes a shown code for .notdef.
  const std::size_t next = code_of_.size() + 1;
  if (next > 0xFFFF) {
    throw std::runtime_error("the font '" + face_->postscript_name() + "' would need more than 65,535 codes");
  }
  const auto code = static_cast<std::uint16_t>(next);
  code_of_.emplace(key, code);
  if (!first && offset == GlyphOffset{}) {
    add_first_code(glyph, FirstCode{code, width, code_width(glyph, 1), std::string(text)});
  }
  codes_.emplace(code, meaning(glyph, text, advance, offset));
  return {code, true, true, width};
}

void FontEncoder::add_first_code(std::uint32_t glyph, FirstCode first) {
  first_codes_.push_back(std::move(first));
  const auto at = static_cast<std::uint16_t>(first_codes_.size());  // no more than codes, checked at 65,535
  if (glyph < kDenseGlyphs) {
    if (first_dense_.empty()) first_dense_.assign(kDenseGlyphs, 0);
    first_dense_[glyph] = at;
  } else {
    first_sparse_.emplace(glyph, at);
  }
}

bool FontEncoder::places_glyphs() {
  if (!places_glyphs_) {
    const core::CHandle<hb_blob_t, hb_blob_destroy> glyf(hb_face_reference_table(face_->hb_face(), HB_TAG('g', 'l', 'y', 'f')));
    places_glyphs_ = !face_->is_cff() && hb_blob_get_length(glyf.get()) > 0;
  }
  return *places_glyphs_;
}

EncodedGlyph FontEncoder::encode_invisible(std::uint32_t glyph, std::string_view text) {
  if (!blank_glyph_) {
    blank_glyph_ = 0;
    const unsigned count = hb_face_get_glyph_count(face_->hb_face());
    for (std::uint32_t candidate = 1; candidate < count; ++candidate) {
      const fonts::Face::Ink ink = face_->ink(candidate);
      if (face_->advance(candidate) == 0 && ink.top == 0 && ink.bottom == 0) {
        blank_glyph_ = candidate;
        break;
      }
    }
  }
  return encode(*blank_glyph_ != 0 ? *blank_glyph_ : glyph, text, 0);
}

std::set<std::uint32_t> FontEncoder::glyphs() const {
  std::set<std::uint32_t> glyphs;
  for (const auto& [code, meaning] : codes_) glyphs.insert(meaning.glyph);
  return glyphs;
}

int FontEncoder::width(std::uint16_t code) const { return codes_.at(code).width; }

int FontEncoder::code_width(std::uint32_t glyph, std::int32_t advance) const {
  // Kerning changes advances all the time; only a glyph the shaper made advance nothing gets
  // a code of its own, of width 0. Other codes are as wide as the glyph.
  if (advance == 0) return 0;
  return static_cast<int>(std::lround(face_->advance(glyph) * 1000.0 / face_->metrics().units_per_em));
}

CodeMeaning FontEncoder::meaning(std::uint32_t glyph, std::string_view text, std::int32_t advance,
                                 GlyphOffset offset) const {
  return {glyph, std::string(text), code_width(glyph, advance), offset};
}

}  // namespace leafpress::pdf
