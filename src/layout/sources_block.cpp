#include "layout/block_kinds.hpp"
#include "layout/block_parts.hpp"

namespace leafpress::layout {

std::vector<Slice> sources_slices(const document::SourcesBlock<document::RichText>& b, const BlockContext& c) {
  const BlockStyle::Sources& style = c.style.sources;
  std::vector<Slice> slices;
  const int section = c.structure.add(Role::section);
  if (b.title) slices = heading_slices({.level = 2, .text = *b.title}, c, section);
  const int list = c.structure.add(Role::list, section);
  TextSpec small = body_spec(c);
  small.fonts = &c.fonts.heading;
  small.size = c.theme.body_size * style.size;
  small.leading = style.leading;
  small.align = text::Align::start;
  double height = 0;
  for (std::size_t i = 0; i < b.sources.size() && height <= c.height_budget; ++i) {
    // The number is set with the entry, on its line, but tagged as the item's label.
    document::RichText entry = b.sources[i].text;
    entry.spans.insert(entry.spans.begin(),
                       document::Span{.text = c.typesetter.number(i + 1) + ". ", .emphasis = false, .strong = true});
    const int item = c.structure.add(Role::list_item, list);
    const int body = c.structure.add(Role::list_body, item);
    if (!b.sources[i].url.empty()) {
      entry.spans.push_back(document::Span{.text = " "});
      entry.spans.push_back(document::Span{.text = b.sources[i].url, .link = b.sources[i].url});
    }
    auto lines = line_slices(c.typesetter.set(entry, small, c.column_width), 0, i == 0 ? style.first_gap : style.gap, body);
    // As in a list, no entry is left alone at either end of a break.
    if (!lines.empty() && (i == 0 || i + 2 == b.sources.size())) lines.back().keep_with_next = true;
    for (auto& slice : lines) {
      height += slice.space_before + slice.height;
      slices.push_back(std::move(slice));
    }
  }
  return slices;
}

}  // namespace leafpress::layout
