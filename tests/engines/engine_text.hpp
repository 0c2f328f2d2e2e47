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

/// Visual-order `line` (left to right on the page) in logical order, for a right-to-left
/// paragraph: UAX #9 run backwards (ICU's inverse bidi, numbers kept left to right).
/// Example: "היפרתונומיא יהמ" -> "מהי אימונותרפיה".
std::string logical_from_visual(const std::string& line);

/// The strings of `leaflet_dir` in `language`, in the order `leafpress strings export` lists
/// them (the leaflet's content order), read from the PO file it writes.
std::vector<std::string> source_strings(const std::filesystem::path& leaflet_dir, const std::string& language);

/// The PO file's translations (msgstr, or msgid when it is empty), header left out.
std::vector<std::string> po_translations(const std::string& po);

}  // namespace leafpress::engines
