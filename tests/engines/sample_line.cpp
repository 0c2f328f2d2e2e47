#include "engines/sample_line.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "engines/font_program.hpp"
#include "engines/glyph_rules.hpp"
#include "engines/pdf_text_model.hpp"
#include "support/process.hpp"

namespace leafpress::engines {
namespace {

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct InstalledFont {
  std::string file;
  long index = 0;
};

InstalledFont installed_font(const std::string& base_font) {
  const std::string postscript = base_font.substr(base_font.find('+') + 1);
  const auto result = testing::run_process({"fc-list", ":postscriptname=" + postscript, "file", "index"});
  std::istringstream lines(result.out);
  std::string line;
  if (result.exit_code != 0 || !std::getline(lines, line) || line.empty()) throw std::runtime_error("fc-list finds no font named " + postscript);
  // "/usr/share/fonts/.../NotoSansCJK-Bold.ttc: :index=2"
  InstalledFont font;
  font.file = line.substr(0, line.find(':'));
  if (const auto at = line.find("index="); at != std::string::npos) font.index = std::stol(line.substr(at + 6));
  return font;
}

std::vector<unsigned> hb_shape(const InstalledFont& font, const std::string& language, const std::string& text) {
  const auto result = testing::run_process({"hb-shape", "--font-file=" + font.file, "--face-index=" + std::to_string(font.index),
                                            "--language=" + language, "--no-glyph-names", "--no-positions", "--no-clusters",
                                            "--", text});
  if (result.exit_code != 0) throw std::runtime_error("hb-shape failed: " + result.err);
  std::vector<unsigned> glyphs;
  std::string number;
  for (const char c : result.out) {
    if (c >= '0' && c <= '9') {
      number += c;
    } else if (!number.empty()) {
      glyphs.push_back(static_cast<unsigned>(std::stoul(number)));
      number.clear();
    }
  }
  return glyphs;
}

std::string list(const std::vector<unsigned>& glyphs) {
  std::string out = "[";
  for (std::size_t i = 0; i < glyphs.size(); ++i) out += (i ? "|" : "") + std::to_string(glyphs[i]);
  return out + "]";
}

}  // namespace

SampleLineCheck check_sample_line(const std::filesystem::path& pdf, const std::string& language, const std::string& text) {
  SampleLineCheck check;
  const PdfText model = read_pdf_text(pdf);
  int mcid = -1;
  for (const ShownCode& s : model.shown) {
    if (s.page == 1 && !s.artifact && s.mcid >= 0 && s.render_mode != 3) {
      mcid = s.mcid;
      break;
    }
  }
  std::vector<const ShownCode*> codes;
  std::map<std::string, int> uses;
  for (const ShownCode& s : model.shown) {
    if (s.page == 1 && s.mcid == mcid && s.render_mode != 3) {
      codes.push_back(&s);
      ++uses[s.font];
    }
  }
  if (codes.empty()) {
    check.detail = "no visible marked content on page 1";
    return check;
  }
  const std::string main_font = std::max_element(uses.begin(), uses.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
  const InstalledFont installed = installed_font(model.fonts.at(main_font).base_font);
  check.font = installed.file;
  const FontProgram original(file_bytes(installed.file), installed.index);
  const std::vector<unsigned> shaped = hb_shape(installed, language, text);
  check.hb = list(shaped);

  // Each drawn glyph as the installed font's glyph with the same outline, if hb-shape used it.
  std::map<std::string, std::unique_ptr<FontProgram>> subsets;
  std::vector<unsigned> ours;
  for (const ShownCode* s : codes) {
    const FontInfo& font = model.fonts.at(s->font);
    auto& subset = subsets[s->font];
    if (!subset) subset = std::make_unique<FontProgram>(font.font_program);
    const unsigned glyph = font.descendant == "CIDFontType0" ? subset->glyph_of_cid(s->code)
                           : font.cid_to_gid_identity       ? s->code
                           : s->code < font.cid_to_gid.size() ? font.cid_to_gid[s->code]
                                                              : 0u;
    const Outline drawn = glyph == 0 ? Outline{} : subset->outline(glyph);
    unsigned match = 0;  // 0: none of hb-shape's glyphs has this outline
    if (glyph != 0) {
      for (const unsigned candidate : shaped) {
        if (original.outline(candidate) == drawn) {
          match = candidate;
          break;
        }
      }
    }
    ours.push_back(match);
  }
  check.ours = list(ours);
  std::vector<unsigned> reversed(ours.rbegin(), ours.rend());
  check.same = ours == shaped || reversed == shaped;
  if (!check.same) {
    check.detail = "drawn " + check.ours + " (0: no glyph of hb-shape's has that outline, or .notdef), hb-shape " + check.hb;
  }
  return check;
}

}  // namespace leafpress::engines
