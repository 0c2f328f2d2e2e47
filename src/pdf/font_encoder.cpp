#include "pdf/font_encoder.hpp"

#include <cmath>
#include <stdexcept>

namespace leafpress::pdf {

EncodedGlyph FontEncoder::encode(std::uint32_t glyph, std::string_view text) {
  if (face_->is_cff()) {
    const auto code = static_cast<std::uint16_t>(face_->cid(glyph));
    const auto [entry, added] = codes_.try_emplace(code, meaning(glyph, text));
    return {code, added || entry->second.text == text};
  }
  // Most glyphs only ever say one text: look that up without building a key.
  if (const auto first = first_code_of_.find(glyph); first != first_code_of_.end()) {
    if (codes_.at(first->second).text == text) return {first->second, true};
  }
  const auto key = std::make_pair(glyph, std::string(text));
  if (const auto found = code_of_.find(key); found != code_of_.end()) return {found->second, true};
  // Code 0 is left unused, so that no reader mistakes a shown code for .notdef.
  const std::size_t next = code_of_.size() + 1;
  if (next > 0xFFFF) {
    throw std::runtime_error("the font '" + face_->postscript_name() + "' would need more than 65,535 codes");
  }
  const auto code = static_cast<std::uint16_t>(next);
  code_of_.emplace(key, code);
  first_code_of_.emplace(glyph, code);
  codes_.emplace(code, meaning(glyph, text));
  return {code, true};
}

std::set<std::uint32_t> FontEncoder::glyphs() const {
  std::set<std::uint32_t> glyphs;
  for (const auto& [code, meaning] : codes_) glyphs.insert(meaning.glyph);
  return glyphs;
}

int FontEncoder::width(std::uint16_t code) const { return codes_.at(code).width; }

CodeMeaning FontEncoder::meaning(std::uint32_t glyph, std::string_view text) const {
  const int units_per_em = face_->metrics().units_per_em;
  return {glyph, std::string(text), static_cast<int>(std::lround(face_->advance(glyph) * 1000.0 / units_per_em))};
}

}  // namespace leafpress::pdf
