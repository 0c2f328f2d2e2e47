#include "layout/page_furniture.hpp"

#include <optional>
#include <string>

namespace leafpress::layout {
namespace {

constexpr double kRule = 0.6;

/// Left edge of the text frame on page `index`: the inside margin is on the left of odd
/// (right-hand) pages and on the right of even ones.
double frame_left(const document::Margins& margins, std::size_t index) {
  return index % 2 == 0 ? margins.inside : margins.outside;
}

double first_line_width(const SetText& set) { return set.lines.empty() ? 0 : set.lines.front().width; }

void add_text(Page& page, const SetText& set, double x, double baseline) {
  if (set.lines.empty()) return;
  for (const text::GlyphRun& run : set.lines.front().runs) page.items.push_back(GlyphItem{run, x, baseline, set.measure});
}

}  // namespace

bool is_cover(const document::LocalizedDocument& doc, std::size_t index, std::size_t count) {
  return index == 0 || (doc.format == document::Format::booklet && count > 1 && index + 1 == count);
}

std::string page_number_text(const document::LocalizedDocument& doc, std::size_t index, std::size_t count) {
  return doc.number(index + 1) + " / " + doc.number(count);
}

void add_page_furniture(std::vector<Page>& pages, const document::Margins& m, const document::LocalizedDocument& doc,
                        const ThemeFonts& fonts, const Typesetter& typesetter) {
  const auto& theme = doc.theme;
  TextSpec small{.fonts = &fonts.heading, .size = 8, .color = theme.muted, .leading = 1.2, .align = text::Align::start};
  // The running head is the same on every page: set once, counted on each.
  std::optional<SetText> header;
  text::LineCounts header_lines;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    Page& page = pages[i];
    if (page.items.empty()) continue;  // a blank page making up a booklet's last sheet
    const double left = frame_left(m, i);
    const double width = page.width - m.inside - m.outside;
    const bool odd_page = i % 2 == 0;

    const bool cover = is_cover(doc, i, pages.size());
    if (!cover && doc.page.header) {
      const double baseline = m.top - 18;
      if (header) {
        typesetter.count_again(header_lines);
      } else {
        header = typesetter.set_plain(doc.page.header->plain(), small, doc.page.header->loc, header_lines);
      }
      add_text(page, *header, odd_page || doc.large_print ? left + width - first_line_width(*header) : left, baseline);
      // In the accent, as the footer's rule: the light accent is a tint too pale to print.
      page.items.push_back(RectItem{left, baseline + 5, width, kRule, theme.accent});
    }

    const double rule_y = page.height - m.bottom + 16;
    page.items.push_back(RectItem{left, rule_y, width, kRule, theme.accent});
    const double baseline = rule_y + 14;
    // Large print keeps the number in one place on every page (RNIB clear print).
    const bool number_right = odd_page || doc.large_print;
    if (!cover) {
      TextSpec number_spec = small;
      number_spec.bold = true;
      number_spec.color = theme.accent;
      number_spec.size = 9;
      const SetText number = typesetter.set_plain(page_number_text(doc, i, pages.size()), number_spec, doc.loc);
      add_text(page, number, number_right ? left + width - first_line_width(number) : left, baseline);
    }
    // The note is said once, at the end; large print sets it with the text (see page_sequence).
    if (doc.page.footer && !doc.large_print && i + 1 == pages.size()) {
      const SetText note = typesetter.set_plain(doc.page.footer->plain(), small, doc.page.footer->loc);
      add_text(page, note, number_right ? left : left + width - first_line_width(note), baseline);
    }
  }
}

}  // namespace leafpress::layout
