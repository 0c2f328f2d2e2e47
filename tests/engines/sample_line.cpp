#include "engines/sample_line.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <utility>
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

/// A glyph as hb-shape gives it: its id and its offset from the pen, in font units.
struct ShapedGlyph {
  unsigned id = 0;
  long dx = 0;
  long dy = 0;
};

/// hb-shape's glyphs, read from its output without names or clusters:
/// "[79+637|103@9,0+0|56+646]" (id, "@x,y" when offset, "+advance").
std::vector<ShapedGlyph> hb_shape(const InstalledFont& font, const std::string& language, const std::string& text) {
  const auto result = testing::run_process({"hb-shape", "--font-file=" + font.file, "--face-index=" + std::to_string(font.index),
                                            "--language=" + language, "--no-glyph-names", "--no-clusters", "--", text});
  if (result.exit_code != 0) throw std::runtime_error("hb-shape failed: " + result.err);
  const std::size_t open = result.out.find('['), close = result.out.rfind(']');
  if (open == std::string::npos || close == std::string::npos || close < open) throw std::runtime_error("hb-shape printed " + result.out);
  std::vector<ShapedGlyph> glyphs;
  std::istringstream items(result.out.substr(open + 1, close - open - 1));
  std::string item;
  while (std::getline(items, item, '|')) {
    ShapedGlyph glyph;
    std::size_t at = 0;
    glyph.id = static_cast<unsigned>(std::stoul(item, &at));
    if (at < item.size() && item[at] == '@') {
      std::size_t used = 0;
      glyph.dx = std::stol(item.substr(at + 1), &used);
      at += 1 + used;
      if (at >= item.size() || item[at] != ',') throw std::runtime_error("hb-shape printed " + item);
      glyph.dy = std::stol(item.substr(at + 1), &used);
    }
    glyphs.push_back(glyph);
  }
  return glyphs;
}

/// A glyph drawn, as the installed font's glyph with the same outline (0 when none of
/// hb-shape's has it), and, for a composite drawing that glyph moved, the offset.
struct DrawnGlyph {
  unsigned id = 0;
  std::optional<std::pair<long, long>> offset;
};

std::string list(const std::vector<DrawnGlyph>& glyphs) {
  std::string out = "[";
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    out += (i ? "|" : "") + std::to_string(glyphs[i].id);
    if (glyphs[i].offset) out += "@" + std::to_string(glyphs[i].offset->first) + "," + std::to_string(glyphs[i].offset->second);
  }
  return out + "]";
}

/// Whether `drawn` is hb-shape's sequence, each glyph drawn moved by the offset hb-shape
/// gives it.
bool same_glyphs(const std::vector<DrawnGlyph>& drawn, const std::vector<ShapedGlyph>& shaped) {
  if (drawn.size() != shaped.size()) return false;
  for (std::size_t i = 0; i < drawn.size(); ++i) {
    if (drawn[i].id != shaped[i].id) return false;
    if (drawn[i].offset && *drawn[i].offset != std::pair{shaped[i].dx, shaped[i].dy}) return false;
  }
  return true;
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
  const std::vector<ShapedGlyph> shaped = hb_shape(installed, language, text);
  std::vector<DrawnGlyph> ids;
  for (const ShapedGlyph& glyph : shaped) ids.push_back({glyph.id, {}});
  check.hb = list(ids);

  // Each drawn glyph as the installed font's glyph with the same outline, if hb-shape used it;
  // else, when it is a composite of one glyph moved (a mark placed off its pen), as that glyph.
  std::map<std::string, std::unique_ptr<FontProgram>> subsets;
  std::vector<DrawnGlyph> ours;
  const auto matching = [&](const Outline& drawn) {
    for (const ShapedGlyph& candidate : shaped) {
      if (original.outline(candidate.id) == drawn) return candidate.id;
    }
    return 0u;
  };
  for (const ShownCode* s : codes) {
    const FontInfo& font = model.fonts.at(s->font);
    auto& subset = subsets[s->font];
    if (!subset) subset = std::make_unique<FontProgram>(font.font_program);
    const unsigned glyph = font.descendant == "CIDFontType0" ? subset->glyph_of_cid(s->code)
                           : font.cid_to_gid_identity       ? s->code
                           : s->code < font.cid_to_gid.size() ? font.cid_to_gid[s->code]
                                                              : 0u;
    DrawnGlyph drawn;  // 0: none of hb-shape's glyphs has this outline
    if (glyph != 0) {
      drawn.id = matching(subset->outline(glyph));
      if (drawn.id == 0 && font.descendant != "CIDFontType0") {
        if (const auto sole = subset->sole_component(glyph)) {
          drawn.id = matching(subset->outline(sole->glyph));
          drawn.offset = std::pair{sole->dx, sole->dy};
        }
      }
    }
    ours.push_back(drawn);
  }
  check.ours = list(ours);
  const std::vector<DrawnGlyph> reversed(ours.rbegin(), ours.rend());
  check.same = same_glyphs(ours, shaped) || same_glyphs(reversed, shaped);
  if (!check.same) {
    check.detail = "drawn " + check.ours +
                   " (0: no glyph of hb-shape's has that outline, or .notdef; @x,y: a glyph drawn moved), hb-shape " +
                   check.hb + " (offsets: hb-shape --no-glyph-names --no-clusters)";
  }
  return check;
}

}  // namespace leafpress::engines
