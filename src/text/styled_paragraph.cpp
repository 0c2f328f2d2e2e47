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

void StyledParagraph::clear() {
  text.clear();
  runs.clear();
  language.clear();
  direction = document::Direction::ltr;
  unhyphenatable.clear();
  left_to_right.clear();
  loc = core::SourceLoc{};
}

void append_shaping_key(std::string& key, const StyledParagraph& paragraph) {
  const auto put = [&key](const auto& value) { key.append(reinterpret_cast<const char*>(&value), sizeof value); };
  put(paragraph.direction);
  put(paragraph.runs.size());
  for (const StyledRun& run : paragraph.runs) {
    put(run.begin);
    put(run.end);
    put(run.style.face);
    key.append(run.style.language).append(1, '\0');
  }
  put(paragraph.left_to_right.size());
  for (const ByteRange& range : paragraph.left_to_right) {
    put(range.begin);
    put(range.end);
  }
  key.append(paragraph.language).append(1, '\0');
  put(paragraph.text.size());
  key.append(paragraph.text);
}

}  // namespace leafpress::text
