#include "text/face_answers.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/file_identity.hpp"
#include "core/hash.hpp"
#include "fonts/face.hpp"
#include "fonts/freetype_facts.hpp"
#include "support/file_bytes.hpp"
#include "support/scoped_env.hpp"
#include "support/scratch_dir.hpp"
#include "text/remembered_words.hpp"
#include "text/shape.hpp"
#include "text/shape_cache.hpp"

using namespace leafpress;
using testing::read_bytes;
using testing::write_bytes;
namespace fs = std::filesystem;

namespace {

const fs::path kNotoSans = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";

/// The cache entries in `folder` whose names start with `prefix`.
std::size_t entries(const fs::path& folder, std::string_view prefix = "") {
  std::size_t files = 0;
  std::error_code ec;
  for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator(); ++it) {
    if (it->path().filename().string().starts_with(prefix)) ++files;
  }
  return files;
}

/// Whether Noto Sans is there to test with; warns when it is not.
bool noto_sans_installed() {
  if (fs::exists(kNotoSans)) return true;
  WARN("Noto Sans is not installed (scripts/setup installs fonts-noto-core)");
  return false;
}

/// The remembered-words entries in the cache folder under `dir`.
std::vector<fs::path> words_entries(const fs::path& dir) {
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(dir / "cache")) {
    if (entry.path().filename().string().starts_with("words-")) found.push_back(entry.path());
  }
  return found;
}


/// Noto Sans opened, with a cache folder of its own for the test's scope.
struct NotoSansWithCache {
  testing::ScratchDir dir;
  testing::ScopedEnv cache{"LEAFPRESS_CACHE_DIR", (dir.path() / "cache").string()};
  std::string error;
  std::unique_ptr<fonts::Face> face = fonts::Face::try_open(kNotoSans, 0, error);

  /// `word` shaped afresh in English.
  std::vector<text::ShapedGlyph> shaped(std::string_view word) const {
    return text::shape(*face, word, 0, word.size(), "en", "Latn");
  }
};

const fs::path kNotoSansArabic = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf";
constexpr auto kRightToLeft = text::RememberedWords::Kept::kRunsRightToLeft;

/// Noto Sans Arabic opened, with a cache folder of its own for the test's scope; runs shaped
/// right to left in Arabic.
struct NotoArabicWithCache {
  testing::ScratchDir dir;
  testing::ScopedEnv cache{"LEAFPRESS_CACHE_DIR", (dir.path() / "cache").string()};
  std::string error;
  std::unique_ptr<fonts::Face> face = fonts::Face::try_open(kNotoSansArabic, 0, error);

  /// Bytes [begin, end) of `text` shaped afresh, the rest of `text` as context.
  std::vector<text::ShapedGlyph> shaped(std::string_view text, std::size_t begin, std::size_t end) const {
    return text::shape(*face, text, begin, end, "ar", "Arab", true);
  }
  /// The same through a run's own ShapeCache, which keeps what it shapes when it ends.
  std::vector<text::ShapedGlyph> in_a_run(std::string_view text, std::size_t begin, std::size_t end) const {
    text::ShapeCache shapes;
    return shapes.shape(*face, text, begin, end, "ar", "Arab", true);
  }
  /// The glyphs a later run reads for the same; nullopt when none are kept or they are refused.
  std::optional<std::vector<text::ShapedGlyph>> kept(std::string_view text, std::size_t begin, std::size_t end) const {
    const text::RememberedWords kept(*face, "ar", "Arab", kRightToLeft);
    const auto found = kept.find(text::RememberedWords::run_key(text, begin, end), begin, end);
    if (!found) return std::nullopt;
    return std::vector<text::ShapedGlyph>(found->begin(), found->end());
  }
  /// Keeps `glyphs` for the same, as a run that shaped them would.
  void plant(std::string_view text, std::size_t begin, std::size_t end,
             const std::vector<text::ShapedGlyph>& glyphs) const {
    text::RememberedWords(*face, "ar", "Arab", kRightToLeft)
        .add(text::RememberedWords::run_key(text, begin, end), glyphs);
  }
};

/// Whether Noto Sans Arabic is there to test with; warns when it is not.
bool noto_sans_arabic_installed() {
  if (fs::exists(kNotoSansArabic)) return true;
  WARN("Noto Sans Arabic is not installed (scripts/setup installs fonts-noto-core)");
  return false;
}

const std::string kKatab = "\xD9\x83\xD8\xAA\xD8\xA8";  // كتب: kaf, teh, beh

}  // namespace

TEST_CASE("a file changed in the last seconds has no settled identity but an old one has", "[core]") {
  const testing::ScratchDir dir;
  const fs::path fresh = dir.write("fresh.txt", "x");
  CHECK_FALSE(core::settled_identity(fresh));
  CHECK_FALSE(core::settled_identity(dir.path() / "missing"));
  if (fs::exists(kNotoSans)) {
    const auto identity = core::settled_identity(kNotoSans);
    REQUIRE(identity);
    CHECK(identity->starts_with(kNotoSans.string()));
    CHECK(core::settled_identity(kNotoSans) == identity);
  }
}

TEST_CASE("what is worked out from a face's bytes is kept only for a settled file, and read back", "[fonts]") {
  if (!noto_sans_installed()) return;
  NotoSansWithCache noto;
  const auto& dir = noto.dir;
  std::string& error = noto.error;

  // A copy just made cannot vouch for its bytes: nothing is kept.
  fs::copy_file(kNotoSans, dir.path() / "copy.ttf");
  const auto copy = fonts::Face::try_open(dir.path() / "copy.ttf", 0, error);
  REQUIRE(copy);
  CHECK_FALSE(copy->identity());
  text::ShapeCache copy_shapes;
  const bool copy_apart = copy_shapes.spaces_stand_apart(*copy);
  CHECK(entries(dir.path() / "cache", "face-") == 0);
  CHECK(entries(dir.path() / "cache", "freetype-") == 1);  // the settled file's, opened first

  const auto& face = noto.face;
  REQUIRE(face);
  REQUIRE(face->identity());
  text::ShapeCache first;
  const bool apart = first.spaces_stand_apart(*face);
  CHECK(apart == copy_apart);
  CHECK(entries(dir.path() / "cache", "face-") == 1);
  CHECK(text::recall_face_answer(*face, "spaces stand apart") == apart);
  CHECK_FALSE(text::recall_face_answer(*face, "another question"));
  text::ShapeCache second;
  CHECK(second.spaces_stand_apart(*face) == apart);

  // A damaged entry is not believed.
  for (const auto& entry : fs::directory_iterator(dir.path() / "cache")) {
    std::ofstream(entry.path(), std::ios::binary | std::ios::trunc) << "leafpress-face-answer-1\nperhaps\n";
  }
  CHECK_FALSE(text::recall_face_answer(*face, "spaces stand apart"));
  text::ShapeCache third;
  CHECK(third.spaces_stand_apart(*face) == apart);
  CHECK(text::recall_face_answer(*face, "spaces stand apart") == apart);
}

TEST_CASE("words shaped alone are kept across runs for a settled font file, and checked when read", "[fonts]") {
  if (!noto_sans_installed()) return;
  NotoSansWithCache noto;
  const auto& dir = noto.dir;
  const auto& face = noto.face;
  REQUIRE(face);
  const std::string text = "Immunotherapy helps the body fight cancer";
  std::vector<text::ShapedGlyph> first;
  {
    text::ShapeCache shapes;
    REQUIRE(shapes.spaces_stand_apart(*face));
    first = shapes.shape(*face, text, 0, text.size(), "en", "Latn", false);
  }  // the words are written as the cache ends
  {
    const text::RememberedWords kept(*face, "en", "Latn");
    const auto word = kept.find("Immunotherapy");
    REQUIRE(word);
    CHECK(std::vector<text::ShapedGlyph>(word->begin(), word->end()) ==
          text::shape(*face, "Immunotherapy", 0, 13, "en", "Latn"));
    CHECK_FALSE(kept.find("absent"));
    CHECK_FALSE(text::RememberedWords(*face, "fr", "Latn").find("Immunotherapy"));  // another language
  }
  text::ShapeCache again;
  CHECK(again.shape(*face, text, 0, text.size(), "en", "Latn", false) == first);

  // A short run of the common script, shaped in its context, is kept the same way.
  const std::string numbered = "1. Treatment";
  const auto number = text::shape(*face, numbered, 0, 2, "en", "Zyyy");
  { text::ShapeCache shapes; CHECK(shapes.shape(*face, numbered, 0, 2, "en", "Zyyy", false) == number); }
  CHECK(text::RememberedWords(*face, "en", "Zyyy", text::RememberedWords::Kept::kRunsLeftToRight)
            .find("0,2\n" + numbered, 0, 2));
  { text::ShapeCache shapes; CHECK(shapes.shape(*face, numbered, 0, 2, "en", "Zyyy", false) == number); }
  CHECK(first == text::shape(*face, text, 0, text.size(), "en", "Latn"));

  // A glyph the face does not have, planted with its record's check made to match: that word
  // is not read. (The record: its check, the key's size, the key, 3 zeros, the value's size,
  // then the glyphs, the first glyph's id first.)
  for (const auto& entry : words_entries(dir.path())) {
    std::string bytes = read_bytes(entry);
    const std::size_t word = bytes.find("Immunotherapy");
    if (word == std::string::npos) continue;
    const std::uint32_t huge = 0xFFFFFF;
    const std::size_t value_at = word + 13 + 3 + 4;
    std::uint32_t value_size = 0;
    std::memcpy(&value_size, bytes.data() + value_at - 4, sizeof value_size);
    std::memcpy(bytes.data() + value_at, &huge, sizeof huge);
    const std::uint64_t check =
        core::stable_hash(std::string_view(bytes).substr(value_at, value_size), core::stable_hash("Immunotherapy"));
    std::memcpy(bytes.data() + word - 12, &check, sizeof check);
    write_bytes(entry, bytes);
  }
  CHECK_FALSE(text::RememberedWords(*face, "en", "Latn").find("Immunotherapy"));
  // The entry's other words are each checked when looked up, and still read.
  CHECK(text::RememberedWords(*face, "en", "Latn").find("helps"));
  text::ShapeCache damaged;
  CHECK(damaged.shape(*face, text, 0, text.size(), "en", "Latn", false) == first);
}

TEST_CASE("two workers keeping words of the same entry keep them all, whichever writes last", "[fonts]") {
  if (!noto_sans_installed()) return;
  NotoSansWithCache noto;
  const auto& face = noto.face;
  REQUIRE(face);
  const auto shaped = [&](std::string_view word) { return noto.shaped(word); };
  {
    text::RememberedWords first(*face, "en", "Latn");
    {
      text::RememberedWords second(*face, "en", "Latn");  // read before the first writes
      first.add("cancer", shaped("cancer"));
      second.add("therapy", shaped("therapy"));
    }  // the second writes first
  }
  const text::RememberedWords kept(*face, "en", "Latn");
  const auto cancer = kept.find("cancer");
  const auto therapy = kept.find("therapy");
  REQUIRE(cancer);
  REQUIRE(therapy);
  CHECK(std::vector<text::ShapedGlyph>(cancer->begin(), cancer->end()) == shaped("cancer"));
  CHECK(std::vector<text::ShapedGlyph>(therapy->begin(), therapy->end()) == shaped("therapy"));
}

TEST_CASE("a remembered words entry with any one byte changed gives the word's glyphs or none", "[fonts]") {
  if (!noto_sans_installed()) return;
  NotoSansWithCache noto;
  const auto& face = noto.face;
  REQUIRE(face);
  const auto cancer = noto.shaped("cancer");
  { text::RememberedWords(*face, "en", "Latn").add("cancer", cancer); }
  const auto entries = words_entries(noto.dir.path());
  REQUIRE(entries.size() == 1);
  const std::string whole = read_bytes(entries.front());
  std::size_t read = 0;
  for (std::size_t at = 0; at < whole.size(); ++at) {
    std::string bytes = whole;
    bytes[at] = static_cast<char>(bytes[at] ^ 0x41);
    write_bytes(entries.front(), bytes);
    const text::RememberedWords kept(*face, "en", "Latn");
    if (const auto found = kept.find("cancer")) {
      CHECK(std::vector<text::ShapedGlyph>(found->begin(), found->end()) == cancer);
      ++read;
    }
    CHECK_FALSE(kept.find("absent"));
  }
  // Only a flip in the slots' unused room or the padding leaves the word readable.
  CHECK(read < whole.size() / 2);
  write_bytes(entries.front(), whole.substr(0, whole.size() - 1));
  CHECK_FALSE(text::RememberedWords(*face, "en", "Latn").find("cancer"));
}

TEST_CASE("runs shaped right to left in their context are kept across runs as HarfBuzz shapes them", "[fonts]") {
  if (!noto_sans_arabic_installed()) return;
  const NotoArabicWithCache noto;
  REQUIRE(noto.face);
  REQUIRE(noto.face->identity());
  const std::string text = kKatab + " " + kKatab;
  for (const auto& [begin, end] : {std::pair<std::size_t, std::size_t>{0, text.size()}, {7, text.size()}}) {
    const auto fresh = noto.shaped(text, begin, end);
    REQUIRE(fresh.size() >= 3);
    CHECK(fresh.front().cluster > fresh.back().cluster);  // visual order: descending clusters
    CHECK_FALSE(noto.kept(text, begin, end));
    CHECK(noto.in_a_run(text, begin, end) == fresh);  // shaped, and kept as the run ends
    CHECK(noto.kept(text, begin, end) == fresh);
    CHECK(noto.in_a_run(text, begin, end) == fresh);  // read back
  }
  // Kept for this language and direction only.
  const std::string key = text::RememberedWords::run_key(text, 0, text.size());
  CHECK_FALSE(text::RememberedWords(*noto.face, "fa", "Arab", kRightToLeft).find(key, 0, text.size()));
  CHECK_FALSE(text::RememberedWords(*noto.face, "ar", "Arab", text::RememberedWords::Kept::kRunsLeftToRight)
                  .find(key, 0, text.size()));
}

TEST_CASE("a kept right-to-left run out of order, out of its bounds or with a glyph not the face's is shaped afresh",
          "[fonts]") {
  if (!noto_sans_arabic_installed()) return;
  const std::string text = kKatab + " " + kKatab;
  using Glyphs = std::vector<text::ShapedGlyph>;
  struct Damage {
    const char* what;
    std::size_t begin, end;
    std::function<void(Glyphs&, unsigned glyph_count)> make;
  };
  const std::vector<Damage> damages{
      {"clusters ascending", 0, text.size(),
       [](Glyphs& glyphs, unsigned) { std::reverse(glyphs.begin(), glyphs.end()); }},
      {"two clusters out of order", 0, text.size(),
       [](Glyphs& glyphs, unsigned) { std::swap(glyphs[0].cluster, glyphs[1].cluster); }},
      {"a cluster after the run, in its context", 0, 6, [](Glyphs& glyphs, unsigned) { glyphs.front().cluster = 7; }},
      {"a cluster before the run, in its context", 7, text.size(),
       [](Glyphs& glyphs, unsigned) { glyphs.back().cluster = 0; }},
      {"a glyph id past the face's", 0, text.size(),
       [](Glyphs& glyphs, unsigned glyph_count) { glyphs[1].id = glyph_count; }},
  };
  for (const Damage& damage : damages) {
    INFO(damage.what);
    const NotoArabicWithCache noto;
    REQUIRE(noto.face);
    const Glyphs fresh = noto.shaped(text, damage.begin, damage.end);
    REQUIRE(fresh.size() >= 3);
    REQUIRE(fresh[0].cluster > fresh[1].cluster);
    Glyphs planted = fresh;
    damage.make(planted, hb_face_get_glyph_count(noto.face->hb_face()));
    REQUIRE(planted != fresh);
    noto.plant(text, damage.begin, damage.end, planted);
    CHECK_FALSE(noto.kept(text, damage.begin, damage.end));
    CHECK(noto.in_a_run(text, damage.begin, damage.end) == fresh);
    CHECK(noto.kept(text, damage.begin, damage.end) == fresh);  // the planted glyphs replaced
  }
}

TEST_CASE("a right-to-left run kept in one context is not read in another", "[fonts]") {
  if (!noto_sans_arabic_installed()) return;
  const NotoArabicWithCache noto;
  REQUIRE(noto.face);
  // The same three letters, alone, then followed by a kaf, which beh joins.
  const std::string alone = kKatab;
  const std::string followed = kKatab + "\xD9\x83";
  const auto shaped_alone = noto.in_a_run(alone, 0, 6);
  const auto joined = noto.shaped(followed, 0, 6);
  REQUIRE(shaped_alone != joined);  // the context changes the glyphs
  CHECK(noto.kept(alone, 0, 6) == shaped_alone);
  CHECK_FALSE(noto.kept(followed, 0, 6));
  CHECK(noto.in_a_run(followed, 0, 6) == joined);
  CHECK(noto.kept(followed, 0, 6) == joined);
  CHECK(noto.kept(alone, 0, 6) == shaped_alone);
  // Nor with other bounds in the same text.
  CHECK_FALSE(noto.kept(alone, 0, 4));
}

TEST_CASE("FreeType's facts of a face that opened are kept, and the face opened from them is the same", "[fonts]") {
  if (!noto_sans_installed()) return;
  NotoSansWithCache noto;  // opened through FreeType, its facts kept
  const auto& face = noto.face;
  REQUIRE(face);
  REQUIRE(face->identity());
  const auto facts_of = [](const fonts::Face& opened) {
    return fonts::FreeTypeFacts{opened.family(), opened.style_name(), opened.postscript_name(), opened.metrics()};
  };
  const auto file = fonts::freetype_facts_file(*face->identity(), 0);
  REQUIRE(file);
  const auto kept = fonts::read_freetype_facts(*file);
  REQUIRE(kept);
  CHECK(*kept == facts_of(*face));
  CHECK(kept->family == "Noto Sans");
  CHECK(kept->metrics.units_per_em == 1000);
  CHECK_FALSE(fonts::freetype_facts_file(*face->identity(), 1) == file);  // another face of the file

  const auto again = fonts::Face::try_open(kNotoSans, 0, noto.error);  // from the kept facts
  REQUIRE(again);
  CHECK(facts_of(*again) == facts_of(*face));

  // A damaged entry (cut short, a flag that is not one) is not read; the face opens the same.
  std::string bytes;
  {
    std::ifstream in(*file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  for (std::string damaged : {bytes.substr(0, bytes.size() - 1), bytes.substr(0, bytes.size() - 1) + "\x02"}) {
    std::ofstream(*file, std::ios::binary | std::ios::trunc) << damaged;
    CHECK_FALSE(fonts::read_freetype_facts(*file));
    const auto reopened = fonts::Face::try_open(kNotoSans, 0, noto.error);
    REQUIRE(reopened);
    CHECK(facts_of(*reopened) == facts_of(*face));
  }
}
