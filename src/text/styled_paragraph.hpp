#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/color.hpp"
#include "core/source_loc.hpp"
#include "document/direction.hpp"
#include "fonts/face.hpp"
#include "text/hyphenate.hpp"

namespace leafpress::text {

/// How a stretch of text is drawn.
struct TextStyle {
  const fonts::Face* face = nullptr;
  double size = 10;
  core::Color color;
  std::string link;
  std::string language{};  // empty: the paragraph's
};

/// Bytes [begin, end) of a paragraph's text drawn in one style.
struct StyledRun {
  std::size_t begin = 0;
  std::size_t end = 0;
  TextStyle style;
};

/// A paragraph ready to set: its UTF-8 text, style runs covering it in order, its language
/// and base direction, and the place its string came from (for diagnostics).
struct StyledParagraph {
  std::string text;
  std::vector<StyledRun> runs;
  std::string language;
  document::Direction direction = document::Direction::ltr;
  /// Byte ranges never hyphenated: links, names.
  std::vector<ByteRange> unhyphenatable;
  /// Byte ranges read left to right whatever their surroundings (telephone numbers, URLs,
  /// e-mail addresses), ascending: bidi isolates.
  std::vector<ByteRange> left_to_right;
  core::SourceLoc loc;

  /// Appends `text` in `style`, merging with the previous run when the style is the same.
  void append(std::string_view more, const TextStyle& style);
  /// Empties the paragraph (no text, runs or ranges; language, direction and place as a new
  /// one's), keeping the storage of its text and lists to be filled again.
  void clear();
};

/// How append_shaping_key names a face: by its address, for keys of one run, or by its file
/// (its index and core::settled_identity when it was opened), for keys kept across runs.
enum class FaceNaming { by_address, by_file };

/// Appends to `key` all that itemizing and shaping read of `paragraph`: its direction, each
/// run's bounds, face and language, its left-to-right ranges, its language and text (not
/// sizes, colours or links). Paragraphs with the same key itemize and shape alike; the key
/// ends with the text's length before the text, so more may follow without ambiguity.
/// False, the key unfinished, when a face named by_file has no settled identity.
bool append_shaping_key(std::string& key, const StyledParagraph& paragraph, FaceNaming naming = FaceNaming::by_address);

}  // namespace leafpress::text
