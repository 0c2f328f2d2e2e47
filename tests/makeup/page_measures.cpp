#include "makeup/page_measures.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

namespace leafpress::makeup {
namespace {

using layout::Item;
using layout::Role;

/// A text line's depth below its baseline, as a share of its size: Noto's descender, about.
constexpr double kDescent = 0.3;
/// Word spaces wider than this (in em) are listed among the findings: issue 15's maximum.
constexpr double kLooseWordSpace = 0.50;

/// One line of one element's text in one frame.
struct TextLine {
  std::size_t page = 0;
  std::size_t frame = 0;
  double baseline = 0;
  double x = 0;
  int element = 0;
  double size = 0;
  std::size_t chars = 0;
  std::string text;  // the line's runs' text, in the order they were drawn
  double measure = 0;  // of the line box
  double left = 1e9;   // the ink's extent from the line box's origin, by the runs' advances
  double right = 0;
  /// Every glyph's left edge on the page and whether it is a word space (U+0020).
  std::vector<std::pair<double, bool>> glyphs;
};

/// Characters as a reader counts them along a line: code points other than marks set on a
/// letter (Arabic vowel signs, combining accents) and invisible format characters.
std::size_t characters(std::string_view text) {
  std::size_t count = 0;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    const auto type = static_cast<UCharCategory>(u_charType(c));
    if (type != U_NON_SPACING_MARK && type != U_ENCLOSING_MARK && type != U_FORMAT_CHAR) ++count;
  }
  return count;
}

/// The frame of `page` holding a point, or frames.size() when none does.
std::size_t frame_at(const layout::Page& page, double x, double y, double below) {
  for (std::size_t f = 0; f < page.frames.size(); ++f) {
    const layout::Box& b = page.frames[f];
    if (x >= b.x - 1 && x <= b.x + b.width + 1 && y >= b.y - 2 && y <= b.y + b.height + below) return f;
  }
  return page.frames.size();
}

double percentile(std::vector<double> values, double share) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(std::ceil(share * static_cast<double>(values.size()))) - 1;
  return values[std::min(index, values.size() - 1)];
}

std::string percent(double share) { return std::to_string(static_cast<int>(std::lround(share * 100))); }

/// `pages`, a page set without frames (a poster's) taking its whole sheet as its frame.
layout::Pages with_frames(const layout::Pages& pages) {
  layout::Pages framed = pages;
  for (layout::Page& page : framed.pages) {
    if (page.frames.empty()) page.frames.push_back({0, 0, page.width, page.height});
  }
  return framed;
}

class Measurer {
 public:
  explicit Measurer(const layout::Pages& pages) : pages_(with_frames(pages)) {}

  Measures run() {
    gather();
    count_words_and_characters();
    count_split_elements();
    count_stranded_headings();
    return std::move(m_);
  }

 private:
  using Position = std::pair<std::size_t, std::size_t>;  // page, frame

  void gather() {
    m_.smallest_text = 1e9;
    std::map<std::tuple<std::size_t, long, long, int>, std::size_t> line_index;
    for (std::size_t p = 0; p < pages_.pages.size(); ++p) {
      const layout::Page& page = pages_.pages[p];
      std::vector<double> bottoms(page.frames.size(), 0);
      bool content = false;
      for (const Item& item : page.items) {
        if (const auto* glyphs = std::get_if<layout::GlyphItem>(&item)) {
          const double size = glyphs->run.size;
          m_.smallest_text = std::min(m_.smallest_text, size);
          const std::size_t f = frame_at(page, glyphs->x + glyphs->run.x + 0.5, glyphs->baseline, size);
          if (f == page.frames.size()) continue;
          bottoms[f] = std::max(bottoms[f], glyphs->baseline + kDescent * size - page.frames[f].y);
          if (glyphs->element == layout::kArtifact) continue;
          content = true;
          const auto key = std::make_tuple(p, std::lround(glyphs->baseline * 10), std::lround(glyphs->x * 10),
                                           glyphs->element);
          auto [it, added] = line_index.emplace(key, lines_.size());
          if (added) lines_.push_back({p, f, glyphs->baseline, glyphs->x, glyphs->element, size, 0, {}, 0, 1e9, 0, {}});
          TextLine& line = lines_[it->second];
          line.chars += characters(text::run_text(glyphs->run));
          line.text += text::run_text(glyphs->run);
          line.measure = glyphs->measure;
          line.left = std::min(line.left, glyphs->run.x);
          line.right = std::max(line.right, glyphs->run.x + glyphs->run.width);
          for (const text::PlacedGlyph& glyph : glyphs->run.glyphs) {
            line.glyphs.emplace_back(glyphs->x + glyphs->run.x + glyph.x, glyphs->run.text_of(glyph) == " ");
          }
        } else {
          const auto box = std::visit(
              [](const auto& i) -> std::tuple<double, double, double, double, int> {
                using T = std::decay_t<decltype(i)>;
                if constexpr (std::is_same_v<T, layout::LineItem>) return {i.x1, i.y1, 0, 0, i.element};
                else if constexpr (std::is_same_v<T, layout::GlyphItem>) return {0, 0, 0, 0, i.element};
                else return {i.x, i.y, i.width, i.height, i.element};
              },
              item);
          const auto [x, y, w, h, element] = box;
          if (std::holds_alternative<layout::LinkItem>(item) || std::holds_alternative<layout::LineItem>(item)) continue;
          const std::size_t f = frame_at(page, x + std::min(w, 1.0), y, 0);
          if (f == page.frames.size()) continue;
          bottoms[f] = std::max(bottoms[f], y + h - page.frames[f].y);
          if (element != layout::kArtifact) content = true;
        }
      }
      if (!content) {
        ++m_.blank_pages;
        m_.findings.push_back("page " + std::to_string(p + 1) + " is blank");
      }
      std::vector<double> fills;
      for (std::size_t f = 0; f < page.frames.size(); ++f) {
        fills.push_back(std::clamp(bottoms[f] / page.frames[f].height, 0.0, 1.0));
      }
      m_.fill.push_back(fills);
    }
    std::sort(lines_.begin(), lines_.end(), [](const TextLine& a, const TextLine& b) {
      return std::tie(a.page, a.frame, a.baseline, a.x) < std::tie(b.page, b.frame, b.baseline, b.x);
    });
    // Every frame but the last with content counts.
    std::vector<std::pair<Position, double>> frames;
    for (std::size_t p = 0; p < m_.fill.size(); ++p) {
      for (std::size_t f = 0; f < m_.fill[p].size(); ++f) frames.push_back({{p, f}, m_.fill[p][f]});
    }
    while (!frames.empty() && frames.back().second == 0) frames.pop_back();
    if (!frames.empty()) frames.pop_back();
    for (const auto& [where, fill] : frames) m_.lowest_fill_but_last = std::min(m_.lowest_fill_but_last, fill);
  }

  const layout::StructureElement& element(int index) const { return pages_.structure[static_cast<std::size_t>(index)]; }

  void count_words_and_characters() {
    std::vector<double> spaces;
    std::vector<double> chars;
    std::vector<double> room;
    std::size_t hyphenated = 0;
    std::map<int, std::size_t> last_line_of;
    for (std::size_t i = 0; i < lines_.size(); ++i) last_line_of[lines_[i].element] = i;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      TextLine& line = lines_[i];
      std::sort(line.glyphs.begin(), line.glyphs.end());
      // The last glyph of a line is its trailing space, if any: not a word space.
      double widest = 0;
      for (std::size_t g = 0; g + 1 < line.glyphs.size(); ++g) {
        if (!line.glyphs[g].second) continue;
        spaces.push_back((line.glyphs[g + 1].first - line.glyphs[g].first) / line.size);
        widest = std::max(widest, spaces.back());
      }
      if (widest > kLooseWordSpace) {
        char amount[16];
        std::snprintf(amount, sizeof amount, "%.2f", widest);
        m_.findings.push_back(where({line.page, line.frame}) + ": word space " + amount + " em in '" + line.text + "'");
      }
      const layout::StructureElement& e = element(line.element);
      if (e.role == Role::paragraph && e.parent == 0 && last_line_of[line.element] != i) {
        chars.push_back(static_cast<double>(line.chars));
        room.push_back(std::max(0.0, line.measure - (line.right - line.left)) / line.size);
        hyphenated += line.text.find("\u00AD") != std::string::npos ? 1 : 0;
      }
    }
    m_.word_space_p90 = percentile(spaces, 0.9);
    m_.word_space_max = spaces.empty() ? 0 : *std::max_element(spaces.begin(), spaces.end());
    m_.chars_median = percentile(chars, 0.5);
    m_.chars_p90 = percentile(chars, 0.9);
    m_.rag_p90 = percentile(room, 0.9);
    m_.rag_median = percentile(room, 0.5);
    m_.hyphenated_share = room.empty() ? 0 : static_cast<double>(hyphenated) / static_cast<double>(room.size());
  }

  std::string where(const Position& position) const {
    return "page " + std::to_string(position.first + 1) + " frame " + std::to_string(position.second + 1);
  }

  /// Lines of each text element per frame, and list items per frame of their list.
  void count_split_elements() {
    std::map<int, std::map<Position, std::size_t>> lines_of;
    std::map<int, std::map<Position, std::set<int>>> items_of_list;
    std::map<int, std::set<int>> all_items_of_list;
    for (const TextLine& line : lines_) {
      const Position position{line.page, line.frame};
      ++lines_of[line.element][position];
      const layout::StructureElement& e = element(line.element);
      if ((e.role == Role::list_body || e.role == Role::label) && e.parent >= 0) {
        const int item = e.parent;
        const int list = element(item).parent;
        items_of_list[list][position].insert(item);
        all_items_of_list[list].insert(item);
      }
    }
    for (const auto& [id, positions] : lines_of) {
      const Role role = element(id).role;
      if (positions.size() < 2 || (role != Role::paragraph && role != Role::list_body)) continue;
      if (positions.begin()->second == 1) {
        ++m_.orphans;
        m_.findings.push_back(where(positions.begin()->first) + ": a paragraph's first line alone at the foot");
      }
      if (positions.rbegin()->second == 1) {
        ++m_.widows;
        m_.findings.push_back(where(positions.rbegin()->first) + ": a paragraph's last line alone at the top");
      }
    }
    for (const auto& [list, positions] : items_of_list) {
      if (positions.size() < 2 || all_items_of_list[list].size() < 2) continue;
      for (const auto* side : {&*positions.begin(), &*positions.rbegin()}) {
        if (side->second.size() == 1) {
          ++m_.lonely_list_items;
          m_.findings.push_back(where(side->first) + ": a list split leaving one item here");
        }
      }
    }
  }

  void count_stranded_headings() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const layout::StructureElement& e = element(lines_[i].element);
      if (e.role != Role::heading || e.level < 2) continue;
      if (i + 1 < lines_.size() && lines_[i + 1].element == lines_[i].element) continue;  // not its last line
      const Position here{lines_[i].page, lines_[i].frame};
      std::set<long> under;
      std::size_t next = i + 1;
      for (; next < lines_.size() && Position{lines_[next].page, lines_[next].frame} == here; ++next) {
        under.insert(std::lround(lines_[next].baseline * 10));
      }
      if (under.size() >= 3 || next >= lines_.size()) continue;
      // The section runs on into the next frame: the heading stands at this one's foot.
      if (element(lines_[next].element).role == Role::heading) continue;
      ++m_.stranded_headings;
      m_.findings.push_back(where(here) + ": heading '" + e.text + "' has " + std::to_string(under.size()) +
                            " lines under it at the foot");
    }
  }

  const layout::Pages pages_;
  std::vector<TextLine> lines_;
  Measures m_;
};

}  // namespace

Measures measure(const layout::Pages& pages) { return Measurer(pages).run(); }

std::string fill_row(const Measures& measures) {
  std::string row;
  for (std::size_t p = 0; p < measures.fill.size(); ++p) {
    if (p > 0) row += " | ";
    for (std::size_t f = 0; f < measures.fill[p].size(); ++f) row += (f > 0 ? " " : "") + percent(measures.fill[p][f]);
    if (measures.fill[p].empty()) row += "-";
  }
  return row;
}

}  // namespace leafpress::makeup
