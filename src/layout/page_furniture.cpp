#include "layout/page_furniture.hpp"

#include <string>

namespace leafpress::layout {
namespace {

constexpr double kRule = 0.6;

/// Left edge of the text frame on page `index`: the inside margin is on the left of odd
/// (right-hand) pages and on the right of even ones.
double frame_left(const document::Margins& margins, std::size_t index) {
  return index % 2 == 0 ? margins.inside : margins.outside;
}

void add_text(Page& page, const SetText& set, double x, double baseline) {
  if (set.lines.empty()) return;
  for (const text::GlyphRun& run : set.lines.front().runs) page.items.push_back(GlyphItem{run, x, baseline, set.measure});
}

}  // namespace

void add_page_furniture(std::vector<Page>& pages, const document::LocalizedDocument& doc, const ThemeFonts& fonts,
                        const Typesetter& typesetter) {
  const auto& m = doc.page.margins;
  const auto& theme = doc.theme;
  TextSpec small{&fonts.heading, 8, theme.muted, false, false, 1.2, text::Align::start};
  for (std::size_t i = 0; i < pages.size(); ++i) {
    Page& page = pages[i];
    const double left = frame_left(m, i);
    const double width = page.width - m.inside - m.outside;
    const bool odd_page = i % 2 == 0;

    if (i > 0 && doc.page.header) {
      const double baseline = m.top - 18;
      const SetText header = typesetter.set_plain(doc.page.header->plain(), small, doc.page.header->loc);
      const double text_width = header.lines.empty() ? 0 : header.lines.front().width;
      add_text(page, header, odd_page ? left + width - text_width : left, baseline);
      page.items.push_back(RectItem{left, baseline + 5, width, kRule, theme.accent_light});
    }

    const double rule_y = page.height - m.bottom + 16;
    page.items.push_back(RectItem{left, rule_y, width, kRule, theme.accent});
    const double baseline = rule_y + 14;
    TextSpec number_spec = small;
    number_spec.bold = true;
    number_spec.color = theme.accent;
    number_spec.size = 9;
    const SetText number = typesetter.set_plain(std::to_string(i + 1) + " / " + std::to_string(pages.size()),
                                                number_spec, {});
    const double number_width = number.lines.empty() ? 0 : number.lines.front().width;
    add_text(page, number, odd_page ? left + width - number_width : left, baseline);
    if (doc.page.footer) {
      const SetText note = typesetter.set_plain(doc.page.footer->plain(), small, doc.page.footer->loc);
      const double note_width = note.lines.empty() ? 0 : note.lines.front().width;
      add_text(page, note, odd_page ? left : left + width - note_width, baseline);
    }
  }
}

}  // namespace leafpress::layout
