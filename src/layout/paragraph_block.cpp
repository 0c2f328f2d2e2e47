#include "layout/block_kinds.hpp"
#include "layout/block_parts.hpp"

namespace leafpress::layout {

std::vector<Slice> paragraph_slices(const document::ParagraphBlock<document::RichText>& b, const BlockContext& c) {
  return line_slices(c.typesetter.set(b.text, body_spec(c), c.column_width), 0, c.style.text.paragraph_gap,
                     c.structure.add(Role::paragraph));
}

}  // namespace leafpress::layout
