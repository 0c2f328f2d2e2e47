#include "text/styled_paragraph.hpp"

namespace leafpress::text {

void StyledParagraph::append(std::string_view more, const TextStyle& style) {
  if (more.empty()) return;
  const std::size_t begin = text.size();
  text += more;
  if (!runs.empty()) {
    TextStyle& last = runs.back().style;
    if (last.face == style.face && last.size == style.size && last.color == style.color && last.link == style.link &&
        last.language == style.language) {
      runs.back().end = text.size();
      return;
    }
  }
  runs.push_back({begin, text.size(), style});
}

}  // namespace leafpress::text
