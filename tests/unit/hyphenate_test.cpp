#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "support/scratch_dir.hpp"
#include "text/hyphenate.hpp"

using namespace leafpress;
using Points = std::vector<std::size_t>;

namespace {

const text::Hyphenator& hyphenator(text::HyphenatorCache& cache, const char* language) {
  const text::Hyphenator* found = cache.find(language);
  REQUIRE(found);
  return *found;
}

Points points(const char* language, const std::string& word, text::HyphenationSettings settings = {}) {
  text::HyphenatorCache cache({std::filesystem::path(text::kSystemHyphenationDir)}, settings);
  return hyphenator(cache, language).hyphenation_points(word);
}

}  // namespace

TEST_CASE("words are hyphenated by the patterns of their language", "[hyphenate]") {
  // im-mu-no-thé-ra-pie: "é" is two bytes, so the last two points are bytes 10 and 12.
  CHECK(points("fr", "immunothérapie") == Points{2, 4, 6, 10, 12});
  CHECK(points("fr", "lymphocytes") == Points{3, 6});
  CHECK(points("fr", "traitement") == Points{4, 6});
  // The US patterns are sparse but safe: im-munother-apy, treat-ment, lym-pho-cytes.
  CHECK(points("en", "immunotherapy") == Points{2, 10});
  CHECK(points("en", "treatment") == Points{5});
  CHECK(points("en", "lymphocytes") == Points{3, 6});
  CHECK(points("es", "inmunoterapia") == Points{2, 4, 6, 8, 10});
  CHECK(points("it", "immunoterapia") == Points{2, 4, 6, 8, 10});
  // i-mu-no-te-ra-pi-a, less "i-" (left_min 2) and "pi-a" (right_min 3).
  CHECK(points("pt", "imunoterapia") == Points{3, 5, 7, 9});
}

TEST_CASE("capitalised words are lowercased for the patterns, offsets stay the original's", "[hyphenate]") {
  CHECK(points("de", "Krankenhaus") == Points{4, 7});
  CHECK(points("de", "krankenhaus") == Points{4, 7});
  CHECK(points("fr", "Thérapie") == Points{4, 6});
  // The German dictionary is ISO 8859-1: "Mü-dig-keit" converts, and "ü" is two bytes here.
  CHECK(points("de", "Müdigkeit") == Points{3, 6});
  // "ł" has no ISO 8859-1 byte, so the German patterns cannot see the word.
  CHECK(points("de", "Łukasiewicz").empty());
}

TEST_CASE("minimum word and fragment lengths are counted in characters", "[hyphenate]") {
  CHECK(points("fr", "immunité") == Points{2, 4});
  CHECK(points("fr", "immunité", {.right_min = 2}) == Points{2, 4, 6});
  CHECK(points("fr", "immunothérapie", {.left_min = 3}) == Points{4, 6, 10, 12});
  // "thérapie" is 9 bytes but 8 characters.
  CHECK(points("fr", "thérapie", {.min_word_length = 9}).empty());
  CHECK(points("fr", "thérapie", {.min_word_length = 8}) == Points{4, 6});
  CHECK(points("fr", "cible", {.min_word_length = 6}).empty());
  // The English dictionary declares RIGHTHYPHENMIN 3, which wins over a smaller setting.
  CHECK(points("en", "immunotherapy", {.right_min = 1}) == Points{2, 10});
}

TEST_CASE("acronyms, words with digits and hyphenated words get no points", "[hyphenate]") {
  CHECK(points("fr", "CTLA-4").empty());
  CHECK(points("en", "PD-L1").empty());
  CHECK(points("fr", "IMMUNOTHÉRAPIE").empty());
  CHECK(points("en", "mRNAvaccine").empty());
  CHECK(points("en", "covid19vaccine").empty());
  CHECK(points("fr", "anti-tumoral").empty());
  CHECK(points("fr", "immuno\u00ADthérapie").empty());
  CHECK(points("fr", "immun\xC3").empty());
}

TEST_CASE("non-standard hyphenation points are dropped", "[hyphenate]") {
  const testing::ScratchDir dir;
  // Schiffahrt → Schiff-fahrt adds a letter; only the standard point h-r is kept.
  dir.write("hyph_xx.dic", "UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nf1f/ff=f,1,2\nh1r\n");
  text::HyphenatorCache cache({dir.path()}, {.right_min = 2});
  CHECK(hyphenator(cache, "xx").hyphenation_points("Schiffahrt") == Points{8});
}

TEST_CASE("dictionaries are found by language, region and folder", "[hyphenate]") {
  const testing::ScratchDir project;
  const testing::ScratchDir system;
  system.write("hyph_en_GB.dic", "UTF-8\n");
  system.write("hyph_en_US.dic", "UTF-8\n");
  system.write("hyph_es_AR.dic", "UTF-8\n");
  system.write("hyph_es_MX.dic", "UTF-8\n");
  system.write("hyph_fr_CA.dic", "UTF-8\n");
  system.write("hyph_eu.dic", "UTF-8\n");
  project.write("hyph_fr.dic", "UTF-8\n");
  const std::vector<std::filesystem::path> dirs{project.path(), system.path()};

  CHECK(text::find_hyphenation_dictionary("en-GB", dirs) == system.path() / "hyph_en_GB.dic");
  CHECK(text::find_hyphenation_dictionary("en", dirs) == system.path() / "hyph_en_US.dic");
  CHECK(text::find_hyphenation_dictionary("en-AU", dirs) == system.path() / "hyph_en_GB.dic");
  CHECK(text::find_hyphenation_dictionary("es", dirs) == system.path() / "hyph_es_AR.dic");
  CHECK(text::find_hyphenation_dictionary("es-MX", dirs) == system.path() / "hyph_es_MX.dic");
  // The project's folder comes first, even against an exact region elsewhere.
  CHECK(text::find_hyphenation_dictionary("fr-CA", dirs) == project.path() / "hyph_fr.dic");
  CHECK_FALSE(text::find_hyphenation_dictionary("e", dirs));
  CHECK_FALSE(text::find_hyphenation_dictionary("de", dirs));
  CHECK_FALSE(text::find_hyphenation_dictionary("", dirs));
}

TEST_CASE("each installed dictionary is loaded once, whatever the region asked for", "[hyphenate]") {
  text::HyphenatorCache cache;
  for (const char* language : {"fr", "en", "es", "de", "it", "pt"}) CHECK(cache.find(language));
  CHECK(cache.find("de") == cache.find("de-AT"));
  CHECK(cache.find("fr") == cache.find("fr-CA"));
  CHECK(cache.find("en-GB") == cache.find("en-US"));
  CHECK(cache.find("pt-BR") == cache.find("pt"));
  CHECK(hyphenator(cache, "fr").path().filename() == "hyph_fr.dic");
  CHECK(hyphenator(cache, "en").path().filename() == "hyph_en_US.dic");
  CHECK(hyphenator(cache, "de").path().filename() == "hyph_de_DE.dic");
  CHECK(hyphenator(cache, "pt").path().filename() == "hyph_pt_PT.dic");
  CHECK(cache.find("tlh") == nullptr);
}

TEST_CASE("a paragraph's hyphenation points are byte offsets into its text", "[hyphenate]") {
  text::HyphenatorCache cache;
  // "thérapie" starts at byte 3: thé-ra-pie at 3 + 4 and 3 + 6.
  const std::string sentence = "La thérapie cible les lymphocytes T (CTLA-4).";
  CHECK(text::paragraph_hyphenation_points(sentence, "fr", cache) == Points{7, 9, 26, 29});

  // Words touching an unhyphenatable range, such as a URL, keep whole.
  const std::string with_url = "Voir immunotherapie.org/traitement puis traitement.";
  const text::ByteRange url{5, 34};
  CHECK(text::paragraph_hyphenation_points(with_url, "fr", cache, {&url, 1}) == Points{44, 46});
  CHECK(text::paragraph_hyphenation_points(with_url, "fr", cache).size() > 2);

  CHECK(text::paragraph_hyphenation_points(sentence, "tlh", cache).empty());
  CHECK(text::paragraph_hyphenation_points("", "fr", cache).empty());
}
