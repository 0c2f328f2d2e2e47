#include "text/styled_paragraph.hpp"

#include <optional>

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

bool append_shaping_key(std::string& key, const StyledParagraph& paragraph, FaceNaming naming) {
  const auto put = [&key](const auto& value) { key.append(reinterpret_cast<const char*>(&value), sizeof value); };
  put(paragraph.direction);
  put(paragraph.runs.size());
  for (const StyledRun& run : paragraph.runs) {
    put(run.begin);
    put(run.end);
    if (naming == FaceNaming::by_address) {
      put(run.style.face);
    } else {
      const std::optional<std::string>& identity = run.style.face->identity();
      if (!identity) return false;
      put(run.style.face->index());
      put(identity->size());
      key.append(*identity);
    }
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
  return true;
}

}  // namespace leafpress::text
