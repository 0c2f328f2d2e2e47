#include "engines/glyph_rules.hpp"

#include <cmath>
#include <cstdio>
#include <memory>
#include <set>
#include <tuple>

#include "engines/font_program.hpp"

namespace leafpress::engines {
namespace {

std::string hex_code(std::uint32_t code, int bytes) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, bytes == 2 ? "<%04X>" : "<%02X>", code);
  return buffer;
}

bool is_standard_encoding(const std::string& encoding) {
  return encoding == "WinAnsiEncoding" || encoding == "MacRomanEncoding" || encoding == "StandardEncoding" ||
         encoding == "MacExpertEncoding";
}

/// Why `code` has no Unicode value in `font`, or empty when it has one.
std::string unicode_problem(const FontInfo& font, std::uint32_t code) {
  if (!font.has_to_unicode) {
    if (font.subtype != "Type0" && is_standard_encoding(font.encoding)) return {};
    return "the font has no /ToUnicode CMap";
  }
  const auto found = font.to_unicode.find(code);
  if (found == font.to_unicode.end()) return "the code has no entry in /ToUnicode";
  if (found->second.empty()) return "its /ToUnicode value is empty";
  for (const char16_t unit : found->second) {
    if (unit == 0x0000 || unit == 0xFEFF || unit == 0xFFFE) return "its /ToUnicode value holds U+0000, U+FEFF or U+FFFE";
  }
  return {};
}

/// One FontProgram per font, opened on first use.
class Programs {
 public:
  const FontProgram& of(const FontInfo& font) {
    auto& slot = programs_[font.object];
    if (!slot) slot = std::make_unique<FontProgram>(font.font_program);
    return *slot;
  }

 private:
  std::map<std::string, std::unique_ptr<FontProgram>> programs_;
};

unsigned glyph_through(const FontInfo& font, const FontProgram& program, std::uint32_t code) {
  if (font.descendant == "CIDFontType0") return program.glyph_of_cid(code);
  const std::uint32_t glyph = font.cid_to_gid_identity ? code : (code < font.cid_to_gid.size() ? font.cid_to_gid[code] : 0u);
  return glyph < program.glyph_count() ? glyph : 0u;
}

}  // namespace

std::string GlyphRuleViolation::describe() const {
  return rule + " page " + std::to_string(page) + " font " + font + " code " + hex_code(code, 2) + ": " + detail;
}

unsigned glyph_of_code(const FontInfo& font, std::uint32_t code) {
  const FontProgram program(font.font_program);
  return glyph_through(font, program, code);
}

std::vector<GlyphRuleViolation> glyph_rule_violations(const PdfText& text) {
  std::vector<GlyphRuleViolation> out;
  std::set<std::tuple<std::string, std::uint32_t, int>> seen;
  Programs programs;
  for (const ShownCode& shown : text.shown) {
    const FontInfo& font = text.fonts.at(shown.font);
    if (font.subtype == "Type0" && !font.font_program.empty() && shown.render_mode != 3 &&
        seen.emplace(shown.font, shown.code, 3).second) {
      const FontProgram& program = programs.of(font);
      if (const unsigned glyph = glyph_through(font, program, shown.code); glyph != 0) {
        const auto found = font.widths.find(shown.code);
        const double width = found == font.widths.end() ? font.default_width : found->second;
        const double advance = program.advance(glyph);
        if (std::abs(width - advance) > 1) {
          char detail[128];
          std::snprintf(detail, sizeof detail, "its width %g (/W or /DW) is not its glyph's advance in the program, %g",
                        width, advance);
          out.push_back({"7.21.5-1", shown.page, font.base_font, shown.code, detail});
        }
      }
    }
    if (seen.emplace(shown.font, shown.code, 1).second) {
      if (const std::string problem = unicode_problem(font, shown.code); !problem.empty()) {
        out.push_back({"7.21.7-1", shown.page, font.base_font, shown.code, problem});
      }
    }
    if (font.subtype != "Type0" || !seen.emplace(shown.font, shown.code, 2).second) continue;
    if (font.font_program.empty()) {
      out.push_back({"7.21.8-1", shown.page, font.base_font, shown.code, "the font program is not embedded, so no glyph can be checked"});
      continue;
    }
    const unsigned glyph = glyph_through(font, programs.of(font), shown.code);
    if (glyph == 0) {
      const std::string how = font.descendant == "CIDFontType0" ? "its CID is not in the CFF charset, or maps to glyph 0"
                                                                : "it selects glyph 0 through /CIDToGIDMap";
      out.push_back({"7.21.8-1", shown.page, font.base_font, shown.code,
                     "shows .notdef: " + how + (shown.render_mode == 3 ? " (invisible text, 3 Tr)" : "")});
    }
  }
  return out;
}

std::vector<GlyphRuleViolation> glyph_rule_violations(const std::filesystem::path& pdf) {
  return glyph_rule_violations(read_pdf_text(pdf));
}

}  // namespace leafpress::engines
