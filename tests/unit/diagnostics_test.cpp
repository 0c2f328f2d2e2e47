#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/diagnostic_rules.hpp"
#include "core/diagnostics.hpp"
#include "core/link_target.hpp"
#include "core/printable.hpp"
#include "core/source_span.hpp"
#include "fonts/font_registry.hpp"
#include "support/scratch_dir.hpp"

using namespace leafpress;

TEST_CASE("printable escapes control characters, invalid UTF-8 and bidi overrides, and keeps the rest", "[core]") {
  CHECK(core::printable("café – مرحبا 日本") == "café – مرحبا 日本");
  CHECK(core::printable("a\nb\tc\rd") == "a\\nb\\tc\\rd");
  CHECK(core::printable(std::string("x\0y", 3)) == "x\\x00y");
  CHECK(core::printable("\x1b[31mred\x7f") == "\\x1B[31mred\\x7F");
  CHECK(core::printable("caf\xE9") == "caf\\xE9");                 // Latin-1, not UTF-8
  CHECK(core::printable("\xC0\xAF") == "\\xC0\\xAF");               // overlong '/'
  CHECK(core::printable("\xED\xA0\x80") == "\\xED\\xA0\\x80");      // a surrogate
  CHECK(core::printable("\xF4\x90\x80\x80") == "\\xF4\\x90\\x80\\x80");  // past U+10FFFF
  CHECK(core::printable("\xE2\x82") == "\\xE2\\x82");               // cut short
  CHECK(core::printable("\xC2\x9B" "2J") == "\\xC2\\x9B2J");        // C1 CSI
  CHECK(core::printable("a\xE2\x80\xAE" "b\xE2\x80\xA8") == "a\\u{202E}b\\u{2028}");
  CHECK(core::printable("\xF0\x9F\x98\x80") == "\xF0\x9F\x98\x80");  // an emoji stays
}

TEST_CASE("diagnostics show control characters escaped in every part", "[core]") {
  core::Diagnostics diags;
  diags.error({"dir\x1b/fr.yaml", 3, 1}, "unknown key 'a\n::error::x' in 'theme'", "did you\tmean");
  CHECK(core::format(diags.items()[0]) ==
        "dir\\x1B/fr.yaml:3:1: error: unknown key 'a\\n::error::x' in 'theme'\n  hint: did you\\tmean");
}

TEST_CASE("patterns match whole messages, '*' standing for any text", "[core]") {
  CHECK(core::matches_pattern("unknown key '*' in '*'", "unknown key 'colour' in 'theme'"));
  CHECK(core::matches_pattern("*", ""));
  CHECK(core::matches_pattern("a*b*c", "aXbYbZc"));
  CHECK_FALSE(core::matches_pattern("unknown key '*' in '*'", "unknown key 'colour' in 'theme' again"));
  CHECK_FALSE(core::matches_pattern("abc", "ab"));
}

TEST_CASE("each message gets its rule; rule ids are unique and documented", "[core]") {
  CHECK(core::rule_for("unknown key 'colour' in 'theme'").id == "LP0201");
  CHECK(core::rule_for("expected true or false for 'crop_marks', got 'maybe'").id == "LP0299");
  CHECK(core::rule_for("expected a colour such as '#0B6E75' for 'text', got 'x'").id == "LP0206");
  CHECK(core::rule_for("no ICC profile 'a.icc' in the leaflet's folder").id == "LP0210");
  CHECK(core::rule_for("something nobody wrote a rule for").id == "LP0000");
  core::Diagnostics diags;
  diags.warning({"x.yaml", 1, 1}, "string 'a.b' is not used by the leaflet");
  CHECK(diags.items()[0].rule == "LP0303");

  std::ifstream readme(std::filesystem::path(LEAFPRESS_SOURCE_DIR) / "leaflets" / "README.md");
  std::stringstream text;
  text << readme.rdbuf();
  std::set<std::string_view> ids;
  for (const core::DiagnosticRule& rule : core::diagnostic_rules()) {
    INFO(rule.id);
    CHECK(ids.insert(rule.id).second);
    CHECK_FALSE(rule.patterns.empty());
    CHECK(text.str().find("| " + std::string(rule.id) + " | `" + std::string(rule.name) + "` | " +
                          std::string(rule.summary) + " |") != std::string::npos);
  }
}

TEST_CASE("a value ends at its closing quote, bracket, comment or the key's colon", "[core]") {
  CHECK(core::value_end_column("  title: Immunotherapy", 10) == 23);
  CHECK(core::value_end_column("  title: Immunotherapy  # the cover", 10) == 23);
  CHECK(core::value_end_column("  colours: x", 3) == 10);
  CHECK(core::value_end_column("text: \"a \\\" b\" # c", 7) == 15);
  CHECK(core::value_end_column("text: 'it''s' # c", 7) == 14);
  CHECK(core::value_end_column("list: [a, [b, c], \"]\"]", 7) == 23);
  CHECK(core::value_end_column("list: [alpha, beta]", 15) == 19);
  CHECK(core::value_end_column("open: \"not closed", 7) == 18);
  CHECK(core::value_end_column("short", 40) == 40);
  CHECK(core::code_point_column("é: 1", 4) == 3);
  CHECK(core::code_point_column("ab", 5) == 5);
}

TEST_CASE("a problem found in several documents is merged into one listing where", "[core]") {
  auto found = [](const char* language, const char* format, const char* message) {
    core::Diagnostic d{core::Severity::warning, {"fr.yaml", 2, 3}, message};
    d.languages = {language};
    d.formats = {format};
    return d;
  };
  const auto merged = core::merge_documents({found("fr", "brochure", "a"), found("fr", "trifold", "a"),
                                             found("fr", "trifold", "b"), found("en", "booklet", "a")});
  REQUIRE(merged.size() == 2);
  CHECK(merged[0].message == "a");
  CHECK(merged[0].languages == std::vector<std::string>{"fr", "en"});
  CHECK(merged[0].formats == std::vector<std::string>{"brochure", "trifold", "booklet"});
  CHECK(merged[1].formats == std::vector<std::string>{"trifold"});
}

TEST_CASE("link targets: allowed schemes only, printable ASCII, a host for the web, a length limit", "[core]") {
  const core::LinkPolicy policy;
  for (const char* good : {"https://example.org/", "http://example.org/a?b=c#d", "mailto:info@example.org",
                           "tel:+33123456789", "HTTPS://EXAMPLE.ORG"}) {
    INFO(good);
    CHECK_FALSE(core::link_problem(good, policy));
  }
  auto message = [&](std::string_view target) { return core::link_problem(target, policy).value().message; };
  CHECK(message("javascript:alert(1)") == "link target 'javascript:alert(1)' uses the scheme 'javascript', which is not allowed");
  CHECK(message("file:///etc/passwd").ends_with("uses the scheme 'file', which is not allowed"));
  CHECK(message("data:text/html,x").ends_with("uses the scheme 'data', which is not allowed"));
  CHECK(message("//server/share").ends_with("is not a full address with a scheme such as 'https:'"));
  CHECK(message("leaflet.pdf").ends_with("is not a full address with a scheme such as 'https:'"));
  CHECK(message("\\\\server\\share").ends_with("holds a space, a backslash or a character outside ASCII"));
  CHECK(message("https://exämple.org").ends_with("holds a space, a backslash or a character outside ASCII"));
  CHECK(message(std::string("https://a.org/\0x", 16)) == "link target 'https://a.org/\\x00x' holds a control character");
  CHECK(message("https://a.org/\x1b[2J").ends_with("holds a control character"));
  CHECK(message("https:example.org").ends_with("has no host"));
  CHECK(message("mailto:").ends_with("is empty after 'mailto:'"));
  CHECK(message("https://a.org/" + std::string(2100, 'a')).ends_with("is 2114 bytes, over the limit of 2048"));
  core::LinkPolicy ftp;
  ftp.schemes = {"https", "ftp"};
  CHECK_FALSE(core::link_problem("ftp://example.org/x", ftp));
  CHECK(core::link_problem("mailto:a@b.org", ftp));
  CHECK(core::list_schemes(ftp) == "https or ftp");
}

TEST_CASE("PDF text strings count UTF-16 units with their byte order mark", "[core]") {
  CHECK(core::pdf_string_units("") == 1);
  CHECK(core::pdf_string_units("abc") == 4);
  CHECK(core::pdf_string_units("é") == 2);
  CHECK(core::pdf_string_units("\xF0\x9F\x98\x80") == 3);  // a surrogate pair
}

TEST_CASE("every face of a font collection in the font folder is a font of its own", "[fonts]") {
  const std::filesystem::path collection = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
  if (!std::filesystem::exists(collection)) return;  // fonts-noto-cjk is not one of our packages
  const testing::ScratchDir dir;
  std::filesystem::create_symlink(collection, dir.path() / "cjk.ttc");
  fonts::FontRegistry registry({dir.path()}, /*allow_outside=*/true);
  CHECK(registry.unusable_files().empty());
  const auto families = registry.folder_families();
  // Noto Serif CJK's collection holds one face per region: JP, KR, SC, TC, HK.
  CHECK(families.size() >= 5);
  CHECK(std::find(families.begin(), families.end(), "Noto Serif CJK KR") != families.end());
  const fonts::Face* korean = registry.find("Noto Serif CJK KR", fonts::FontStyle{});
  REQUIRE(korean);
  CHECK(korean->family() == "Noto Serif CJK KR");
}
