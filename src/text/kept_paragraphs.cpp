#include "text/kept_paragraphs.hpp"

#include <hb.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/atomic_file.hpp"
#include "core/byte_reader.hpp"
#include "core/cache_folder.hpp"
#include "core/file_identity.hpp"
#include "core/hash.hpp"
#include "core/utf8.hpp"

namespace leafpress::text {
namespace {

/// A shaping run as kept: its bytes of the text, its style run, its glyphs' count (they follow
/// the runs, run after run), its script's ISO 15924 code and its bidi level.
struct KeptRun {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t style_run = 0;
  std::uint32_t glyphs = 0;
  std::array<char, 4> script{};
  std::uint32_t level = 0;
};
static_assert(std::has_unique_object_representations_v<KeptRun>, "a run's bytes are its fields' alone");
static_assert(std::has_unique_object_representations_v<ShapedGlyph>, "a glyph's bytes are its fields' alone");

// The keys and values an entry holds at most: the rest of kMaxBytes is room for the table's
// slots and its records' headers.
constexpr std::size_t kMaxRecordBytes = KeptParagraphs::kMaxBytes / 2;
constexpr std::int32_t kMaxPosition = 1 << 20;  // font units; a larger advance or offset is damage
constexpr std::uint32_t kMaxLevel = 125;        // UBIDI_MAX_EXPLICIT_LEVEL + 1

bool within(std::int32_t position) { return position >= -kMaxPosition && position <= kMaxPosition; }

bool is_script_code(std::string_view code) {
  return code.size() == 4 &&
         std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); });
}

/// Whether byte `at` of `text` starts a character (is not a UTF-8 continuation byte).
bool starts_character(std::string_view text, std::size_t at) {
  return (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

/// Whether `runs`, read from an entry, cover `paragraph`'s text in order, each within its
/// style run, with a script code and a bidi level; `glyphs` is their glyph count.
bool runs_fit(const StyledParagraph& paragraph, std::span<const KeptRun> runs, std::size_t& glyphs) {
  std::uint32_t at = 0;
  std::uint32_t style_run = 0;
  glyphs = 0;
  for (const KeptRun& run : runs) {
    if (run.begin != at || run.end <= run.begin || run.end > paragraph.text.size() || run.style_run < style_run ||
        run.style_run >= paragraph.runs.size() || run.glyphs == 0 || run.level > kMaxLevel ||
        !is_script_code(std::string_view(run.script.data(), run.script.size()))) {
      return false;
    }
    const StyledRun& style = paragraph.runs[run.style_run];
    if (run.begin < style.begin || run.end > style.end) return false;
    at = run.end;
    style_run = run.style_run;
    glyphs += run.glyphs;
  }
  return at == paragraph.text.size();
}

/// Whether `glyphs`, read for `run`, are glyphs of `face` other than .notdef, standing for
/// characters of the run in logical order.
bool glyphs_fit(std::span<const ShapedGlyph> glyphs, const KeptRun& run, const fonts::Face& face,
                std::string_view text) {
  const unsigned count = hb_face_get_glyph_count(face.hb_face());
  std::uint32_t previous = run.begin;
  for (const ShapedGlyph& glyph : glyphs) {
    if (glyph.id == 0 || glyph.id >= count || glyph.cluster < previous || glyph.cluster >= run.end ||
        !starts_character(text, glyph.cluster) || !within(glyph.advance) || !within(glyph.x_offset) ||
        !within(glyph.y_offset)) {
      return false;
    }
    previous = glyph.cluster;
  }
  return true;
}

/// `paragraph` as kept in `value`, when every part of it checks.
std::optional<ShapedParagraph> read_paragraph(const StyledParagraph& paragraph, std::string_view value) {
  core::ByteReader in(value);
  std::uint32_t count = 0;
  std::span<const KeptRun> runs;
  if (!in.integer(count) || count == 0 || count > paragraph.text.size() || !in.records(count, runs)) {
    return std::nullopt;
  }
  std::size_t glyph_count = 0;
  std::span<const ShapedGlyph> glyphs;
  if (!runs_fit(paragraph, runs, glyph_count) || !in.records(glyph_count, glyphs) || !in.at_end()) {
    return std::nullopt;
  }
  ShapedParagraph shaped;
  shaped.text = std::make_shared<const std::string>(paragraph.text + "\u00AD");
  shaped.soft_hyphen = static_cast<std::uint32_t>(paragraph.text.size());
  shaped.runs.reserve(runs.size());
  shaped.items.reserve(glyphs.size());
  std::vector<std::size_t> ends;
  std::size_t first = 0;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const KeptRun& run = runs[r];
    const fonts::Face* face = paragraph.runs[run.style_run].style.face;
    const auto run_glyphs = glyphs.subspan(first, run.glyphs);
    if (!glyphs_fit(run_glyphs, run, *face, paragraph.text)) return std::nullopt;
    shaped.runs.push_back({run.begin, run.end, run.style_run, face, std::string(run.script.data(), run.script.size()),
                           static_cast<std::uint8_t>(run.level)});
    append_run_items(shaped.items, r, run.end, run_glyphs, paragraph.text, ends);
    first += run.glyphs;
  }
  return shaped;
}

/// Whether every character of `paragraph` is one its style run's face has, every run is in
/// that face and no glyph is .notdef: then no fallback face took part in `shaped`.
bool without_fallback(const StyledParagraph& paragraph, const ShapedParagraph& shaped, fonts::FontFallback& fallback) {
  for (const ShapingRun& run : shaped.runs) {
    if (run.face != paragraph.runs[run.style_run].style.face || !is_script_code(run.script)) return false;
  }
  for (const ShapedItem& item : shaped.items) {
    if (item.glyph.id == 0) return false;
  }
  for (const StyledRun& run : paragraph.runs) {
    for (std::size_t at = run.begin; at < run.end;) {
      if (!fallback.covers(*run.style.face, core::next_code_point(paragraph.text, at))) return false;
    }
  }
  return true;
}

/// The bytes read_paragraph reads back as `shaped`.
std::string kept_bytes(const ShapedParagraph& shaped) {
  std::vector<KeptRun> runs(shaped.runs.size());
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const ShapingRun& run = shaped.runs[r];
    runs[r].begin = static_cast<std::uint32_t>(run.begin);
    runs[r].end = static_cast<std::uint32_t>(run.end);
    runs[r].style_run = static_cast<std::uint32_t>(run.style_run);
    std::memcpy(runs[r].script.data(), run.script.data(), runs[r].script.size());
    runs[r].level = run.level;
  }
  for (const ShapedItem& item : shaped.items) ++runs[item.run].glyphs;
  std::string bytes;
  bytes.reserve(4 + runs.size() * sizeof(KeptRun) + shaped.items.size() * sizeof(ShapedGlyph));
  const auto count = static_cast<std::uint32_t>(runs.size());
  bytes.append(reinterpret_cast<const char*>(&count), sizeof count);
  bytes.append(reinterpret_cast<const char*>(runs.data()), runs.size() * sizeof(KeptRun));
  for (const ShapedItem& item : shaped.items) {
    bytes.append(reinterpret_cast<const char*>(&item.glyph), sizeof item.glyph);
  }
  return bytes;
}

}  // namespace

KeptParagraphs::Entry* KeptParagraphs::entry(const std::string& language) {
  const auto [it, added] = entries_.try_emplace(language);
  if (added) {
    if (const auto folder = core::cache_folder()) {
      Entry& entry = it->second.emplace();
      // The magic names all that the runs and glyphs depend on besides the key.
      entry.magic = std::string(kMagic) + "HarfBuzz " + hb_version_string() + "\nICU " U_ICU_VERSION "\n" +
                    std::to_string(sizeof(KeptRun)) + " " + std::to_string(sizeof(ShapedGlyph)) + "\n" + language;
      entry.file = *folder / ("paragraphs-" + core::content_hash(entry.magic) + ".bin");
      entry.read = core::KeptTable::open(entry.file, entry.magic, kMaxBytes);
    }
  }
  return it->second ? &*it->second : nullptr;
}

bool KeptParagraphs::set_key(const StyledParagraph& paragraph) {
  key_.clear();
  return paragraph.text.size() <= kMaxTextBytes && append_shaping_key(key_, paragraph, FaceNaming::by_file);
}

std::optional<ShapedParagraph> KeptParagraphs::find(const StyledParagraph& paragraph) {
  Entry* entry = this->entry(paragraph.language);
  if (!entry || paragraph.text.empty() || (!entry->read && entry->added.empty()) || !set_key(paragraph)) {
    return std::nullopt;
  }
  if (const auto added = entry->added.find(key_); added != entry->added.end()) {
    return read_paragraph(paragraph, added->second);
  }
  const auto value = entry->read ? entry->read->find(key_) : std::nullopt;
  if (!value) return std::nullopt;
  auto shaped = read_paragraph(paragraph, *value);
  if (shaped) entry->used.insert(key_);
  return shaped;
}

void KeptParagraphs::keep(const StyledParagraph& paragraph, const ShapedParagraph& shaped,
                          fonts::FontFallback& fallback) {
  Entry* entry = this->entry(paragraph.language);
  if (!entry || paragraph.text.empty() || shaped.runs.empty() || entry->added.size() >= kMaxParagraphs ||
      !without_fallback(paragraph, shaped, fallback) || !set_key(paragraph) || entry->added.count(key_) > 0 ||
      (entry->read && entry->read->find(key_))) {
    return;
  }
  entry->added.emplace(key_, kept_bytes(shaped));
  for (const StyledRun& run : paragraph.runs) entry->faces.insert(run.style.face);
}

void KeptParagraphs::write(Entry& entry) const {
  // The glyphs were shaped from the bytes opened: kept only if the files are still those.
  for (const fonts::Face* face : entry.faces) {
    if (core::settled_identity(face->path()) != face->identity()) return;
  }
  std::vector<std::pair<std::string_view, std::string_view>> records;
  std::unordered_set<std::string_view> seen;
  std::size_t bytes = 0;
  const auto add = [&](std::string_view key, std::string_view value) {
    if (records.size() >= kMaxParagraphs || bytes + key.size() + value.size() > kMaxRecordBytes) return;
    if (!seen.insert(key).second) return;
    records.emplace_back(key, value);
    bytes += key.size() + value.size();
  };
  for (const auto& [key, value] : entry.added) add(key, value);
  if (entry.read) {
    for (const std::string& key : entry.used) {
      if (const auto value = entry.read->find(key)) add(key, *value);
    }
  }
  // What other workers and runs wrote since this one read the entry, then what it read and
  // did not use: the paragraphs set last are kept first when the entry is full.
  const auto meanwhile = core::KeptTable::open(entry.file, entry.magic, kMaxBytes);
  const std::array<const core::KeptTable*, 2> tables{meanwhile ? &*meanwhile : nullptr,
                                                     entry.read ? &*entry.read : nullptr};
  for (const core::KeptTable* table : tables) {
    if (!table) continue;
    for (const auto& [key, value] : table->entries()) add(key, value);
  }
  core::store_cache_entry(entry.file, core::kept_table_bytes(entry.magic, records));
}

KeptParagraphs::~KeptParagraphs() {
  for (auto& [language, entry] : entries_) {
    if (entry && !entry->added.empty()) write(*entry);
  }
}

}  // namespace leafpress::text
