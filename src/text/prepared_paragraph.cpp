#include "text/prepared_paragraph.hpp"

#include <functional>

namespace leafpress::text {

void PreparedParagraphs::set_key(const StyledParagraph& paragraph, bool hyphenate) {
  std::string& key = key_;
  key.clear();
  const auto put = [&key](const auto& value) { key.append(reinterpret_cast<const char*>(&value), sizeof value); };
  put(hyphenate);
  append_shaping_key(key, paragraph);
  put(paragraph.unhyphenatable.size());
  for (const ByteRange& range : paragraph.unhyphenatable) {
    put(range.begin);
    put(range.end);
  }
}

void PreparedParagraphs::make_room(std::size_t bytes) {
  if (bytes_ + bytes > kMaxBytes) {
    kept_.clear();
    seen_.clear();
    bytes_ = 0;
  }
}

bool PreparedParagraphs::first_sight() {
  // About the size of a node of seen_.
  constexpr std::size_t kSeenBytes = 32;
  make_room(kSeenBytes);
  const bool first = seen_.insert(std::hash<std::string>()(key_)).second;
  if (first) bytes_ += kSeenBytes;
  return first;
}

const PreparedParagraph& PreparedParagraphs::keep(PreparedParagraph prepared) {
  const std::size_t bytes = key_.size() + prepared.shaped.items.size() * sizeof(ShapedItem) +
                            prepared.boundaries.size() * sizeof(BreakBoundary);
  make_room(bytes);
  bytes_ += bytes;
  return kept_.insert_or_assign(key_, std::move(prepared)).first->second;
}

}  // namespace leafpress::text
