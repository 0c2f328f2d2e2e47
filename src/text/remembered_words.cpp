#include "text/remembered_words.hpp"

#include <hb.h>

#include <cstdint>
#include <cstring>

#include "core/atomic_file.hpp"
#include "core/cache_folder.hpp"
#include "core/file_identity.hpp"
#include "core/hash.hpp"
#include "core/read_file.hpp"

namespace leafpress::text {
namespace {

// Integers are 32-bit, in this machine's order: the cache is of this machine, for this machine.
constexpr std::string_view kMagic = "leafpress-words-1\n";
constexpr std::size_t kMaxBytes = 16 << 20;
constexpr std::int32_t kMaxPosition = 1 << 20;  // font units; a larger advance or offset is damage

void put(std::string& out, std::uint32_t value) { out.append(reinterpret_cast<const char*>(&value), sizeof value); }

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool get(std::uint32_t& value) {
    if (bytes_.size() - at_ < sizeof value) return false;
    std::memcpy(&value, bytes_.data() + at_, sizeof value);
    at_ += sizeof value;
    return true;
  }
  bool get(std::string_view& text, std::size_t size) {
    if (bytes_.size() - at_ < size) return false;
    text = bytes_.substr(at_, size);
    at_ += size;
    return true;
  }
  bool at_end() const { return at_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

bool fits(std::uint32_t stored) {
  const auto value = static_cast<std::int32_t>(stored);
  return value >= -kMaxPosition && value <= kMaxPosition;
}

}  // namespace

RememberedWords::RememberedWords(const fonts::Face& face, std::string_view language, std::string_view script)
    : face_path_(face.path()), identity_(face.identity()) {
  const auto folder = core::cache_folder();
  if (!folder || !identity_) return;
  const std::string key = std::string(kMagic) + hb_version_string() + "\n" + std::to_string(sizeof(ShapedGlyph)) +
                          "\n" + std::to_string(face.index()) + "\n" + std::string(language) + "\n" +
                          std::string(script) + "\n" + *identity_;
  file_ = *folder / ("words-" + core::content_hash(key) + ".bin");
  read(hb_face_get_glyph_count(face.hb_face()));
}

void RememberedWords::read(unsigned glyph_count) {
  auto bytes = core::try_read_file(*file_, kMaxBytes);
  if (!bytes || bytes->size() > kMaxBytes || !bytes->starts_with(kMagic)) return;
  bytes_ = std::move(*bytes);
  Reader in(std::string_view(bytes_).substr(kMagic.size()));
  std::vector<ShapedGlyph> glyphs;
  glyphs.reserve(bytes_.size() / 24);
  decltype(read_) words;
  words.reserve(bytes_.size() / 64);
  const auto damaged = [&] {
    bytes_.clear();
    return;
  };
  while (!in.at_end()) {
    std::uint32_t size = 0, count = 0;
    std::string_view word;
    if (!in.get(size) || size == 0 || size > kMaxWordBytes || !in.get(word, size) || !in.get(count) ||
        count > kMaxWordBytes || words.size() >= kMaxWords) {
      return damaged();
    }
    const std::size_t first = glyphs.size();
    std::uint32_t previous_cluster = 0;
    for (std::uint32_t g = 0; g < count; ++g) {
      ShapedGlyph glyph;
      std::uint32_t advance = 0, x_offset = 0, y_offset = 0;
      if (!in.get(glyph.id) || !in.get(advance) || !in.get(x_offset) || !in.get(y_offset) || !in.get(glyph.cluster)) {
        return damaged();
      }
      // A glyph of the face, standing for a character of the word, in logical order.
      if (glyph.id >= glyph_count || glyph.cluster >= size || glyph.cluster < previous_cluster || !fits(advance) ||
          !fits(x_offset) || !fits(y_offset)) {
        return damaged();
      }
      previous_cluster = glyph.cluster;
      glyph.advance = static_cast<std::int32_t>(advance);
      glyph.x_offset = static_cast<std::int32_t>(x_offset);
      glyph.y_offset = static_cast<std::int32_t>(y_offset);
      glyphs.push_back(glyph);
    }
    words.emplace(word, std::pair{first, std::size_t{count}});
  }
  read_glyphs_ = std::move(glyphs);
  read_ = std::move(words);
}

std::optional<std::span<const ShapedGlyph>> RememberedWords::find(std::string_view word) const {
  if (const auto found = read_.find(word); found != read_.end()) {
    return std::span<const ShapedGlyph>(read_glyphs_).subspan(found->second.first, found->second.second);
  }
  if (const auto found = added_.find(word); found != added_.end()) return std::span<const ShapedGlyph>(found->second);
  return std::nullopt;
}

void RememberedWords::add(std::string_view word, const std::vector<ShapedGlyph>& glyphs) {
  if (!file_ || word.empty() || word.size() > kMaxWordBytes || glyphs.size() > kMaxWordBytes ||
      read_.size() + added_.size() >= kMaxWords || read_.contains(word)) {
    return;
  }
  added_.emplace(std::string(word), glyphs);
}

RememberedWords::~RememberedWords() {
  // The glyphs were shaped from the bytes opened: kept only if the file is still those.
  if (added_.empty() || !file_ || core::settled_identity(face_path_) != identity_) return;
  std::string out(kMagic);
  const auto write = [&](std::string_view word, std::span<const ShapedGlyph> glyphs) {
    put(out, static_cast<std::uint32_t>(word.size()));
    out += word;
    put(out, static_cast<std::uint32_t>(glyphs.size()));
    for (const ShapedGlyph& glyph : glyphs) {
      put(out, glyph.id);
      put(out, static_cast<std::uint32_t>(glyph.advance));
      put(out, static_cast<std::uint32_t>(glyph.x_offset));
      put(out, static_cast<std::uint32_t>(glyph.y_offset));
      put(out, glyph.cluster);
    }
  };
  for (const auto& [word, place] : read_) {
    write(word, std::span<const ShapedGlyph>(read_glyphs_).subspan(place.first, place.second));
  }
  for (const auto& [word, glyphs] : added_) write(word, glyphs);
  if (out.size() > kMaxBytes) return;
  try {
    std::error_code ec;
    std::filesystem::create_directories(file_->parent_path(), ec);
    if (!ec) core::write_file_atomically(*file_, out);
  } catch (const std::exception&) {
    // A cache that cannot be written only costs time.
  }
}

}  // namespace leafpress::text
