#include "pdf/font_encoder.hpp"

#include <cmath>
#include <stdexcept>

#include <hb.h>

namespace leafpress::pdf {

EncodedGlyph FontEncoder::encode(std::uint32_t glyph, std::string_view text, std::int32_t advance) {
  if (face_->is_cff()) {
    const auto code = static_cast<std::uint16_t>(face_->cid(glyph));
    const auto [entry, added] = codes_.try_emplace(code, meaning(glyph, text, advance));
    return {code, added || entry->second.text == text, entry->second.width};
  }
  // Most glyphs only ever say one text: look that up without building a key.
  const auto first = first_code_of_.find(glyph);
  if (first != first_code_of_.end()) {
    const FirstCode& usual = first->second;
    if (usual.text == text && usual.width == (advance == 0 ? 0 : usual.glyph_width)) {
      return {usual.code, true, usual.width};
    }
  }
  const int width = code_width(glyph, advance);
  const auto key = std::make_tuple(glyph, std::string(text), width);
  if (const auto found = code_of_.find(key); found != code_of_.end()) return {found->second, true, width};
  // Code 0 is left unused, so that no reader mistakes a shown code for .notdef.
  const std::size_t next = code_of_.size() + 1;
  if (next > 0xFFFF) {
    throw std::runtime_error("the font '" + face_->postscript_name() + "' would need more than 65,535 codes");
  }
  const auto code = static_cast<std::uint16_t>(next);
  code_of_.emplace(key, code);
  if (first == first_code_of_.end()) {
    first_code_of_.emplace(glyph, FirstCode{code, width, code_width(glyph, 1), std::string(text)});
  }
  codes_.emplace(code, meaning(glyph, text, advance));
  return {code, true, width};
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

CodeMeaning FontEncoder::meaning(std::uint32_t glyph, std::string_view text, std::int32_t advance) const {
  return {glyph, std::string(text), code_width(glyph, advance)};
}

}  // namespace leafpress::pdf
