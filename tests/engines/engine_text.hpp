#pragma once

#include <filesystem>
#include <string>
#include <vector>

// The four PDF engines our readers use, each asked for a document's text the way its users
// get it (copy, search, screen readers).

namespace leafpress::engines {

enum class Engine : unsigned char { kPoppler, kMuPdf, kGhostscript, kPdfJs };

inline constexpr Engine kAllEngines[] = {Engine::kPoppler, Engine::kMuPdf, Engine::kGhostscript, Engine::kPdfJs};

/// "poppler", "mupdf", "ghostscript", "pdf.js".
std::string engine_name(Engine engine);

/// The whole document's text as `engine` gives it, in logical order:
/// poppler `pdftotext`; MuPDF `mutool convert -F text`; Ghostscript `-sDEVICE=txtwrite`,
/// whose lines are in visual order, so for a right-to-left document (`rtl`) each line is
/// turned back into logical order by ICU's inverse bidi; pdf.js `getTextContent` (through
/// tests/engines/pdfjs_text.mjs), its items joined and a line end after each `hasEOL`.
/// Throws when the engine fails.
std::string engine_text(Engine engine, const std::filesystem::path& pdf, bool rtl);

/// The text pdf.js reads through its structure tree (`getStructTree`, which it gives per
/// page): pages in order, each page's tree depth first, each marked-content reference
/// replaced by the text of the `getTextContent` items in that marked content.
std::string pdfjs_structure_text(const std::filesystem::path& pdf);

/// Visual-order `line` (left to right on the page) in logical order, for a right-to-left
/// paragraph: UAX #9 run backwards (ICU's inverse bidi, numbers kept left to right).
/// Example: "היפרתונומיא יהמ" -> "מהי אימונותרפיה".
std::string logical_from_visual(const std::string& line);

/// Which strings of a leaflet to read: all, or those the structure tree reads in the PO
/// file's order (not the running header, the footer note, the document title alone,
/// alternative texts, nor the title block's kicker, which is read before the title it
/// follows in the file).
enum class Strings : unsigned char { kAll, kReadInStructure };

/// The strings of `leaflet_dir` in `language`, in the order `leafpress strings export` lists
/// them (the strings file's order, which follows the content), read from the PO file it writes.
std::vector<std::string> source_strings(const std::filesystem::path& leaflet_dir, const std::string& language,
                                        Strings which = Strings::kAll);

/// One entry of a PO file: its translation (msgstr, or msgid when that is empty) and the
/// "#. used as:" comments leafpress writes above it.
struct PoString {
  std::string text;
  std::vector<std::string> uses;
};

/// The PO file's entries, header left out.
std::vector<PoString> po_strings(const std::string& po);

}  // namespace leafpress::engines
