#include "core/diagnostic_rules.hpp"

#include <algorithm>
#include <array>

namespace leafpress::core {
namespace {

// Patterns are matched in table order; a more specific pattern comes before a general one
// within a rule, and rules whose patterns overlap list the narrower rule first.
constexpr std::string_view kOther[] = {"*"};
constexpr std::string_view kFileUnreadable[] = {"cannot read file", "cannot read *"};
constexpr std::string_view kFileTooLarge[] = {"file is *, over the limit of *", "file larger than the limit of *",
                                              "hyphenation dictionary of *, over the limit of *"};
constexpr std::string_view kInvalidUtf8[] = {"invalid UTF-8 byte sequence"};
constexpr std::string_view kNulByte[] = {"NUL byte in a YAML file"};
constexpr std::string_view kMalformedYaml[] = {"malformed YAML: *"};
constexpr std::string_view kYamlAlias[] = {"YAML aliases *"};
constexpr std::string_view kNestingLimit[] = {"maps and lists nested deeper than *"};
constexpr std::string_view kStringLimit[] = {"string longer than the limit of *"};
constexpr std::string_view kPdfStringLimit[] = {"string '*' is * UTF-16 units long, over the * a PDF text string holds"};
constexpr std::string_view kOutsideFolder[] = {"a link to '*', outside the *", "* is outside the leaflet folder*",
                                               "ICC profile '*' leads outside the leaflet folder*",
                                               "theme file '*' leads outside the folder of the leaflets*",
                                               "variants file '*' leads outside the leaflet folder*"};
constexpr std::string_view kNoLeaflet[] = {"no leaflet.yaml in this folder"};
constexpr std::string_view kUnknownKey[] = {"unknown key '*' in '*'"};
constexpr std::string_view kDuplicateKey[] = {"duplicate key '*'*"};
constexpr std::string_view kMissingKey[] = {"missing key '*' in '*'"};
constexpr std::string_view kUnknownBlock[] = {"unknown block kind '*'"};
constexpr std::string_view kUnknownFormat[] = {"unknown format '*'", "format '*' is listed twice"};
constexpr std::string_view kBadColour[] = {"bad colour *", "expected a colour *",
                                           "no colour named '*' in the theme's palette for '*'",
                                           "duplicate colour '*' in 'palette'"};
constexpr std::string_view kThemeFile[] = {"no theme file '*'", "theme file '*' extends itself",
                                           "theme files extend each other more than *",
                                           "expected the path of a theme file *"};
constexpr std::string_view kVariants[] = {
    "no variants file '*'", "cannot read variants file '*'", "the variants file '*' has no *",
    "expected a variants file *", "a variants file needs 'variables' *", "no value for '*' in *",
    "variant '*' is named twice", "no variant name in this row", "expected a variant name *",
    "unknown variable '*' in the header row", "unknown variable '*' in the variants file", "column '*' is named twice",
    "no 'variant' column in the header row", "this row has * fields, the header row *",
    "the '\"' of this field is never closed", "text after the closing '\"' of a field", "NUL byte in a CSV file",
    "variable '*' has no value", "duplicate variable '*'", "'variant' names the variants *",
    "expected a variable name *", "expected a list of variants*", "--variant: *"};
constexpr std::string_view kPlaceholder[] = {"unknown variable '{*}' in string '*'",
                                             "the translation of '*' has the placeholders * where the * has *"};
constexpr std::string_view kBadLanguage[] = {"expected a language tag *", "language '*' is listed twice",
                                             "expected a list of language tags *",
                                             "the leaflet has no language '*'"};
constexpr std::string_view kBadLink[] = {"expected a web address *", "malformed link in string '*'",
                                         "link target *", "the address is too long for a QR code*"};
constexpr std::string_view kWrongType[] = {"expected *"};
constexpr std::string_view kBadPageSetup[] = {"the margins leave a text frame of *",
                                              "the fold-in panel must be *", "a panel margin of more than *",
                                              "a figure's width must be more than 0",
                                              "a QR code smaller than 10 mm is hard to scan",
                                              "the QR code's squares are *", "* columns would be * mm wide on the *",
                                              "unknown page size '*'", "a poster of * is smaller than A4",
                                              "this row has * cell*; the header has *",
                                              "the table's widths add up to *", "a table of * columns does not fit a page*"};
constexpr std::string_view kIccProfile[] = {"no ICC profile '*'*", "cannot read ICC profile '*'*",
                                            "ICC profile '*' is larger than *", "'*' is * profile for *",
                                            "'*' is not an ICC profile*", "'*' is *"};
constexpr std::string_view kMissingStringsFile[] = {"missing strings file '*' for language '*'"};
constexpr std::string_view kMissingDefaultString[] = {"no string '*' in * (the default language)"};
constexpr std::string_view kUnusedString[] = {"string '*' is not used by the leaflet"};
constexpr std::string_view kMissingTranslation[] = {"string '*' is missing from *; using the '*' text"};
constexpr std::string_view kBadMarkup[] = {"unclosed * in string '*'", "malformed language span in string '*'",
                                           "* combining marks in a row in string '*'"};
constexpr std::string_view kTextLimit[] = {"the leaflet's text comes to more than *"};
constexpr std::string_view kPageLimit[] = {"this block would start page *, past the limit of *"};
constexpr std::string_view kPageCount[] = {"the text does not fit in the * asked for: *",
                                           "a booklet's page count must be a multiple of 4, got *"};
constexpr std::string_view kSetToFit[] = {"* set at * of its type sizes to *", "the * cover sets this picture at * to fill the cover",
                                          "the * tri-fold sets its sources at the end of its inside panels*"};
constexpr std::string_view kUnknownFont[] = {"unknown font '*'"};
constexpr std::string_view kUncoveredCharacter[] = {"no font covers *"};
constexpr std::string_view kFontFile[] = {"hb-subset cannot subset this font *", "*; this file is ignored",
                                          "not a regular file", "truncated: *"};
constexpr std::string_view kNoHyphenation[] = {"no hyphenation dictionary for '*'*"};
constexpr std::string_view kLineOverflow[] = {"a line overflows its column by *"};
constexpr std::string_view kBlockTooTall[] = {"block is taller than a page column by *"};
constexpr std::string_view kTrifoldFull[] = {"the tri-fold's * is full*", "the tri-fold's panels are full*",
                                             "the poster is * full*", "the poster is full*", "the flyer has * side*"};
constexpr std::string_view kPicture[] = {"no * in the leaflet folder", "logo '*' is a vector file*", "* is a folder, not a picture",
                                         "* is not a PNG or JPEG picture*", "* is over *, more than a picture of *",
                                         "* is truncated*", "* is damaged*", "* is a damaged *",
                                         "* is a kind of JPEG *", "* is an arithmetic-coded JPEG*",
                                         "* is a CMYK JPEG *", "* is a JPEG of *", "* is * x * pixels*",
                                         "* ppi*"};
constexpr std::string_view kUndatedPdfX[] = {"the press file identifies itself as PDF/X-4, which needs dates*"};
constexpr std::string_view kPoFile[] = {"plural forms are not used in leaflets", "the PO header has no *",
                                        "the leaflet has no string '*'; it is not imported",
                                        "'*' is not in the leaflet's languages, so it is not built"};
constexpr std::string_view kNoPreview[] = {"no preview: *", "--preview: *"};
constexpr std::string_view kOutput[] = {"cannot write '*'*", "cannot create *"};

constexpr std::string_view kDecodedPixels[] = {"* would bring the leaflet's decoded pictures to *"};

constexpr std::array kRules = {
    DiagnosticRule{"LP0000", "other", "a problem without a rule of its own", kOther},
    DiagnosticRule{"LP0101", "file-unreadable", "a file cannot be read", kFileUnreadable},
    DiagnosticRule{"LP0102", "file-too-large", "a YAML file over --max-file-bytes, or a hyphenation dictionary over 4 MiB",
                   kFileTooLarge},
    DiagnosticRule{"LP0103", "invalid-utf8", "a file is not valid UTF-8", kInvalidUtf8},
    DiagnosticRule{"LP0104", "nul-byte", "a YAML file holds a NUL byte (often a UTF-16 file)", kNulByte},
    DiagnosticRule{"LP0105", "malformed-yaml", "the YAML parser rejects the file", kMalformedYaml},
    DiagnosticRule{"LP0106", "yaml-alias", "YAML aliases, which leaflet files do not allow", kYamlAlias},
    DiagnosticRule{"LP0107", "nesting-limit", "maps and lists nested deeper than --max-nesting", kNestingLimit},
    DiagnosticRule{"LP0108", "string-limit", "a string over --max-string-bytes", kStringLimit},
    DiagnosticRule{"LP0109", "outside-folder", "a file or link leading outside the leaflet or font folder",
                   kOutsideFolder},
    DiagnosticRule{"LP0110", "no-leaflet", "a folder without leaflet.yaml", kNoLeaflet},
    DiagnosticRule{"LP0111", "pdf-string-limit", "a title, heading or alternative text longer than a PDF string",
                   kPdfStringLimit},
    DiagnosticRule{"LP0201", "unknown-key", "a key the schema does not know", kUnknownKey},
    DiagnosticRule{"LP0202", "duplicate-key", "a key given twice in one map", kDuplicateKey},
    DiagnosticRule{"LP0203", "missing-key", "a key the schema requires is absent", kMissingKey},
    DiagnosticRule{"LP0204", "unknown-block", "a block kind the schema does not know", kUnknownBlock},
    DiagnosticRule{"LP0205", "unknown-format", "a format other than brochure, trifold, booklet, poster or flyer, or one listed twice",
                   kUnknownFormat},
    DiagnosticRule{"LP0206", "bad-colour", "a colour that is not #RRGGBB or cmyk(...)", kBadColour},
    DiagnosticRule{"LP0207", "bad-language", "a language tag that is malformed, repeated or not defined",
                   kBadLanguage},
    DiagnosticRule{"LP0208", "bad-link", "a link or QR address that is not allowed or too long", kBadLink},
    DiagnosticRule{"LP0209", "page-setup", "page sizes, margins, columns, panels, figure widths, QR sizes or table shapes that leave no room",
                   kBadPageSetup},
    DiagnosticRule{"LP0210", "icc-profile", "a press ICC profile that is missing, too large or of the wrong kind",
                   kIccProfile},
    DiagnosticRule{"LP0211", "theme-file", "a theme file that is missing, not a .yaml file, or extends itself",
                   kThemeFile},
    DiagnosticRule{"LP0212", "variants", "a variants file or row that is missing, malformed or lacks a value",
                   kVariants},
    DiagnosticRule{"LP0299", "wrong-type", "a value of the wrong type or form (\"expected ..., got ...\")",
                   kWrongType},
    DiagnosticRule{"LP0301", "missing-strings-file", "a language listed without its <lang>.yaml",
                   kMissingStringsFile},
    DiagnosticRule{"LP0302", "missing-default-string", "a key used by a block but absent from the default language",
                   kMissingDefaultString},
    DiagnosticRule{"LP0303", "unused-string", "a string no block uses", kUnusedString},
    DiagnosticRule{"LP0304", "missing-translation", "a string missing from a language, shown in the default language",
                   kMissingTranslation},
    DiagnosticRule{"LP0305", "bad-markup", "inline markup left open or malformed", kBadMarkup},
    DiagnosticRule{"LP0306", "text-limit", "more text than --max-text-bytes, or than --max-pages pages can hold",
                   kTextLimit},
    DiagnosticRule{"LP0307", "po-file", "a PO file leafpress cannot import as it is", kPoFile},
    DiagnosticRule{"LP0308", "placeholder", "a {variable} no variable declares, or a translation that drops or "
                   "renames one", kPlaceholder},
    DiagnosticRule{"LP0401", "unknown-font", "a font family no font file provides", kUnknownFont},
    DiagnosticRule{"LP0402", "uncovered-character", "a character no font in the fallback chain covers",
                   kUncoveredCharacter},
    DiagnosticRule{"LP0403", "font-file", "a font file that cannot be used", kFontFile},
    DiagnosticRule{"LP0404", "no-hyphenation", "a language without a hyphenation dictionary", kNoHyphenation},
    DiagnosticRule{"LP0501", "line-overflow", "a line wider than its column", kLineOverflow},
    DiagnosticRule{"LP0502", "block-too-tall", "a block taller than a page column", kBlockTooTall},
    DiagnosticRule{"LP0503", "trifold-full", "text that does not fit the tri-fold's panels, the poster's page or the flyer's sides", kTrifoldFull},
    DiagnosticRule{"LP0504", "page-limit", "a document longer than --max-pages", kPageLimit},
    DiagnosticRule{"LP0505", "page-count", "text that does not fit the page count asked for ('pages:')", kPageCount},
    DiagnosticRule{"LP0506", "set-to-fit", "a note: a brochure or booklet set smaller or larger to fit its pages, a picture grown to fill a cover, sources moved to fill a tri-fold", kSetToFit},
    DiagnosticRule{"LP0601", "picture", "a picture that is missing, damaged, too large or of low resolution",
                   kPicture},
    DiagnosticRule{"LP0602", "decoded-pixel-limit", "the pictures of a leaflet over --max-decoded-pixels",
                   kDecodedPixels},
    DiagnosticRule{"LP0701", "undated-pdfx", "a PDF/X press file without SOURCE_DATE_EPOCH", kUndatedPdfX},
    DiagnosticRule{"LP0801", "no-preview", "PNG previews that could not be made", kNoPreview},
    DiagnosticRule{"LP0802", "output", "an output file or folder that cannot be written", kOutput},
};

// Tried before the rest: their patterns are narrower than the general "expected *" and
// "'*' is *" ones.
constexpr std::array<std::string_view, 8> kFirst = {"LP0308", "LP0212", "LP0206", "LP0207",
                                                    "LP0208", "LP0210", "LP0602", "LP0601"};

}  // namespace

bool matches_pattern(std::string_view pattern, std::string_view text) {
  // Greedy-with-backtrack glob: remember the last '*' and how much text it has taken.
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;
  std::size_t star_text = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_text = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++star_text;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::span<const DiagnosticRule> diagnostic_rules() { return kRules; }

const DiagnosticRule* find_rule(std::string_view id) {
  const auto it = std::find_if(kRules.begin(), kRules.end(), [&](const DiagnosticRule& r) { return r.id == id; });
  return it == kRules.end() ? nullptr : &*it;
}

const DiagnosticRule& rule_for(std::string_view message) {
  auto matches = [&](const DiagnosticRule& rule) {
    return std::any_of(rule.patterns.begin(), rule.patterns.end(),
                       [&](std::string_view pattern) { return matches_pattern(pattern, message); });
  };
  for (const std::string_view id : kFirst) {
    if (const DiagnosticRule* rule = find_rule(id); rule && matches(*rule)) return *rule;
  }
  for (std::size_t i = 1; i < kRules.size(); ++i) {
    if (matches(kRules[i])) return kRules[i];
  }
  return kRules[0];
}

}  // namespace leafpress::core
