#pragma once

#include <filesystem>

// Where the engines tests find the project, the leafpress binary and pdf.js.

namespace leafpress::engines {

inline std::filesystem::path source_dir() { return LEAFPRESS_SOURCE_DIR; }
inline std::filesystem::path leafpress_binary() { return LEAFPRESS_BINARY; }
/// The 23-language fixture leaflet.
inline std::filesystem::path fixture_leaflet() { return source_dir() / "tests/engines/languages"; }
/// The node script that prints pdf.js's text (pdfjs-dist from tests/engines/node_modules).
inline std::filesystem::path pdfjs_script() { return source_dir() / "tests/engines/pdfjs_text.mjs"; }
/// Where ctest's engines_pdfs fixture writes the PDFs every engines test reads.
inline std::filesystem::path fixture_output() { return LEAFPRESS_ENGINES_OUTPUT; }

}  // namespace leafpress::engines
