#include "text/shape_cache.hpp"

#include <hb-ot.h>

#include "core/c_handle.hpp"
#include "text/bidi.hpp"
#include "text/face_answers.hpp"

namespace leafpress::text {
namespace {

/// The scripts HarfBuzz shapes with its default shaper, which reads no context around the
/// shaped text (Arabic joining and the syllable-based shapers do).
bool shaped_without_context(std::string_view script) { return script == "Latn" || script == "Cyrl" || script == "Grek"; }

bool has_table(hb_face_t* face, hb_tag_t tag) {
  const core::CHandle<hb_blob_t, hb_blob_destroy> blob(hb_face_reference_table(face, tag));
  return hb_blob_get_length(blob.get()) > 0;
}

/// Whether any lookup of GSUB or GPOS names `glyph` as input, context or output.
bool named_by_a_lookup(hb_face_t* face, hb_codepoint_t glyph) {
  const core::CHandle<hb_set_t, hb_set_destroy> before(hb_set_create());
  const core::CHandle<hb_set_t, hb_set_destroy> input(hb_set_create());
  const core::CHandle<hb_set_t, hb_set_destroy> after(hb_set_create());
  const core::CHandle<hb_set_t, hb_set_destroy> output(hb_set_create());
  for (const hb_tag_t table : {HB_OT_TAG_GSUB, HB_OT_TAG_GPOS}) {
    const unsigned count = hb_ot_layout_table_get_lookup_count(face, table);
    for (unsigned lookup = 0; lookup < count; ++lookup) {
      for (hb_set_t* set : {before.get(), input.get(), after.get(), output.get()}) hb_set_clear(set);
      hb_ot_layout_lookup_collect_glyphs(face, table, lookup, before.get(), input.get(), after.get(), output.get());
      for (hb_set_t* set : {before.get(), input.get(), after.get(), output.get()}) {
        if (hb_set_has(set, glyph)) return true;
      }
    }
  }
  return false;
}

}  // namespace

bool ShapeCache::spaces_stand_apart(const fonts::Face& face) {
  const auto [it, inserted] = apart_.try_emplace(&face, false);
  if (!inserted) return it->second;
  // Walking every lookup costs about 0.5 M instructions a face: the answer is kept across runs.
  static constexpr std::string_view kQuestion = "spaces stand apart";
  if (const auto known = recall_face_answer(face, kQuestion)) return it->second = *known;
  hb_face_t* hb_face = face.hb_face();
  const std::uint32_t space = face.nominal_glyph(U' ');
  it->second = space != 0 && !has_table(hb_face, HB_TAG('k', 'e', 'r', 'n')) &&
               !has_table(hb_face, HB_TAG('k', 'e', 'r', 'x')) && !has_table(hb_face, HB_TAG('m', 'o', 'r', 'x')) &&
               !named_by_a_lookup(hb_face, space);
  remember_face_answer(face, kQuestion, it->second);
  return it->second;
}

void ShapeCache::write_remembered() {
  for (auto& [key, words] : remembered_) words->write();
}

RememberedWords& ShapeCache::remembered(const fonts::Face& face, std::string_view language, std::string_view script,
                                        RememberedWords::Kept what) {
  // Looked up by views: no key is built (nor allocated) for an entry already read.
  const std::tuple<const fonts::Face*, RememberedWords::Kept, std::string_view, std::string_view> key{&face, what,
                                                                                                      language, script};
  auto found = remembered_.find(key);
  if (found == remembered_.end()) {
    found = remembered_
                .emplace(RememberedKey{&face, what, std::string(language), std::string(script)},
                         std::make_unique<RememberedWords>(face, language, script, what))
                .first;
  }
  return *found->second;
}

std::vector<ShapedGlyph> ShapeCache::shape_in_context(const fonts::Face& face, std::string_view text, std::size_t begin,
                                                      std::size_t end, std::string_view language,
                                                      std::string_view script, bool rtl) {
  // Runs are kept across runs with their context (the whole text) and bounds, in an entry for
  // their direction: Arabic and Hebrew paragraphs, list and page numbers, punctuation of the
  // common script would otherwise make HarfBuzz shape them again, and build a face's lookup
  // tables to do so, in every run.
  static constexpr std::size_t kMaxTextBytes = RememberedWords::kMaxRunBytes - 48;  // room for the bounds
  if (text.size() > kMaxTextBytes) return text::shape(face, text, begin, end, language, script, rtl);
  RememberedWords& kept = remembered(
      face, language, script, rtl ? RememberedWords::Kept::kRunsRightToLeft : RememberedWords::Kept::kRunsLeftToRight);
  const std::string key = RememberedWords::run_key(text, begin, end);
  // Every glyph read stands for a character of the run itself, in HarfBuzz's order.
  if (const auto known = kept.find(key, begin, end)) return {known->begin(), known->end()};
  auto glyphs = text::shape(face, text, begin, end, language, script, rtl);
  kept.add(key, glyphs);
  return glyphs;
}

const std::vector<ShapedGlyph>& ShapeCache::hyphen(const fonts::Face& face, std::string_view language) {
  auto [it, added] = hyphens_.try_emplace({&face, std::string(language)});
  if (!added) return it->second;
  RememberedWords& kept = remembered(face, language, {}, RememberedWords::Kept::kWords);
  if (const auto known = kept.find("-")) {
    it->second.assign(known->begin(), known->end());
  } else {
    it->second = text::shape(face, "-", 0, 1, language);
    kept.add("-", it->second);
  }
  return it->second;
}

void ShapeCache::make_room(std::size_t glyphs) {
  if (glyphs_ + glyphs <= kMaxGlyphs) return;
  entries_.clear();
  words_.clear();
  glyphs_ = 0;
}

void ShapeCache::shape_by_words(const fonts::Face& face, std::string_view text, std::size_t begin, std::size_t end,
                                std::string_view language, std::string_view script, std::vector<ShapedGlyph>& glyphs) {
  glyphs.clear();
  glyphs.reserve(end - begin);
  RememberedWords* kept = nullptr;  // what earlier runs shaped, read on the first word not in words_
  for (std::size_t at = begin; at < end;) {
    // A word runs to the next space; a space is shaped on its own.
    std::size_t stop = at + 1;
    if (text[at] != ' ') {
      stop = text.find(' ', at);
      if (stop == std::string_view::npos || stop > end) stop = end;
    }
    const std::string_view word = text.substr(at, stop - at);
    word_key_.assign(reinterpret_cast<const char*>(&face), sizeof(&face));
    word_key_.append(language).append(1, '\0').append(script).append(1, '\0').append(word);
    auto found = words_.find(word_key_);
    if (found == words_.end()) {
      if (!kept) kept = &remembered(face, language, script, RememberedWords::Kept::kWords);
      std::vector<ShapedGlyph> shaped;
      if (const auto known = kept->find(word)) {
        shaped.assign(known->begin(), known->end());
      } else {
        shaped = text::shape(face, word, 0, word.size(), language, script, false);
        kept->add(word, shaped);
      }
      make_room(shaped.size());
      glyphs_ += shaped.size();
      found = words_.emplace(word_key_, std::move(shaped)).first;
    }
    for (ShapedGlyph glyph : found->second) {
      glyph.cluster += static_cast<std::uint32_t>(at);
      glyphs.push_back(glyph);
    }
    at = stop;
  }
}

const std::vector<ShapedGlyph>& ShapeCache::shape(const fonts::Face& face, std::string_view text, std::size_t begin,
                                                  std::size_t end, std::string_view language, std::string_view script,
                                                  bool rtl) {
  if (!rtl && shaped_without_context(script) && spaces_stand_apart(face)) {
    shape_by_words(face, text, begin, end, language, script, by_words_);
    return by_words_;
  }
  // The face by address (faces live as long as their registry, which outlives the cache's
  // owner), then everything that changes what HarfBuzz does.
  std::string key(reinterpret_cast<const char*>(&face), sizeof(&face));
  key += std::to_string(begin) + ',' + std::to_string(end) + ',' + (rtl ? 'r' : 'l');
  key.append(language).append(1, '\0').append(script).append(1, '\0').append(text);
  if (const auto found = entries_.find(key); found != entries_.end()) return found->second;
  auto glyphs = shape_in_context(face, text, begin, end, language, script, rtl);
  make_room(glyphs.size());
  glyphs_ += glyphs.size();
  return entries_.emplace(std::move(key), std::move(glyphs)).first->second;
}

const ShapeCache::Itemized& ShapeCache::runs(const StyledParagraph& paragraph, fonts::FontFallback& fallback) {
  std::string& key = runs_key_;
  key.clear();
  const auto put = [&key](const auto& value) { key.append(reinterpret_cast<const char*>(&value), sizeof value); };
  put(&fallback);
  append_shaping_key(key, paragraph);
  if (const auto found = runs_.find(key); found != runs_.end()) return found->second;
  if (run_bytes_ + key.size() > kMaxRunBytes) {
    runs_.clear();
    run_bytes_ = 0;
  }
  run_bytes_ += key.size();
  Itemized itemized;
  itemized.runs = itemize(paragraph, resolve_bidi(paragraph.text, paragraph.direction, paragraph.left_to_right),
                          fallback, &itemized.choices);
  return runs_.emplace(key, std::move(itemized)).first->second;
}

}  // namespace leafpress::text
