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
/// the runs and the choices, run after run), its script's ISO 15924 code, its bidi level and
/// its face: 0 for its style run's, k for the face of the k-th fallback choice.
struct KeptRun {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t style_run = 0;
  std::uint32_t glyphs = 0;
  std::array<char, 4> script{};
  std::uint32_t level = 0;
  std::uint32_t face = 0;
};
static_assert(std::has_unique_object_representations_v<KeptRun>, "a run's bytes are its fields' alone");

/// A fallback choice as kept (FallbackChoice): the style run whose face was the preferred one,
/// the cluster's code points, the script, the language's and the answer's sizes in bytes, and
/// the answer's face index (kNoFace: none had the cluster). The cluster, the language and
/// the answer's file identity follow, each with zeros to a multiple of 4.
struct KeptChoice {
  std::uint32_t style_run = 0;
  std::uint32_t cluster = 0;
  std::array<char, 4> script{};
  std::uint32_t language = 0;
  std::uint32_t identity = 0;
  std::uint32_t index = 0;
};
static_assert(std::has_unique_object_representations_v<KeptChoice>, "a choice's bytes are its fields' alone");
constexpr std::uint32_t kNoFace = 0xFFFFFFFF;
constexpr std::uint32_t kMaxCluster = 32;  // code points; a longer cluster is damage
constexpr std::uint32_t kMaxName = 1024;   // bytes of a language or an identity
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
/// style run, with a script code, a bidi level and one of `faces`; `glyphs` is their glyph count.
bool runs_fit(const StyledParagraph& paragraph, std::span<const KeptRun> runs,
              const std::vector<const fonts::Face*>& faces, std::size_t& glyphs) {
  std::uint32_t at = 0;
  std::uint32_t style_run = 0;
  glyphs = 0;
  for (const KeptRun& run : runs) {
    if (run.begin != at || run.end <= run.begin || run.end > paragraph.text.size() || run.style_run < style_run ||
        run.style_run >= paragraph.runs.size() || run.glyphs == 0 || run.face > faces.size() || run.level > kMaxLevel ||
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

/// `size` bytes and the zeros after them to a multiple of 4.
bool padded_bytes(core::ByteReader& in, std::size_t size, std::string_view& bytes) {
  return in.bytes(size, bytes) && in.zeros(core::padding_to(size, 4));
}

/// The faces of the fallback choices kept next in `in`, each asked of `fallback` again and
/// given only when its answer is the one kept (the same face file, or none); nullopt when one
/// is not, or the choices do not check.
std::optional<std::vector<const fonts::Face*>> read_choices(core::ByteReader& in, std::uint32_t count,
                                                            const StyledParagraph& paragraph,
                                                            fonts::FontFallback& fallback) {
  std::vector<const fonts::Face*> faces;
  for (std::uint32_t c = 0; c < count; ++c) {
    std::span<const KeptChoice> choice;
    std::span<const char32_t> cluster;
    std::string_view language, identity;
    if (!in.records(1, choice) || choice[0].style_run >= paragraph.runs.size() || choice[0].cluster == 0 ||
        choice[0].cluster > kMaxCluster || choice[0].language > kMaxName || choice[0].identity > kMaxName ||
        !is_script_code(std::string_view(choice[0].script.data(), choice[0].script.size())) ||
        !in.records(choice[0].cluster, cluster) || !padded_bytes(in, choice[0].language, language) ||
        !padded_bytes(in, choice[0].identity, identity) ||
        std::any_of(cluster.begin(), cluster.end(), [](char32_t cp) { return cp > 0x10FFFF; })) {
      return std::nullopt;
    }
    const fonts::Face* face = fallback.face_for(
        *paragraph.runs[choice[0].style_run].style.face, std::u32string_view(cluster.data(), cluster.size()),
        std::string_view(choice[0].script.data(), choice[0].script.size()), language);
    const bool same = face ? face->identity() && *face->identity() == identity &&
                                 static_cast<std::uint32_t>(face->index()) == choice[0].index
                           : choice[0].index == kNoFace && identity.empty();
    if (!same) return std::nullopt;
    faces.push_back(face);
  }
  return faces;
}

/// `paragraph` as kept in `value`, when every part of it checks.
std::optional<ShapedParagraph> read_paragraph(const StyledParagraph& paragraph, std::string_view value,
                                              fonts::FontFallback& fallback) {
  core::ByteReader in(value);
  std::uint32_t count = 0;
  std::uint32_t choice_count = 0;
  std::span<const KeptRun> runs;
  if (!in.integer(count) || !in.integer(choice_count) || count == 0 || count > paragraph.text.size() ||
      choice_count > paragraph.text.size() || !in.records(count, runs)) {
    return std::nullopt;
  }
  const auto faces = read_choices(in, choice_count, paragraph, fallback);
  std::size_t glyph_count = 0;
  std::span<const ShapedGlyph> glyphs;
  if (!faces || !runs_fit(paragraph, runs, *faces, glyph_count) || !in.records(glyph_count, glyphs) || !in.at_end()) {
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
    const fonts::Face* face = run.face == 0 ? paragraph.runs[run.style_run].style.face : (*faces)[run.face - 1];
    const auto run_glyphs = glyphs.subspan(first, run.glyphs);
    if (!face || !glyphs_fit(run_glyphs, run, *face, paragraph.text)) return std::nullopt;
    shaped.runs.push_back({run.begin, run.end, run.style_run, face, std::string(run.script.data(), run.script.size()),
                           static_cast<std::uint8_t>(run.level)});
    append_run_items(shaped.items, r, run.end, run_glyphs, paragraph.text, ends);
    first += run.glyphs;
  }
  return shaped;
}

/// The index of the style run of `paragraph` whose face is `face`, or none.
std::optional<std::uint32_t> style_run_of(const StyledParagraph& paragraph, const fonts::Face* face) {
  for (std::size_t r = 0; r < paragraph.runs.size(); ++r) {
    if (paragraph.runs[r].style.face == face) return static_cast<std::uint32_t>(r);
  }
  return std::nullopt;
}

void append_padded(std::string& bytes, std::string_view more) {
  bytes.append(more);
  bytes.append(core::padding_to(more.size(), 4), '\0');
}

template <class Record>
void append_record(std::string& bytes, const Record& record) {
  bytes.append(reinterpret_cast<const char*>(&record), sizeof record);
}

/// The bytes read_paragraph reads back as `shaped`, itemized from the fallback's `choices`;
/// nullopt when it cannot be kept: a glyph is .notdef, a face has no settled identity, or a
/// run's face is neither its style's nor a choice's.
std::optional<std::string> kept_bytes(const StyledParagraph& paragraph, const ShapedParagraph& shaped,
                                      const std::vector<FallbackChoice>& choices) {
  for (const ShapedItem& item : shaped.items) {
    if (item.glyph.id == 0) return std::nullopt;
  }
  std::vector<KeptRun> runs(shaped.runs.size());
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const ShapingRun& run = shaped.runs[r];
    if (!is_script_code(run.script)) return std::nullopt;
    runs[r].begin = static_cast<std::uint32_t>(run.begin);
    runs[r].end = static_cast<std::uint32_t>(run.end);
    runs[r].style_run = static_cast<std::uint32_t>(run.style_run);
    std::memcpy(runs[r].script.data(), run.script.data(), runs[r].script.size());
    runs[r].level = run.level;
    if (run.face != paragraph.runs[run.style_run].style.face) {
      const auto chosen = std::find_if(choices.begin(), choices.end(),
                                       [&](const FallbackChoice& choice) { return choice.face == run.face; });
      if (chosen == choices.end()) return std::nullopt;
      runs[r].face = static_cast<std::uint32_t>(chosen - choices.begin()) + 1;
    }
  }
  for (const ShapedItem& item : shaped.items) ++runs[item.run].glyphs;
  std::string bytes;
  append_record(bytes, static_cast<std::uint32_t>(runs.size()));
  append_record(bytes, static_cast<std::uint32_t>(choices.size()));
  for (const KeptRun& run : runs) append_record(bytes, run);
  for (const FallbackChoice& choice : choices) {
    const auto style_run = style_run_of(paragraph, choice.preferred);
    const std::string none;
    const std::string& identity = choice.face && choice.face->identity() ? *choice.face->identity() : none;
    if (!style_run || (choice.face && identity.empty()) || !is_script_code(choice.script) || choice.cluster.empty() ||
        choice.cluster.size() > kMaxCluster || choice.language.size() > kMaxName || identity.size() > kMaxName) {
      return std::nullopt;
    }
    KeptChoice kept{*style_run,
                    static_cast<std::uint32_t>(choice.cluster.size()),
                    {},
                    static_cast<std::uint32_t>(choice.language.size()),
                    static_cast<std::uint32_t>(identity.size()),
                    choice.face ? static_cast<std::uint32_t>(choice.face->index()) : kNoFace};
    std::memcpy(kept.script.data(), choice.script.data(), kept.script.size());
    append_record(bytes, kept);
    bytes.append(reinterpret_cast<const char*>(choice.cluster.data()), choice.cluster.size() * sizeof(char32_t));
    append_padded(bytes, choice.language);
    append_padded(bytes, identity);
  }
  for (const ShapedItem& item : shaped.items) append_record(bytes, item.glyph);
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
                    std::to_string(sizeof(KeptRun)) + " " + std::to_string(sizeof(KeptChoice)) + " " +
                    std::to_string(sizeof(ShapedGlyph)) + "\n" + language;
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

std::optional<ShapedParagraph> KeptParagraphs::find(const StyledParagraph& paragraph, fonts::FontFallback& fallback) {
  Entry* entry = this->entry(paragraph.language);
  if (!entry || paragraph.text.empty() || (!entry->read && entry->added.empty()) || !set_key(paragraph)) {
    return std::nullopt;
  }
  if (const auto added = entry->added.find(key_); added != entry->added.end()) {
    return read_paragraph(paragraph, added->second, fallback);
  }
  const auto value = entry->read ? entry->read->find(key_) : std::nullopt;
  if (!value) return std::nullopt;
  auto shaped = read_paragraph(paragraph, *value, fallback);
  if (shaped) {
    entry->used.insert(key_);
    const char* from = value->data();
    const char* to = from + value->size();
    entry->used_from = entry->used_from ? std::min(entry->used_from, from) : from;
    entry->used_to = std::max(entry->used_to, to);
    entry->used_bytes += key_.size() + value->size();
  }
  return shaped;
}

void KeptParagraphs::keep(const StyledParagraph& paragraph, const ShapedParagraph& shaped,
                          const std::vector<FallbackChoice>& choices) {
  Entry* entry = this->entry(paragraph.language);
  // A record the entry holds under the key is one find() refused (damaged, or made from other
  // fallback faces): the paragraph added replaces it when the entry is written.
  if (!entry || paragraph.text.empty() || shaped.runs.empty() || entry->added.size() >= kMaxParagraphs ||
      !set_key(paragraph) || entry->added.count(key_) > 0) {
    return;
  }
  auto bytes = kept_bytes(paragraph, shaped, choices);
  if (!bytes) return;
  entry->added.emplace(key_, std::move(*bytes));
  for (const StyledRun& run : paragraph.runs) entry->faces.insert(run.style.face);
  for (const FallbackChoice& choice : choices) {
    if (choice.face) entry->faces.insert(choice.face);
  }
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

bool KeptParagraphs::scattered(const Entry& entry) {
  // Slack of a few pages' mapping around each record read (the kernel maps 16 pages about
  // each page a run first reads).
  constexpr std::size_t kSlack = 256 << 10;
  return entry.used_bytes > 0 &&
         static_cast<std::size_t>(entry.used_to - entry.used_from) > 2 * entry.used_bytes + kSlack;
}

KeptParagraphs::~KeptParagraphs() { write(); }

void KeptParagraphs::write() {
  for (auto& [language, entry] : entries_) {
    if (entry && (!entry->added.empty() || scattered(*entry))) write(*entry);
  }
  entries_.clear();
}

}  // namespace leafpress::text
